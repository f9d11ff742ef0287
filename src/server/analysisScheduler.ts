// When to analyse a document. An open is analysed at once, and so is a change when the last
// analysis was cheap compared with the time since it ended. Otherwise changes are coalesced: only
// the newest version is analysed, after a pause as long as the last analysis took (at most
// `MAX_PAUSE_MS`). A small file is thus re-checked on every keystroke, while 500 rapid full-text
// changes of a big one cost one or two analyses, a superseded version is never analysed, and a
// costly document being typed into leaves the thread free at least as long as it takes it, so the
// other documents' analyses and messages get their turn.

export const MAX_PAUSE_MS = 2_000;

export class AnalysisScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly lastEnd = new Map<string, number>();
  private readonly lastCost = new Map<string, number>();

  constructor(private readonly run: (uri: string) => void, private readonly now: () => number = () => performance.now()) {}

  /** Right away: a document just opened, or something it depends on changed. */
  runNow(uri: string): void {
    this.cancel(uri);
    const started = this.now();
    this.run(uri);
    const ended = this.now();
    this.lastEnd.set(uri, ended);
    this.lastCost.set(uri, ended - started);
  }

  changed(uri: string): void {
    const cost = this.lastCost.get(uri) ?? 0;
    const quiet = !this.timers.has(uri) && this.now() - (this.lastEnd.get(uri) ?? -Infinity) >= cost;
    if (quiet) {
      this.runNow(uri);
      return;
    }
    this.cancel(uri);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.runNow(uri);
    }, Math.min(MAX_PAUSE_MS, Math.max(1, cost))));
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(uri);
  }

  forget(uri: string): void {
    this.cancel(uri);
    this.lastEnd.delete(uri);
    this.lastCost.delete(uri);
  }
}
