import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../../src/cli/exitCode';
import { CAUSE_IDS, type CauseId, type Diagnosis, type HostOutcome } from '../../../src/core/diagnosis';

function host(probed: boolean): HostOutcome {
  return { outcome: 'accepted', status: 200, latencyMs: 5, requestId: null, url: 'http://127.0.0.1', detail: null, retryAfterSeconds: null, probed };
}

function diagnosis(id: CauseId, options: { probed?: boolean; worksForTarget?: boolean } = {}): Diagnosis {
  const probed = options.probed ?? true;
  return {
    keyKind: 'unknown', tool: 'other', target: 'auto', worksForTarget: options.worksForTarget ?? true,
    cause: { id, severity: 'error', title: 'x', explanation: 'x', fix: [], fixByTool: {} },
    headline: 'x',
    hosts: { api: host(probed), codestral: host(probed) },
    key: { fingerprint: 'abcd…wxyz', findings: [], type: 'unknown', plan: null },
    model: { id: null, state: 'unknown', resolvesTo: null, date: null, suggested: null, suggestion: null },
    checkedAt: '2026-01-01T00:00:00.000Z', elapsedMs: 5,
  };
}

const EXPECTED: Record<CauseId, number> = {
  'ok': 0,
  'codestral-key-on-api-host': 1, 'console-key-on-codestral-host': 1, 'key-malformed': 1, 'key-not-yet-active': 1,
  'key-rejected': 1, 'rate-limited': 1, 'payment-required': 1, 'forbidden': 1, 'model-unavailable': 1, 'route-not-served': 1,
  'host-unreachable': 3, 'tls-intercepted': 3, 'service-error': 3, 'unexpected-response': 3,
};

describe('exitCodeFor', () => {
  it.each(CAUSE_IDS)('comes from the cause alone: %s', (id) => {
    // worksForTarget and keyKind say nothing here: a working key asking for a retired model still exits 1.
    expect(exitCodeFor(diagnosis(id, { worksForTarget: true }))).toBe(EXPECTED[id]);
    expect(exitCodeFor(diagnosis(id, { worksForTarget: false }))).toBe(EXPECTED[id]);
  });

  it('is 2 when the key itself was unusable and nothing was sent', () => {
    expect(exitCodeFor(diagnosis('key-malformed', { probed: false }))).toBe(2);
  });
});
