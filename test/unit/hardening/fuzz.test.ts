import { describe, expect, it } from 'vitest';
import { runFuzz } from '../../fuzz/fuzzDriver';

describe('fuzzed hosts (fixed seed)', () => {
  it('diagnoses 300 misbehaving host pairs with a catalogued cause, in time, leaking neither key nor handles', async () => {
    const summary = await runFuzz({ seed: 20261127, runs: 300, timeoutMs: 300, concurrency: 2 });
    const failures = summary.failures.map((run) => `${run.description}: ${run.problems.join('; ')}`);
    expect(failures).toEqual([]);
    expect(summary.runs).toBe(300);
    expect(summary.unhandledRejections).toBe(0);
    expect(summary.leaks).toBe(0);
  }, 120_000);
});
