import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../../src/cli/exitCode';
import type { Diagnosis, HostOutcome, KeyKind } from '../../../src/core/diagnosis';

function host(probed: boolean): HostOutcome {
  return { outcome: 'rejected', status: 401, latencyMs: 5, requestId: null, url: 'http://127.0.0.1', detail: null, retryAfterSeconds: null, probed };
}

function diagnosis(keyKind: KeyKind, worksForTarget: boolean, options: { probed?: boolean; blocking?: boolean } = {}): Diagnosis {
  const probed = options.probed ?? true;
  return {
    keyKind, tool: 'other', target: 'auto', worksForTarget,
    cause: { id: 'key-rejected', severity: 'error', title: 'x', explanation: 'x', fix: [], fixByTool: {} },
    hosts: { api: host(probed), codestral: host(probed) },
    key: { fingerprint: 'abcd…wxyz', findings: options.blocking ? [{ id: 'masked-copy', message: 'x', blocking: true }] : [], type: 'unknown', plan: null },
    model: { id: null, state: 'unknown', resolvesTo: null, date: null, suggested: null, suggestion: null },
    checkedAt: '2026-01-01T00:00:00.000Z', elapsedMs: 5,
  };
}

describe('exitCodeFor', () => {
  it('is 0 when the key works for the target', () => {
    expect(exitCodeFor(diagnosis('both', true))).toBe(0);
  });

  it('is 1 for a diagnosed problem', () => {
    expect(exitCodeFor(diagnosis('rejected', false))).toBe(1);
    expect(exitCodeFor(diagnosis('codestral', false))).toBe(1);
  });

  it('is 2 when the key itself was unusable and nothing was sent', () => {
    expect(exitCodeFor(diagnosis('unknown', false, { probed: false, blocking: true }))).toBe(2);
  });

  it('is 3 when no host gave a verdict', () => {
    expect(exitCodeFor(diagnosis('unknown', false))).toBe(3);
  });
});
