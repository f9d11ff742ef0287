import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnalysisScheduler, MAX_PAUSE_MS } from '../../../src/server/analysisScheduler';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A scheduler whose analyses take `costMs` of (fake) time each. */
function scheduler(costMs: number) {
  const runs: number[] = [];
  const scheduled = new AnalysisScheduler(() => {
    runs.push(Date.now());
    vi.setSystemTime(Date.now() + costMs);
  }, () => Date.now());
  return { runs, scheduled };
}

describe('AnalysisScheduler', () => {
  it('analyses an open at once, and a cheap document at every change', () => {
    const { runs, scheduled } = scheduler(0.5);
    scheduled.runNow('a');
    for (let change = 0; change < 5; change++) {
      vi.advanceTimersByTime(2);
      scheduled.changed('a');
    }
    expect(runs).toHaveLength(6);
  });

  it('analyses only the last of rapid changes to a costly document, soon after it', () => {
    const { runs, scheduled } = scheduler(250);
    scheduled.runNow('a');
    for (let change = 0; change < 500; change++) {
      scheduled.changed('a');
      vi.advanceTimersByTime(16);
    }
    expect(runs).toHaveLength(1);
    vi.advanceTimersByTime(250);
    expect(runs).toHaveLength(2);
  });

  it('leaves the thread free at least half the time while a costly document is typed into', () => {
    const { runs, scheduled } = scheduler(800);
    scheduled.runNow('a');
    const started = Date.now();
    for (let keystroke = 0; keystroke < 60; keystroke++) {
      vi.advanceTimersByTime(150);
      scheduled.changed('a');
    }
    const busy = runs.length * 800;
    expect(busy / (Date.now() - started + 800)).toBeLessThanOrEqual(0.5);
    vi.advanceTimersByTime(MAX_PAUSE_MS);
    expect(runs.length).toBeGreaterThanOrEqual(2);
  });

  it('does not delay a change after a quiet spell, and forgets closed documents', () => {
    const { runs, scheduled } = scheduler(250);
    scheduled.runNow('a');
    vi.advanceTimersByTime(1000);
    scheduled.changed('a');
    expect(runs).toHaveLength(2);
    scheduled.changed('a');
    scheduled.forget('a');
    vi.advanceTimersByTime(MAX_PAUSE_MS * 2);
    expect(runs).toHaveLength(2);
  });
});
