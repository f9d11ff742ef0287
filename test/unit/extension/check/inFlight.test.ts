import { describe, expect, it } from 'vitest';
import { InFlight } from '../../../../src/extension/check/inFlight';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => { resolve = r; });
  return { promise, resolve };
}

describe('InFlight', () => {
  it('shares one run between 100 concurrent requests for the same id', async () => {
    const inFlight = new InFlight<string>();
    const gate = deferred<string>();
    let started = 0;
    const calls = Array.from({ length: 100 }, () => inFlight.run('key-a', () => { started += 1; return gate.promise; }));
    gate.resolve('diagnosis');
    expect(await Promise.all(calls)).toEqual(Array(100).fill('diagnosis'));
    expect(started).toBe(1);
    expect(inFlight.size).toBe(0);
  });

  it('runs different ids separately and starts afresh once a run settled', async () => {
    const inFlight = new InFlight<number>();
    let started = 0;
    const run = () => { started += 1; return Promise.resolve(started); };
    await Promise.all([inFlight.run('a', run), inFlight.run('b', run)]);
    await inFlight.run('a', run);
    expect(started).toBe(3);
  });

  it('forgets a run that failed', async () => {
    const inFlight = new InFlight<number>();
    await expect(inFlight.run('a', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await inFlight.run('a', () => Promise.resolve(7))).toBe(7);
  });
});
