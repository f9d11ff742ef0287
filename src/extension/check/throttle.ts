// Bounds automatic checks: however many events fire, the action runs at most once per interval.
// A request during the quiet period is not lost: one trailing run happens when the period ends.

export interface Clock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Throttle {
  private lastRunAt: number | null = null;
  private trailing: unknown = null;

  constructor(
    private readonly action: () => void,
    private readonly minIntervalMs: number,
    private readonly clock: Clock = systemClock,
  ) {}

  request(): void {
    if (this.trailing !== null) return;
    const now = this.clock.now();
    const readyAt = this.lastRunAt === null ? now : this.lastRunAt + this.minIntervalMs;
    if (readyAt <= now) {
      this.fire();
      return;
    }
    this.trailing = this.clock.setTimeout(() => {
      this.trailing = null;
      this.fire();
    }, readyAt - now);
  }

  /** A trailing run is waiting for the period to end. */
  get scheduled(): boolean {
    return this.trailing !== null;
  }

  dispose(): void {
    if (this.trailing !== null) this.clock.clearTimeout(this.trailing);
    this.trailing = null;
  }

  private fire(): void {
    this.lastRunAt = this.clock.now();
    this.action();
  }
}
