// The one pending automatic re-check of a key: scheduling another replaces it. Shared by the
// re-checks of a new key (activationRechecks.ts) and the backoff after a 429 or a network failure
// (retryBackoff.ts).
import type { Clock } from './throttle';

export class RecheckTimer {
  private timer: unknown = null;
  private scheduledFor: number | null = null;

  constructor(private readonly recheck: () => void, private readonly clock: Clock) {}

  /** Runs the re-check in `delayMs`, in place of any pending one. */
  schedule(delayMs: number): void {
    this.cancel();
    this.scheduledFor = this.clock.now() + delayMs;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.scheduledFor = null;
      this.recheck();
    }, delayMs);
  }

  cancel(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.scheduledFor = null;
  }

  /** Epoch ms of the pending re-check, or null. */
  get nextCheckAt(): number | null {
    return this.scheduledFor;
  }
}
