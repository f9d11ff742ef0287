// Everything the CLI prints goes through here, so a key (or any 10-character piece of it) can never
// reach the terminal, even by accident, and neither can a control sequence this CLI did not write.
import { scrubKeyPieces, stripControlCharacters } from '../core/hostText';

/** The only control characters and sequences the CLI itself writes: line ends, tabs, colours, erase-line. */
const OWN_CONTROLS = /^(\n|\r|\t|\u001B\[[0-9;]*m|\u001B\[K)$/;

export interface Stream {
  write(text: string): unknown;
  isTTY?: boolean;
  hasColors?: () => boolean;
}

export class Output {
  /** Secret text and what to show instead (its fingerprint), longest first so no part of one survives. */
  private secrets: [string, string][] = [];

  constructor(
    readonly stdout: Stream,
    readonly stderr: Stream,
  ) {}

  /** Registers text that must be masked wherever it would appear. */
  hide(secret: string, replacement: string): void {
    for (const form of new Set([secret, secret.trim()])) {
      if (form.length >= 8 && !this.secrets.some(([known]) => known === form)) this.secrets.push([form, replacement]);
    }
    this.secrets.sort(([a], [b]) => b.length - a.length);
  }

  private redact(text: string): string {
    let safe = text;
    for (const [secret, replacement] of this.secrets) safe = safe.split(secret).join(replacement);
    for (const [secret] of this.secrets) safe = scrubKeyPieces(safe, secret);
    return stripControlCharacters(safe, (sequence) => OWN_CONTROLS.test(sequence));
  }

  out(text: string): void {
    this.stdout.write(this.redact(text));
  }

  err(text: string): void {
    this.stderr.write(this.redact(text));
  }
}

/** Colour only on a terminal that supports it, never with NO_COLOR (any non-empty value) or for JSON. */
export function useColor(stream: Stream, env: NodeJS.ProcessEnv, json: boolean): boolean {
  if (json || (env.NO_COLOR ?? '') !== '') return false;
  return stream.isTTY === true && (stream.hasColors?.() ?? true);
}
