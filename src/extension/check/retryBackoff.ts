// After a 429 or a failure to reach the hosts, the last key is checked again on its own: the wait
// doubles from the first delay up to a cap (or follows Retry-After when longer), for a bounded
// number of tries, and stops as soon as the answer is anything else.
import { causeMeaning } from '../../core/causeMeaning';
import type { Diagnosis } from '../../core/diagnosis';
import { RecheckTimer } from './recheckTimer';
import { systemClock, type Clock } from './throttle';

export const RETRY_FIRST_DELAY_MS = 15_000;
export const RETRY_MAX_DELAY_MS = 5 * 60_000;
export const RETRY_MAX_ATTEMPTS = 6;

export class RetryBackoff {
  private attempts = 0;
  private readonly timer: RecheckTimer;

  constructor(recheck: () => void, private readonly onChange: () => void = () => {}, clock: Clock = systemClock) {
    this.timer = new RecheckTimer(recheck, clock);
  }

  /** The latest check ended with this diagnosis. */
  record(diagnosis: Diagnosis): void {
    this.timer.cancel();
    if (!causeMeaning(diagnosis.cause.id).retry || this.attempts >= RETRY_MAX_ATTEMPTS) {
      this.attempts = 0;
      this.onChange();
      return;
    }
    const retryAfterMs = Math.max(0, ...Object.values(diagnosis.hosts).map((host) => (host.retryAfterSeconds ?? 0) * 1000));
    const delay = Math.min(RETRY_MAX_DELAY_MS, Math.max(RETRY_FIRST_DELAY_MS * 2 ** this.attempts, retryAfterMs));
    this.attempts += 1;
    this.timer.schedule(delay);
    this.onChange();
  }

  stop(): void {
    this.timer.cancel();
    this.attempts = 0;
    this.onChange();
  }

  /** Epoch ms of the next automatic re-check, or null. */
  get nextCheckAt(): number | null {
    return this.timer.nextCheckAt;
  }
}
