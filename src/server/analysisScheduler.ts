// When to analyse a document. An open (or the first change after a quiet spell) is analysed at
// once; changes that follow in quick succession are coalesced, so only the newest version is
// analysed, `DEBOUNCE_MS` after the last of them. A superseded version is never analysed.

export const DEBOUNCE_MS = 100;

export class AnalysisScheduler {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly lastRun = new Map<string, number>();

  constructor(private readonly run: (uri: string) => void, private readonly now: () => number = () => performance.now()) {}

  /** Right away: a document just opened, or something it depends on changed. */
  runNow(uri: string): void {
    this.cancel(uri);
    this.run(uri);
    // From the end of the run: an analysis longer than the debounce must not make every change "quiet".
    this.lastRun.set(uri, this.now());
  }

  changed(uri: string): void {
    const quiet = !this.timers.has(uri) && this.now() - (this.lastRun.get(uri) ?? -Infinity) >= DEBOUNCE_MS;
    if (quiet) {
      this.runNow(uri);
      return;
    }
    this.cancel(uri);
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      this.runNow(uri);
    }, DEBOUNCE_MS));
  }

  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(uri);
  }

  forget(uri: string): void {
    this.cancel(uri);
    this.lastRun.delete(uri);
  }
}
