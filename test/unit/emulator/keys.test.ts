import { describe, expect, it } from 'vitest';
import { inspectKey } from '../../../src/core/hygiene';
import { hostsAccepting, KEY_KINDS, keyKindOf, TEST_KEYS } from '../../../src/emulator/keys';

describe('TEST_KEYS', () => {
  it.each(KEY_KINDS)('the %s key looks like a real key: 32 alphanumerics, no findings', (kind) => {
    expect(TEST_KEYS[kind]).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(inspectKey(TEST_KEYS[kind]).report.findings).toEqual([]);
    expect(keyKindOf(TEST_KEYS[kind])).toBe(kind);
  });

  it('are all different', () => {
    expect(new Set(Object.values(TEST_KEYS)).size).toBe(KEY_KINDS.length);
  });

  it('knows no other key', () => {
    expect(keyKindOf('A'.repeat(32))).toBeNull();
  });
});

describe('hostsAccepting', () => {
  it.each([
    ['console', { api: true, codestral: false }],
    ['fresh', { api: true, codestral: false }],
    ['codestral', { api: false, codestral: true }],
    ['both', { api: true, codestral: true }],
    ['revoked', { api: false, codestral: false }],
  ] as const)('%s → %j', (kind, hosts) => {
    expect(hostsAccepting(kind)).toEqual(hosts);
  });
});
