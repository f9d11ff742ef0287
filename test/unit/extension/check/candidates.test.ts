import { describe, expect, it } from 'vitest';
import { candidateLabel, followsSettings, isStored, mergeCandidates } from '../../../../src/extension/check/candidates';
import type { FoundKeys, KeySource } from '../../../../src/sources';

const STORED = 'CdSt7nV2kXq9Lm4Rw8Tz1Bh6Yp3Fj5Ga';
const OTHER = 'CnsL4kQ8vTz2Wd9Ry6Hb1Mx7Pf3Gj5Ue';

function source(overrides: Partial<KeySource>): KeySource {
  return {
    id: 'continue', tool: 'continue', path: '/home/u/.continue/config.yaml', line: 7, label: 'Continue ~/.continue/config.yaml',
    model: 'codestral-latest', target: 'codestral', apiBase: null, alsoReads: [], ...overrides,
  };
}

function found(...entries: [string, KeySource][]): FoundKeys {
  return {
    candidates: entries.map(([key, s]) => ({ key, fingerprint: `${key.slice(0, 4)}…${key.slice(-4)}`, source: s, sources: [s] })),
    problems: [],
  };
}

describe('mergeCandidates', () => {
  it('lists the stored key first and follows the settings for it', () => {
    const merged = mergeCandidates(STORED, found([OTHER, source({})]));
    expect(merged.map((c) => [c.fingerprint, isStored(c), followsSettings(c), c.source.target])).toEqual([
      ['CdSt…j5Ga', true, true, 'auto'],
      ['CnsL…j5Ue', false, false, 'codestral'],
    ]);
    expect(candidateLabel(merged[1]!)).toBe('Continue ~/.continue/config.yaml');
    expect(merged[1]!.source).toMatchObject({ model: 'codestral-latest', path: '/home/u/.continue/config.yaml', line: 7 });
  });

  it('merges a key found elsewhere that equals the stored key (even with stray spaces) into one entry', () => {
    const merged = mergeCandidates(STORED, found([` ${STORED}\n`, source({ id: 'env', tool: 'other', path: null, line: null, label: 'Environment variable MISTRAL_API_KEY', target: 'api' })]));
    expect(merged).toHaveLength(1);
    expect(candidateLabel(merged[0]!)).toBe('VS Code secret storage, Environment variable MISTRAL_API_KEY');
  });

  it('lets environment keys follow the settings rather than the variable name', () => {
    const merged = mergeCandidates(undefined, found([OTHER, source({ id: 'env', tool: 'other', path: null, line: null, label: 'Environment variable CODESTRAL_API_KEY', target: 'codestral', model: null })]));
    expect(merged).toHaveLength(1);
    expect(followsSettings(merged[0]!)).toBe(true);
    expect(isStored(merged[0]!)).toBe(false);
  });

  it('is empty when there is no key anywhere', () => {
    expect(mergeCandidates(undefined, { candidates: [], problems: [] })).toEqual([]);
  });
});
