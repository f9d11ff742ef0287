// When a watched key is checked: at once when it appears or its fingerprint changes, then at most
// once per window (a minute) per key, however many saves come; and, for a key that appeared a
// moment ago and is refused, again every window until another verdict comes or the activation
// window ends, like a key stored here.
import { KEY_ACTIVATION_WINDOW_MS } from '../../core/activation';
import { ActivationRechecks } from '../check/activationRechecks';
import { systemClock, Throttle, type Clock } from '../check/throttle';

export const WATCH_CHECK_WINDOW_MS = 60_000;

interface KeySchedule {
  throttle: Throttle;
  activation: ActivationRechecks;
}

export class CheckScheduler {
  private readonly schedules = new Map<string, KeySchedule>();

  constructor(
    private readonly runCheck: (keyId: string) => void,
    private readonly clock: Clock = systemClock,
    private readonly windowMs = WATCH_CHECK_WINDOW_MS,
    private readonly onChange: () => void = () => {},
  ) {}

  /** Asks for a check of this key; the throttle decides when. */
  request(keyId: string): void {
    this.scheduleOf(keyId).throttle.request();
  }

  /**
   * A check of this key ended. `appearedAt` is when the key came into a watched file (null for a
   * key that was there before); `refused` is true when the verdict is one a re-check can change
   * while the key may still be activating.
   */
  recordResult(keyId: string, appearedAt: number | null, refused: boolean): void {
    const { activation } = this.scheduleOf(keyId);
    if (refused && appearedAt !== null && !activation.waiting && this.clock.now() - appearedAt < KEY_ACTIVATION_WINDOW_MS) {
      activation.start(appearedAt);
    }
    activation.recordResult(!refused);
  }

  /** A check waits for its throttle window (a trailing run) or an activation re-check. */
  hasScheduled(): boolean {
    return [...this.schedules.values()].some((schedule) => schedule.throttle.scheduled || schedule.activation.nextCheckAt !== null);
  }

  /** Epoch ms of the next activation re-check of this key, or null. */
  nextCheckAt(keyId: string): number | null {
    return this.schedules.get(keyId)?.activation.nextCheckAt ?? null;
  }

  /**
   * The key left every watched file: its pending checks go. Its last check time stays, so a key
   * that comes back within the window (A → B → A while typing) still waits for it.
   */
  cancel(keyId: string): void {
    const schedule = this.schedules.get(keyId);
    if (!schedule) return;
    schedule.throttle.dispose();
    schedule.activation.stop();
  }

  dispose(): void {
    for (const keyId of this.schedules.keys()) this.cancel(keyId);
    this.schedules.clear();
  }

  private scheduleOf(keyId: string): KeySchedule {
    let schedule = this.schedules.get(keyId);
    if (!schedule) {
      schedule = {
        throttle: new Throttle(() => this.runCheck(keyId), this.windowMs, this.clock),
        activation: new ActivationRechecks(() => this.request(keyId), this.onChange, this.clock, this.windowMs, KEY_ACTIVATION_WINDOW_MS),
      };
      this.schedules.set(keyId, schedule);
    }
    return schedule;
  }
}
