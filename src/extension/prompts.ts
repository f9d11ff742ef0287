// What the extension asks and tells the user. `activate` gives the window's own prompts; the
// extension-host tests give scripted ones (test/harness/scriptedPrompts.ts) through the same interface.
import * as vscode from 'vscode';
import { toValidationMessage, type KeyInputNote } from './key/keyEntry';

export interface PasswordBox {
  title: string;
  prompt: string;
  placeHolder?: string;
  /** Speaks while the user types; a note of severity `error` keeps the box from accepting. */
  validate?: (value: string) => KeyInputNote | undefined;
}

export interface PickOptions {
  title: string;
  placeHolder: string;
}

export interface Prompts {
  password(options: PasswordBox): Promise<string | undefined>;
  /** A quick pick of commands (the status menu). */
  menu<T extends vscode.QuickPickItem>(items: T[], options: PickOptions): Promise<T | undefined>;
  pick<T extends vscode.QuickPickItem>(items: T[], options: PickOptions): Promise<T | undefined>;
  /** A modal question; resolves to the button pressed, or undefined when cancelled. */
  ask(message: string, detail: string, ...actions: string[]): Promise<string | undefined>;
  info(message: string, ...actions: string[]): Thenable<string | undefined>;
  warn(message: string, ...actions: string[]): Thenable<string | undefined>;
  error(message: string, ...actions: string[]): Thenable<string | undefined>;
  /** A notification that lasts as long as the task: it never outlives what it announces. */
  progress<T>(title: string, task: () => Thenable<T>): Thenable<T>;
}

export class WindowPrompts implements Prompts {
  async password(options: PasswordBox): Promise<string | undefined> {
    const { validate, ...box } = options;
    return vscode.window.showInputBox({ ...box, password: true, ignoreFocusOut: true, validateInput: validate ? (value) => toValidationMessage(validate(value)) : undefined });
  }

  async menu<T extends vscode.QuickPickItem>(items: T[], options: PickOptions): Promise<T | undefined> {
    return vscode.window.showQuickPick(items, options);
  }

  async pick<T extends vscode.QuickPickItem>(items: T[], options: PickOptions): Promise<T | undefined> {
    return vscode.window.showQuickPick(items, { ...options, ignoreFocusOut: true, matchOnDescription: true });
  }

  async ask(message: string, detail: string, ...actions: string[]): Promise<string | undefined> {
    return vscode.window.showWarningMessage(message, { modal: true, detail }, ...actions);
  }

  info(message: string, ...actions: string[]): Thenable<string | undefined> {
    return vscode.window.showInformationMessage(message, ...actions);
  }

  warn(message: string, ...actions: string[]): Thenable<string | undefined> {
    return vscode.window.showWarningMessage(message, ...actions);
  }

  error(message: string, ...actions: string[]): Thenable<string | undefined> {
    return vscode.window.showErrorMessage(message, ...actions);
  }

  /** A notification that lasts as long as the task: it never outlives what it announces. */
  progress<T>(title: string, task: () => Thenable<T>): Thenable<T> {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: false }, task);
  }
}
