// A new key can take minutes to become active: while a key stored moments ago is refused, re-check
// it on a fixed interval until the activation window (counted from when it was stored) ends, and
// stop as soon as another verdict comes.
import { KEY_ACTIVATION_WINDOW_MS } from '../../core/activation';
import { systemClock, type Clock } from './throttle';

export const ACTIVATION_RECHECK_INTERVAL_MS = 60_000;

export class ActivationWatch {
  private storedAt: number | null = null;
  private timer: unknown = null;
  private scheduledFor: number | null = null;

  constructor(
    private readonly recheck: () => void,
    private readonly onChange: () => void = () => {},
    private readonly clock: Clock = systemClock,
    private readonly intervalMs = ACTIVATION_RECHECK_INTERVAL_MS,
    private readonly windowMs = KEY_ACTIVATION_WINDOW_MS,
  ) {}

  /** A new key was stored at `storedAt` (epoch ms). */
  start(storedAt: number): void {
    this.cancelTimer();
    this.storedAt = storedAt;
    this.onChange();
  }

  /** The latest check of that key ended; `settled` is false while the key is still refused. */
  recordResult(settled: boolean): void {
    this.cancelTimer();
    if (this.storedAt === null) return;
    const now = this.clock.now();
    if (settled || now + this.intervalMs > this.storedAt + this.windowMs) {
      this.storedAt = null;
    } else {
      this.scheduledFor = now + this.intervalMs;
      this.timer = this.clock.setTimeout(() => {
        this.timer = null;
        this.scheduledFor = null;
        this.recheck();
      }, this.intervalMs);
    }
    this.onChange();
  }

  stop(): void {
    this.cancelTimer();
    this.storedAt = null;
    this.onChange();
  }

  get waiting(): boolean {
    return this.storedAt !== null;
  }

  /** Epoch ms of the next automatic re-check, or null when none is scheduled. */
  get nextCheckAt(): number | null {
    return this.scheduledFor;
  }

  /** Epoch ms after which no more automatic re-checks run, or null when not waiting. */
  get waitingUntil(): number | null {
    return this.storedAt === null ? null : this.storedAt + this.windowMs;
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.scheduledFor = null;
  }
}
