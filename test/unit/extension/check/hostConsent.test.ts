import { describe, expect, it } from 'vitest';
import type * as vscode from 'vscode';
import { HostConsent, needsConsent } from '../../../../src/extension/check/hostConsent';
import { ScriptedPrompts } from '../../../harness/scriptedPrompts';

function memento() {
  const values = new Map<string, unknown>();
  return { get: (k: string) => values.get(k), update: async (k: string, v: unknown) => { values.set(k, v); }, keys: () => [...values.keys()] } as unknown as vscode.Memento;
}

describe('needsConsent', () => {
  it('is not needed for Mistral\'s hosts and this machine, and needed for any other host', () => {
    expect(needsConsent('https://api.mistral.ai')).toBe(false);
    expect(needsConsent('https://codestral.mistral.ai')).toBe(false);
    expect(needsConsent('http://127.0.0.1:8080')).toBe(false);
    expect(needsConsent('https://proxy.corp.example')).toBe(true);
    expect(needsConsent('https://api.mistral.ai.evil.example')).toBe(true);
  });
});

describe('HostConsent', () => {
  it('asks once per host, naming it, and remembers a yes', async () => {
    const prompts = new ScriptedPrompts();
    const consent = new HostConsent(memento(), prompts);
    prompts.enqueue({ kind: 'message', action: 'Send the key to gateway.example:8443' });
    expect(await consent.allow(['https://api.mistral.ai', 'https://gateway.example:8443'], true)).toBe(true);
    expect(prompts.shownMessages).toHaveLength(1);
    expect(prompts.shownMessages[0]).toContain('gateway.example:8443');
    expect(await consent.allow(['https://gateway.example:8443'], false)).toBe(true);
    expect(prompts.shownMessages).toHaveLength(1);
  });

  it('refuses when the user declines, and never asks during an automatic check', async () => {
    const prompts = new ScriptedPrompts();
    const consent = new HostConsent(memento(), prompts);
    prompts.enqueue({ kind: 'message', action: undefined });
    expect(await consent.allow(['https://gateway.example'], true)).toBe(false);
    expect(await consent.allow(['https://gateway.example'], false)).toBe(false);
    expect(prompts.shownMessages).toHaveLength(1);
  });
});
