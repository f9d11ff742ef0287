// Thin wrapper over the prompts the extension shows. In the extension's test mode nothing is shown:
// integration tests queue the answers (a key for the password box, a button to press), a prompt
// without a queued answer is dismissed, and every message is recorded so tests can scan it.
import * as vscode from 'vscode';
import { toValidationMessage, type KeyInputNote } from './key/keyEntry';

export type ScriptedAnswer =
  | { kind: 'input'; value: string | undefined }
  | { kind: 'pick'; /** Picks the first item whose label or description contains this text. */ match: string | undefined }
  | { kind: 'message'; /** The button to press; undefined dismisses. */ action: string | undefined; /** Only for a message containing this text. */ match?: string };

export class Prompts {
  private readonly answers: ScriptedAnswer[] = [];
  readonly shownMessages: string[] = [];

  constructor(private readonly scripted: boolean) {}

  /** Test mode only: queue the answer the next prompt of that kind returns. */
  enqueue(answer: ScriptedAnswer): void {
    if (!this.scripted) throw new Error('Scripted answers are available only in the extension test mode.');
    this.answers.push(answer);
  }

  clearAnswers(): void {
    this.answers.length = 0;
  }

  /**
   * A password box. `validate` speaks while the user types; a note of severity `error` keeps the
   * box from accepting (in test mode: the note is recorded and the box is dismissed).
   */
  async password(options: { title: string; prompt: string; placeHolder?: string; validate?: (value: string) => KeyInputNote | undefined }): Promise<string | undefined> {
    const { validate, ...box } = options;
    if (this.scripted) {
      const value = this.take('input')?.value;
      const note = value === undefined ? undefined : validate?.(value);
      if (note) this.record(note.message);
      return note?.severity === 'error' ? undefined : value;
    }
    return vscode.window.showInputBox({ ...box, password: true, ignoreFocusOut: true, validateInput: validate ? (value) => toValidationMessage(validate(value)) : undefined });
  }

  /** A quick pick of commands (the status menu). */
  async menu<T extends vscode.QuickPickItem>(items: T[], options: { title: string; placeHolder: string }): Promise<T | undefined> {
    if (this.scripted) {
      const match = this.take('pick')?.match;
      return match === undefined ? undefined : items.find((item) => item.label.includes(match) || item.description?.includes(match));
    }
    return vscode.window.showQuickPick(items, options);
  }

  async pick<T extends vscode.QuickPickItem>(items: T[], options: { title: string; placeHolder: string }): Promise<T | undefined> {
    if (this.scripted) {
      const match = this.take('pick')?.match;
      return match === undefined ? undefined : items.find((item) => item.label.includes(match) || item.description?.includes(match));
    }
    return vscode.window.showQuickPick(items, { ...options, ignoreFocusOut: true, matchOnDescription: true });
  }

  /** A modal question; resolves to the button pressed, or undefined when cancelled. */
  async ask(message: string, detail: string, ...actions: string[]): Promise<string | undefined> {
    this.record(`${message}\n${detail}`);
    if (this.scripted) return this.take('message', message)?.action;
    return vscode.window.showWarningMessage(message, { modal: true, detail }, ...actions);
  }

  info(message: string, ...actions: string[]): Thenable<string | undefined> {
    this.record(message);
    if (this.scripted) return Promise.resolve(this.take('message', message)?.action);
    return vscode.window.showInformationMessage(message, ...actions);
  }

  warn(message: string, ...actions: string[]): Thenable<string | undefined> {
    this.record(message);
    if (this.scripted) return Promise.resolve(this.take('message', message)?.action);
    return vscode.window.showWarningMessage(message, ...actions);
  }

  error(message: string, ...actions: string[]): Thenable<string | undefined> {
    this.record(message);
    if (this.scripted) return Promise.resolve(this.take('message', message)?.action);
    return vscode.window.showErrorMessage(message, ...actions);
  }

  /** A notification that lasts as long as the task: it never outlives what it announces. */
  progress<T>(title: string, task: () => Thenable<T>): Thenable<T> {
    this.record(title);
    if (this.scripted) return task();
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: false }, task);
  }

  private take<K extends ScriptedAnswer['kind']>(kind: K, message = ''): Extract<ScriptedAnswer, { kind: K }> | undefined {
    const index = this.answers.findIndex((answer) => answer.kind === kind && (answer.kind !== 'message' || !answer.match || message.includes(answer.match)));
    if (index < 0) return undefined;
    return this.answers.splice(index, 1)[0] as Extract<ScriptedAnswer, { kind: K }>;
  }

  private record(message: string): void {
    if (this.scripted) this.shownMessages.push(message);
  }
}
