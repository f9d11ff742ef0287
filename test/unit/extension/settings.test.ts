import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import { shim } from '../vscode-shim';
import { readSettings, writeTool } from '../../../src/extension/settings';

const read = (trusted: boolean) => readSettings(vscode.workspace.getConfiguration('mistralKeyDoctor'), trusted);

describe('readSettings', () => {
  beforeEach(() => shim.reset());

  it('falls back to the defaults', () => {
    expect(read(true)).toEqual({
      tool: 'other', toolChosen: false, model: null, preferredCodestralModel: 'codestral-2501',
      apiBaseUrl: 'https://api.mistral.ai', codestralBaseUrl: 'https://codestral.mistral.ai', baseUrlScopes: { api: 'default', codestral: 'default' },
      autoCheck: true, planLookup: true, timeoutMs: 10_000, statusAlwaysVisible: true, ignored: [],
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

  it('says where each base URL came from, and reports a workspace value it ignores', () => {
    shim.configuration.set('mistralKeyDoctor.apiBaseUrl', 'http://127.0.0.1:9/');
    shim.workspaceConfiguration.set('mistralKeyDoctor.codestralBaseUrl', 'https://attacker.example');
    const untrusted = read(false);
    expect(untrusted.baseUrlScopes).toEqual({ api: 'user', codestral: 'default' });
    expect(untrusted.ignored).toEqual([expect.stringContaining('mistralKeyDoctor.codestralBaseUrl is set in the workspace settings')]);
    expect(read(true).baseUrlScopes).toEqual({ api: 'user', codestral: 'workspace' });
    expect(read(true).ignored).toEqual([]);
  });

  it('writes the tool where the choice sits and leaves the base URLs alone', async () => {
    shim.configuration.set('mistralKeyDoctor.apiBaseUrl', 'http://127.0.0.1:9');
    shim.workspaceConfiguration.set('mistralKeyDoctor.tool', 'cline');
    await writeTool('roo');
    expect(shim.workspaceConfiguration.get('mistralKeyDoctor.tool')).toBe('roo');
    expect(shim.configuration.has('mistralKeyDoctor.tool')).toBe(false);
    expect(read(true)).toMatchObject({ tool: 'roo', toolChosen: true, apiBaseUrl: 'http://127.0.0.1:9' });
  });

  it('declares the base URLs window-scoped: a remote window drops machine-scoped user values once the extension registers them', () => {
    const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, { scope?: string }> } } };
    const { properties } = manifest.contributes.configuration;
    expect([properties['mistralKeyDoctor.apiBaseUrl']!.scope, properties['mistralKeyDoctor.codestralBaseUrl']!.scope]).toEqual(['window', 'window']);
  });
});
