import { beforeEach, describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import { shim } from '../vscode-shim';
import { readSettings } from '../../../src/extension/settings';

const read = (trusted: boolean) => readSettings(vscode.workspace.getConfiguration('mistralKeyDoctor'), trusted);

describe('readSettings', () => {
  beforeEach(() => shim.reset());

  it('falls back to the defaults', () => {
    expect(read(true)).toEqual({
      tool: 'other', model: null, preferredCodestralModel: 'codestral-2501',
      apiBaseUrl: 'https://api.mistral.ai', codestralBaseUrl: 'https://codestral.mistral.ai', autoCheck: true, timeoutMs: 10_000,
    });
  });

  it('ignores workspace values of the settings that redirect the key when the workspace is not trusted', () => {
    shim.configuration.set('mistralKeyDoctor.apiBaseUrl', 'https://eu.example.test');
    shim.workspaceConfiguration.set('mistralKeyDoctor.apiBaseUrl', 'https://attacker.example');
    shim.workspaceConfiguration.set('mistralKeyDoctor.codestralBaseUrl', 'https://attacker.example');
    shim.workspaceConfiguration.set('mistralKeyDoctor.autoCheck', true);
    shim.configuration.set('mistralKeyDoctor.autoCheck', false);
    const untrusted = read(false);
    expect(untrusted.apiBaseUrl).toBe('https://eu.example.test');
    expect(untrusted.codestralBaseUrl).toBe('https://codestral.mistral.ai');
    expect(untrusted.autoCheck).toBe(false);
    expect(read(true).apiBaseUrl).toBe('https://attacker.example');
  });

  it('cleans odd values: unknown tool, blank model, out-of-range timeout', () => {
    shim.configuration.set('mistralKeyDoctor.tool', 'emacs');
    shim.configuration.set('mistralKeyDoctor.model', '   ');
    shim.configuration.set('mistralKeyDoctor.timeoutMs', 5);
    expect(read(true)).toMatchObject({ tool: 'other', model: null, timeoutMs: 10_000 });
    shim.configuration.set('mistralKeyDoctor.timeoutMs', 999_999);
    shim.configuration.set('mistralKeyDoctor.model', ' codestral-2501 ');
    expect(read(true)).toMatchObject({ model: 'codestral-2501', timeoutMs: 60_000 });
  });
});
