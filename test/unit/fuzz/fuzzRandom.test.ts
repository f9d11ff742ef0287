import { describe, expect, it } from 'vitest';
import { runSeed, seededRandom } from '../../fuzz/fuzzRandom';

describe('seededRandom', () => {
  it('replays the same sequence from the same seed', () => {
    const first = seededRandom(42);
    const second = seededRandom(42);
    const draws = Array.from({ length: 50 }, () => [first.next(), second.next()]);
    for (const [a, b] of draws) expect(a).toBe(b);
  });

  it('draws different sequences from different seeds', () => {
    const [one, two] = [seededRandom(1), seededRandom(2)];
    const a = Array.from({ length: 5 }, () => one.next());
    const b = Array.from({ length: 5 }, () => two.next());
    expect(a).not.toEqual(b);
  });

  it('keeps integers within both bounds and reaches each of them', () => {
    const random = seededRandom(7);
    const seen = new Set(Array.from({ length: 500 }, () => random.int(3, 6)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('never picks a choice of weight zero', () => {
    const random = seededRandom(9);
    const picks = new Set(Array.from({ length: 300 }, () => random.weighted([[0, 'never'], [1, 'a'], [2, 'b']] as const)));
    expect([...picks].sort()).toEqual(['a', 'b']);
  });

  it('refuses to pick from an empty list', () => {
    expect(() => seededRandom(1).pick([])).toThrow(/empty list/);
  });

  it('builds strings from the given alphabet only', () => {
    expect(seededRandom(3).string(64, 'xy')).toMatch(/^[xy]{64}$/);
  });
});

describe('runSeed', () => {
  it('gives each run of a session its own seed, the same every time', () => {
    const seeds = Array.from({ length: 1000 }, (_, index) => runSeed(1234, index));
    expect(new Set(seeds).size).toBe(1000);
    expect(runSeed(1234, 17)).toBe(seeds[17]);
    expect(runSeed(1235, 17)).not.toBe(seeds[17]);
  });
});
