// The prompts the tests give the extension: nothing is shown. Tests queue the answers (a key for the
// password box, a button to press); a prompt without a queued answer is dismissed; every message is
// recorded so tests can scan what a user would have read.
import type * as vscode from 'vscode';
import type { PasswordBox, PickOptions, Prompts } from '../../src/extension/prompts';

export type ScriptedAnswer =
  | { kind: 'input'; value: string | undefined }
  | { kind: 'pick'; /** Picks the first item whose label or description contains this text. */ match: string | undefined }
  | { kind: 'message'; /** The button to press; undefined dismisses. */ action: string | undefined; /** Only for a message containing this text. */ match?: string };

export class ScriptedPrompts implements Prompts {
  private readonly answers: ScriptedAnswer[] = [];
  readonly shownMessages: string[] = [];

  /** Queues the answer the next prompt of that kind returns. */
  enqueue(answer: ScriptedAnswer): void {
    this.answers.push(answer);
  }

  clearAnswers(): void {
    this.answers.length = 0;
  }

  /** A note the box would show is recorded; an `error` note dismisses the box. */
  async password(options: PasswordBox): Promise<string | undefined> {
    const value = this.take('input')?.value;
    const note = value === undefined ? undefined : options.validate?.(value);
    if (note) this.shownMessages.push(note.message);
    return note?.severity === 'error' ? undefined : value;
  }

  /** The task runs at once; the title is recorded as if shown. */
  progress<T>(title: string, task: () => Thenable<T>): Thenable<T> {
    this.shownMessages.push(title);
    return task();
  }

  async menu<T extends vscode.QuickPickItem>(items: T[], _options: PickOptions): Promise<T | undefined> {
    return this.picked(items);
  }

  async pick<T extends vscode.QuickPickItem>(items: T[], _options: PickOptions): Promise<T | undefined> {
    return this.picked(items);
  }

  async ask(message: string, detail: string): Promise<string | undefined> {
    return this.message(`${message}\n${detail}`, message);
  }

  info(message: string): Thenable<string | undefined> {
    return Promise.resolve(this.message(message, message));
  }

  warn(message: string): Thenable<string | undefined> {
    return Promise.resolve(this.message(message, message));
  }

  error(message: string): Thenable<string | undefined> {
    return Promise.resolve(this.message(message, message));
  }

  private message(shown: string, matched: string): string | undefined {
    this.shownMessages.push(shown);
    return this.take('message', matched)?.action;
  }

  private picked<T extends vscode.QuickPickItem>(items: T[]): T | undefined {
    const match = this.take('pick')?.match;
    return match === undefined ? undefined : items.find((item) => item.label.includes(match) || item.description?.includes(match));
  }

  private take<K extends ScriptedAnswer['kind']>(kind: K, message = ''): Extract<ScriptedAnswer, { kind: K }> | undefined {
    const index = this.answers.findIndex((answer) => answer.kind === kind && (answer.kind !== 'message' || !answer.match || message.includes(answer.match)));
    if (index < 0) return undefined;
    return this.answers.splice(index, 1)[0] as Extract<ScriptedAnswer, { kind: K }>;
  }
}
