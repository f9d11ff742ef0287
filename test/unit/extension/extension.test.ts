// activate(): registers every contributed command and the status item, returns the test API only
// in test mode, and on failure shows a message and rethrows (VS Code would show nothing).
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import { activate } from '../../../src/extension/extension';
import { shim } from '../vscode-shim';
import { fakeContext } from './fakeContext';

const manifest = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };

function contextFor(mode: vscode.ExtensionMode) {
  const { context } = fakeContext();
  return Object.assign(context, { extensionMode: mode, subscriptions: [] as vscode.Disposable[] });
}

describe('activate', () => {
  beforeEach(() => shim.reset());
  afterEach(() => shim.reset());

  it('registers every contributed command and one status item that opens the menu (visible by default), and exports nothing in production', () => {
    const context = contextFor(vscode.ExtensionMode.Production);
    expect(activate(context)).toBeUndefined();
    expect([...shim.registered.keys()].sort()).toEqual(manifest.contributes.commands.map((c) => c.command).sort());
    expect(shim.statusItems).toHaveLength(1);
    expect(shim.statusItems[0]).toMatchObject({ visible: true, text: '$(key) Mistral: set a key', command: 'mistralKeyDoctor.statusMenu' });
    for (const subscription of context.subscriptions) subscription.dispose();
  });

  it('exports the test API in test mode', () => {
    const context = contextFor(vscode.ExtensionMode.Test);
    const api = activate(context);
    expect(api?.activationMs).toBeGreaterThan(0);
    expect(api?.statusBar()).toMatchObject({ visible: true, severity: null });
    shim.configuration.set('mistralKeyDoctor.statusBar.alwaysVisible', false);
    expect(api?.statusBar().visible).toBe(false);
    for (const subscription of context.subscriptions) subscription.dispose();
  });

  it('shows an error and rethrows when activation fails', () => {
    shim.failStatusBarItem = true;
    expect(() => activate(contextFor(vscode.ExtensionMode.Production))).toThrow('status bar unavailable');
    expect(shim.errors).toEqual(['Mistral Key Doctor failed to start: status bar unavailable']);
  });
});
