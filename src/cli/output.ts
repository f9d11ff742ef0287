// Everything the CLI prints goes through here, so a key can never reach the terminal, even by accident.

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
    return safe;
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
