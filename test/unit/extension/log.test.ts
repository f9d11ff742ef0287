import { describe, expect, it } from 'vitest';
import { redact } from '../../../src/extension/log';

describe('redact', () => {
  it('replaces the key and its trimmed form with the fingerprint', () => {
    const key = ' CdSt7nV2kXq9Lm4Rw8Tz1Bh6Yp3Fj5Ga\n';
    const text = `failed for${key}and again CdSt7nV2kXq9Lm4Rw8Tz1Bh6Yp3Fj5Ga.`;
    const out = redact(text, key, 'CdSt…j5Ga');
    expect(out).not.toContain('CdSt7nV2kXq9Lm4Rw8Tz1Bh6Yp3Fj5Ga');
    expect(out).toBe('failed forCdSt…j5Gaand again CdSt…j5Ga.');
  });

  it('scrubs any 10-character piece of the key a host or an error message echoed', () => {
    const key = 'CdSt7nV2kXq9Lm4Rw8Tz1Bh6Yp3Fj5Ga';
    const out = redact(`request id ${key.slice(2, 26)}, type ${key.slice(0, 31)}`, key, 'CdSt…j5Ga');
    expect(out).toBe('request id …, type …');
  });

  it('leaves text alone when a very short "key" would match everywhere', () => {
    expect(redact('a b c', 'a', '…')).toBe('a b c');
  });
});
