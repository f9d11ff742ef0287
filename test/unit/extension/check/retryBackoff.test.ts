import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../../../src/core/diagnosis';
import { RETRY_FIRST_DELAY_MS, RETRY_MAX_ATTEMPTS, RETRY_MAX_DELAY_MS, RetryBackoff } from '../../../../src/extension/check/retryBackoff';
import { host, workingConsoleKey } from '../diagnosisFixtures';
import { FakeClock } from '../fakeClock';

function withCause(id: Diagnosis['cause']['id'], retryAfterSeconds: number | null = null): Diagnosis {
  const base = workingConsoleKey();
  return { ...base, cause: { ...base.cause, id, severity: 'warning' }, hosts: { ...base.hosts, api: host({ outcome: 'rate-limited', status: 429, retryAfterSeconds }) } };
}

describe('RetryBackoff', () => {
  it('re-checks after a 429 with a doubling wait, capped, and stops after a bounded number of tries', () => {
    const clock = new FakeClock();
    const delays: number[] = [];
    let last = clock.now();
    const backoff: RetryBackoff = new RetryBackoff(() => { delays.push(clock.now() - last); last = clock.now(); backoff.record(withCause('rate-limited')); }, () => {}, clock);
    backoff.record(withCause('rate-limited'));
    expect(backoff.nextCheckAt).toBe(clock.now() + RETRY_FIRST_DELAY_MS);
    clock.advance(60 * 60_000);
    expect(delays).toHaveLength(RETRY_MAX_ATTEMPTS);
    expect(delays.slice(0, 3)).toEqual([RETRY_FIRST_DELAY_MS, 2 * RETRY_FIRST_DELAY_MS, 4 * RETRY_FIRST_DELAY_MS]);
    expect(Math.max(...delays)).toBeLessThanOrEqual(RETRY_MAX_DELAY_MS);
    expect(backoff.nextCheckAt).toBeNull();
  });

  it('follows a longer Retry-After, and retries after a network failure too', () => {
    const clock = new FakeClock();
    const backoff = new RetryBackoff(() => {}, () => {}, clock);
    backoff.record(withCause('rate-limited', 90));
    expect(backoff.nextCheckAt).toBe(clock.now() + 90_000);
    backoff.stop();
    backoff.record(withCause('host-unreachable'));
    expect(backoff.nextCheckAt).toBe(clock.now() + RETRY_FIRST_DELAY_MS);
  });

  it('does nothing for an answer that a retry cannot change, and cancels a pending retry', () => {
    const clock = new FakeClock();
    let rechecks = 0;
    const backoff = new RetryBackoff(() => { rechecks += 1; }, () => {}, clock);
    backoff.record(withCause('rate-limited'));
    backoff.record(workingConsoleKey());
    expect(backoff.nextCheckAt).toBeNull();
    clock.advance(RETRY_MAX_DELAY_MS);
    expect(rechecks).toBe(0);
    backoff.record(withCause('key-rejected'));
    expect(clock.pendingTimers).toBe(0);
  });
});
