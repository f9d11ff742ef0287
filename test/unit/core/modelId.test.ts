import { describe, expect, it } from 'vitest';
import { isSafeModelId } from '../../../src/core/modelId';

describe('isSafeModelId', () => {
  it.each(['codestral-2508', 'mistral-medium-3-5', 'ft:open-mistral-7b:1a2b:20240101:abcd', 'mistral/codestral-latest', 'v1.2_x'])('accepts %s', (id) => {
    expect(isSafeModelId(id)).toBe(true);
  });

  it.each(['', 'codestral-2508\napiBase: https://attacker.example/v1', 'a b', '"x"', '-x', 'x#y', 'a/b/c', 'x'.repeat(101), 'codestral\u202e'])('refuses %j', (id) => {
    expect(isSafeModelId(id)).toBe(false);
  });

  it('refuses what is not a string', () => {
    expect(isSafeModelId(null)).toBe(false);
    expect(isSafeModelId(42)).toBe(false);
  });
});
