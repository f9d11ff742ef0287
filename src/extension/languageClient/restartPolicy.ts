// How often the config server may die before the client stops restarting it: like
// vscode-languageclient's own default (four restarts within three minutes), but the give-up is the
// extension's to announce, so it can offer a restart instead of leaving diagnostics gone silently.

export const MAX_RESTARTS = 4;
export const RESTART_WINDOW_MS = 3 * 60_000;

export class RestartPolicy {
  private readonly deaths: number[] = [];

  constructor(private readonly now: () => number = () => Date.now()) {}

  /** The server died: true to restart it, false when it died too often lately. */
  shouldRestart(): boolean {
    const now = this.now();
    this.deaths.push(now);
    while (this.deaths.length > 0 && now - this.deaths[0]! > RESTART_WINDOW_MS) this.deaths.shift();
    return this.deaths.length <= MAX_RESTARTS;
  }
}
