// The extension's bundle entry (dist/extension.js): starts the extension with the window's own
// prompts and log. Everything else is wired in startExtension.ts.
import * as vscode from 'vscode';
import { ExtensionLog } from './log';
import { WindowPrompts } from './prompts';
import { startExtension } from './startExtension';

export function activate(context: vscode.ExtensionContext): void {
  startExtension(context, {
    prompts: new WindowPrompts(),
    log: new ExtensionLog(() => vscode.window.createOutputChannel('Mistral Key Doctor', { log: true })),
  });
}

export function deactivate(): void {}
