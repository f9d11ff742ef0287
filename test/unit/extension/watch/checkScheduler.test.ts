import { describe, expect, it } from 'vitest';
import { KEY_ACTIVATION_WINDOW_MS } from '../../../../src/core/activation';
import { CheckScheduler } from '../../../../src/extension/watch/checkScheduler';
import { FakeClock } from '../fakeClock';

const MINUTE = 60_000;

function scheduler(windowMs = MINUTE) {
  const clock = new FakeClock();
  const checks: { keyId: string; at: number }[] = [];
  const scheduled = new CheckScheduler((keyId) => checks.push({ keyId, at: clock.now() }), clock, windowMs);
  return { clock, checks, scheduled };
}

describe('CheckScheduler', () => {
  it('a burst of 100 saves: one check at once and one when the minute is over, per key', () => {
    const { clock, checks, scheduled } = scheduler();
    const start = clock.now();
    for (let i = 0; i < 100; i++) {
      scheduled.request('a');
      scheduled.request('b');
      clock.advance(100);
    }
    clock.advance(10 * MINUTE);
    expect(checks.filter((c) => c.keyId === 'a').map((c) => c.at)).toEqual([start, start + MINUTE]);
    expect(checks.filter((c) => c.keyId === 'b').map((c) => c.at)).toEqual([start, start + MINUTE]);
  });

  it('a key refused soon after it appeared (it may still be activating) is re-checked every window until another verdict comes', () => {
    const { clock, checks, scheduled } = scheduler();
    const appearedAt = clock.now();
    scheduled.request('fresh');
    scheduled.recordResult('fresh', appearedAt, true);
    expect(scheduled.nextCheckAt('fresh')).toBe(appearedAt + MINUTE);
    clock.advance(MINUTE);
    scheduled.recordResult('fresh', appearedAt, true);
    clock.advance(MINUTE);
    scheduled.recordResult('fresh', appearedAt, false);
    clock.advance(10 * MINUTE);
    expect(checks.map((c) => c.at - appearedAt)).toEqual([0, MINUTE, 2 * MINUTE]);
    expect(clock.pendingTimers).toBe(0);
  });

  it('does not wait for a key that was already in the file, nor past the activation window', () => {
    const { clock, checks, scheduled } = scheduler();
    scheduled.request('old');
    scheduled.recordResult('old', null, true);
    scheduled.request('late');
    scheduled.recordResult('late', clock.now() - KEY_ACTIVATION_WINDOW_MS, true);
    clock.advance(10 * MINUTE);
    expect(checks.map((c) => c.keyId)).toEqual(['old', 'late']);
  });

  it('a cancelled key loses its pending check, but coming back within the window it still waits', () => {
    const { clock, checks, scheduled } = scheduler();
    const start = clock.now();
    scheduled.request('gone');
    scheduled.request('gone');
    scheduled.cancel('gone');
    clock.advance(MINUTE / 2);
    scheduled.request('gone');
    clock.advance(2 * MINUTE);
    expect(checks.map((c) => c.at - start)).toEqual([0, MINUTE]);
  });

  it('the window can be shortened (for tests): then the trailing check comes that much sooner', () => {
    const { clock, checks, scheduled } = scheduler();
    scheduled.setWindowMs(2000);
    const start = clock.now();
    for (let i = 0; i < 100; i++) scheduled.request('a');
    clock.advance(5000);
    expect(checks.map((c) => c.at - start)).toEqual([0, 2000]);
  });
});
