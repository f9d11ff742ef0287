import { describe, expect, it } from 'vitest';
import { TEST_KEYS } from '../../../../src/emulator';
import { looksLikeMistralKey } from '../../../../src/extension/watch/keyShape';

describe('looksLikeMistralKey', () => {
  it('accepts 32 letters and digits, also with the spaces or quotes a file adds around them', () => {
    expect(looksLikeMistralKey(TEST_KEYS.codestral)).toBe(true);
    expect(looksLikeMistralKey(` "${TEST_KEYS.console}"\n`)).toBe(true);
  });

  it('refuses other providers\' tokens, wrong lengths, masked copies and empty values', () => {
    for (const value of [
      'ghp_0123456789abcdefghijklmnopqrstuvwxyz', 'sk-proj-0123456789abcdefghijklmnopqrstuv', 'AKIAIOSFODNN7EXAMPLE',
      TEST_KEYS.console.slice(1), `${TEST_KEYS.console}x`, 'CnsL...7Ue', '', `${TEST_KEYS.console.slice(0, 16)} ${TEST_KEYS.console.slice(16)}`,
    ]) expect(looksLikeMistralKey(value), value).toBe(false);
  });
});
