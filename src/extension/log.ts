// One log for the extension. Lines name keys by fingerprint only; `redact` is the last guard for
// text that comes from elsewhere (error messages) and might quote a key.
import type * as vscode from 'vscode';
import { scrubKeyPieces } from '../core/hostText';

export interface Log {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** The log channel is created on first use, so activation does not pay for it. */
export class ExtensionLog implements Log {
  private created: vscode.LogOutputChannel | undefined;

  constructor(private readonly createChannel: () => vscode.LogOutputChannel) {}

  get channel(): vscode.LogOutputChannel {
    this.created ??= this.createChannel();
    return this.created;
  }

  dispose(): void {
    this.created?.dispose();
  }

  info(message: string): void {
    this.channel.info(message);
  }

  warn(message: string): void {
    this.channel.warn(message);
  }

  error(message: string): void {
    this.channel.error(message);
  }
}

/** Replaces every occurrence of the key (and of its trimmed form) with its fingerprint, then any 10-character piece of it. */
export function redact(text: string, key: string, fingerprint: string): string {
  let result = text;
  for (const secret of new Set([key, key.trim()])) {
    if (secret.length >= 8) result = result.split(secret).join(fingerprint);
  }
  return scrubKeyPieces(result, key.trim());
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
