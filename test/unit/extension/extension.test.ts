// activate(): registers every contributed command and the status item, exports nothing in any mode
// (the extension-host tests load their own entry, test/integration/testExtension/entry.ts), and on
// failure shows a message and rethrows (VS Code would show nothing).
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import { activate } from '../../../src/extension/extension';
import { activate as activateTestExtension } from '../../integration/testExtension/entry';
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

  it('exports nothing in test mode either: only the test build\'s own entry returns a test API', () => {
    const productContext = contextFor(vscode.ExtensionMode.Test);
    expect(activate(productContext)).toBeUndefined();
    for (const subscription of productContext.subscriptions) subscription.dispose();
    shim.reset();
    const context = contextFor(vscode.ExtensionMode.Test);
    const api = activateTestExtension(context);
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

describe('the eager bundle (dist/extension.js)', () => {
  it('leaves the language client, the SDK, vscode-jsonrpc and full zod to the bundles loaded later', async () => {
    const { bundleEntries } = (await import(path.resolve(__dirname, '../../../scripts/bundles.mjs'))) as { bundleEntries: (options: object) => Record<string, esbuild.BuildOptions> };
    const entry = bundleEntries({ production: true }).extension;
    const built = await esbuild.build({ ...entry, absWorkingDir: path.resolve(__dirname, '../../..'), outfile: undefined, write: false, metafile: true });
    const packages = new Set(Object.keys(built.metafile.inputs).filter((file) => file.includes('node_modules/')).map((file) => /node_modules\/((?:@[^/]+\/)?[^/]+(?:\/v4\/[^/]+)?)/.exec(file)?.[1]));
    for (const lazy of ['vscode-jsonrpc', 'vscode-languageclient', 'vscode-languageserver-protocol', '@mistralai/mistralai', 'zod/v4/classic']) expect(packages).not.toContain(lazy);
    expect(packages).toContain('zod/v4/mini');
  }, 60_000);
});
