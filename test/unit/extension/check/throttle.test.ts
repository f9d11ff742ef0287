import { describe, expect, it } from 'vitest';
import { Throttle } from '../../../../src/extension/check/throttle';
import { FakeClock } from '../fakeClock';

const MINUTE = 60_000;

describe('Throttle', () => {
  it('runs a burst of 100 requests once now and once when the minute is over, never more', () => {
    const clock = new FakeClock();
    const runs: number[] = [];
    const throttle = new Throttle(() => runs.push(clock.now()), MINUTE, clock);
    const start = clock.now();
    for (let i = 0; i < 100; i++) throttle.request();
    expect(runs).toEqual([start]);
    clock.advance(10 * MINUTE);
    expect(runs).toEqual([start, start + MINUTE]);
  });

  it('keeps at least a minute between runs when bursts keep coming', () => {
    const clock = new FakeClock();
    const runs: number[] = [];
    const throttle = new Throttle(() => runs.push(clock.now()), MINUTE, clock);
    for (let second = 0; second < 5 * 60; second++) {
      for (let i = 0; i < 100; i++) throttle.request();
      clock.advance(1000);
    }
    clock.advance(MINUTE);
    const gaps = runs.slice(1).map((at, i) => at - runs[i]!);
    expect(runs.length).toBe(6);
    expect(gaps.every((gap) => gap >= MINUTE)).toBe(true);
  });

  it('runs at once again when the last run is more than a minute old', () => {
    const clock = new FakeClock();
    let runs = 0;
    const throttle = new Throttle(() => { runs += 1; }, MINUTE, clock);
    throttle.request();
    clock.advance(MINUTE + 1);
    throttle.request();
    expect(runs).toBe(2);
    expect(clock.pendingTimers).toBe(0);
  });

  it('drops the trailing run when disposed', () => {
    const clock = new FakeClock();
    let runs = 0;
    const throttle = new Throttle(() => { runs += 1; }, MINUTE, clock);
    throttle.request();
    throttle.request();
    throttle.dispose();
    clock.advance(2 * MINUTE);
    expect(runs).toBe(1);
  });
});
