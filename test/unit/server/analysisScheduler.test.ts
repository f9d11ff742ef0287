import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnalysisScheduler, DEBOUNCE_MS } from '../../../src/server/analysisScheduler';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('AnalysisScheduler', () => {
  it('analyses an open at once, then only the last of rapid changes', () => {
    const runs: string[] = [];
    const scheduler = new AnalysisScheduler((uri) => runs.push(uri), () => Date.now());
    scheduler.runNow('a');
    expect(runs).toEqual(['a']);
    for (let change = 0; change < 500; change++) {
      scheduler.changed('a');
      vi.advanceTimersByTime(2);
    }
    expect(runs).toEqual(['a']);
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(runs).toEqual(['a', 'a']);
  });

  it('does not delay the first change after a quiet spell, and forgets closed documents', () => {
    const runs: string[] = [];
    const scheduler = new AnalysisScheduler((uri) => runs.push(uri), () => Date.now());
    scheduler.runNow('a');
    vi.advanceTimersByTime(DEBOUNCE_MS * 3);
    scheduler.changed('a');
    expect(runs).toEqual(['a', 'a']);
    scheduler.changed('a');
    scheduler.forget('a');
    vi.advanceTimersByTime(DEBOUNCE_MS * 2);
    expect(runs).toEqual(['a', 'a']);
  });
});

describe('AnalysisScheduler with analyses slower than the debounce', () => {
  it('still coalesces the changes that arrive while one runs', () => {
    vi.useFakeTimers();
    const runs: number[] = [];
    const scheduler = new AnalysisScheduler(() => {
      runs.push(Date.now());
      vi.setSystemTime(Date.now() + DEBOUNCE_MS * 3);
    }, () => Date.now());
    scheduler.runNow('a');
    for (let change = 0; change < 50; change++) scheduler.changed('a');
    expect(runs).toHaveLength(1);
    vi.advanceTimersByTime(DEBOUNCE_MS);
    expect(runs).toHaveLength(2);
    vi.useRealTimers();
  });
});
