// A new key can take minutes to become active: while a key stored moments ago is refused, re-check
// it on a fixed interval until the activation window (counted from when it was stored) ends, and
// stop as soon as another verdict comes.
import { KEY_ACTIVATION_WINDOW_MS } from '../../core/activation';
import { RecheckTimer } from './recheckTimer';
import { systemClock, type Clock } from './throttle';

export const ACTIVATION_RECHECK_INTERVAL_MS = 60_000;

export class ActivationRechecks {
  private storedAt: number | null = null;
  private readonly timer: RecheckTimer;

  constructor(
    recheck: () => void,
    private readonly onChange: () => void = () => {},
    private readonly clock: Clock = systemClock,
    private readonly intervalMs = ACTIVATION_RECHECK_INTERVAL_MS,
    private readonly windowMs = KEY_ACTIVATION_WINDOW_MS,
  ) {
    this.timer = new RecheckTimer(recheck, clock);
  }

  /** A new key was stored at `storedAt` (epoch ms). */
  start(storedAt: number): void {
    this.timer.cancel();
    this.storedAt = storedAt;
    this.onChange();
  }

  /** The latest check of that key ended; `settled` is false while the key is still refused. */
  recordResult(settled: boolean): void {
    this.timer.cancel();
    if (this.storedAt === null) return;
    const now = this.clock.now();
    if (settled || now + this.intervalMs > this.storedAt + this.windowMs) {
      this.storedAt = null;
    } else {
      this.timer.schedule(this.intervalMs);
    }
    this.onChange();
  }

  stop(): void {
    this.timer.cancel();
    this.storedAt = null;
    this.onChange();
  }

  get waiting(): boolean {
    return this.storedAt !== null;
  }

  /** Epoch ms of the next automatic re-check, or null when none is scheduled. */
  get nextCheckAt(): number | null {
    return this.timer.nextCheckAt;
  }

  /** Epoch ms after which no more automatic re-checks run, or null when not waiting. */
  get waitingUntil(): number | null {
    return this.storedAt === null ? null : this.storedAt + this.windowMs;
  }
}
