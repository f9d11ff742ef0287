import { describe, expect, it } from 'vitest';
import { KEY_ACTIVATION_WINDOW_MINUTES } from '../../../../src/core/activation';
import { ActivationWatch } from '../../../../src/extension/check/activationWatch';
import { FakeClock } from '../fakeClock';

const MINUTE = 60_000;

describe('ActivationWatch', () => {
  it('re-checks every minute while the new key fails, until the activation window ends', () => {
    const clock = new FakeClock();
    let rechecks = 0;
    const watch = new ActivationWatch(() => { rechecks += 1; watch.recordResult(false); }, () => {}, clock);
    watch.start(clock.now());
    watch.recordResult(false);
    expect(watch.nextCheckAt).toBe(clock.now() + MINUTE);
    clock.advance(60 * MINUTE);
    expect(rechecks).toBe(KEY_ACTIVATION_WINDOW_MINUTES);
    expect(watch.waiting).toBe(false);
    expect(watch.nextCheckAt).toBeNull();
  });

  it('stops as soon as the key works', () => {
    const clock = new FakeClock();
    let rechecks = 0;
    const watch = new ActivationWatch(() => { rechecks += 1; watch.recordResult(rechecks === 3); }, () => {}, clock);
    watch.start(clock.now());
    watch.recordResult(false);
    clock.advance(30 * MINUTE);
    expect(rechecks).toBe(3);
    expect(watch.waiting).toBe(false);
  });

  it('schedules nothing for a result when no new key waits', () => {
    const clock = new FakeClock();
    const watch = new ActivationWatch(() => {}, () => {}, clock);
    watch.recordResult(false);
    expect(watch.nextCheckAt).toBeNull();
    expect(clock.pendingTimers).toBe(0);
  });

  it('tells when the waiting ends and notifies changes', () => {
    const clock = new FakeClock();
    let changes = 0;
    const watch = new ActivationWatch(() => {}, () => { changes += 1; }, clock);
    watch.start(clock.now());
    expect(watch.waitingUntil).toBe(clock.now() + KEY_ACTIVATION_WINDOW_MINUTES * MINUTE);
    watch.stop();
    expect(watch.waitingUntil).toBeNull();
    expect(changes).toBe(2);
  });
});
