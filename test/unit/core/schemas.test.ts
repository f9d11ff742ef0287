import { describe, expect, it } from 'vitest';
import { classify } from '../../../src/core/classify';
import { HOST_OUTCOMES, type HostOutcome } from '../../../src/core/diagnosis';
import { inspectKey } from '../../../src/core/hygiene';
import { toCliJson } from '../../../src/core/report';
import { cliJsonSchema, diagnosisSchema } from '../../../src/core/schemas';

const NOW = new Date('2026-11-27T12:00:00Z');

function host(outcome: HostOutcome['outcome']): HostOutcome {
  return { outcome, status: 200, latencyMs: 5, requestId: null, url: 'http://127.0.0.1:1', detail: null, retryAfterSeconds: null, probed: true };
}

function diagnosis(api: HostOutcome['outcome'], codestral: HostOutcome['outcome']) {
  return classify({
    key: inspectKey('Ab3dEf6hIj9lMn2pQr5tUv8xYz1bCd4F').report, hosts: { api: host(api), codestral: host(codestral) },
    models: null, target: 'auto', model: 'codestral-2501', keyAgeMs: null, preferredCodestralModel: 'codestral-2501', now: NOW, elapsedMs: 10,
  });
}

describe('diagnosisSchema', () => {
  it('accepts every diagnosis classify produces, and the CLI JSON of each fits its schema', () => {
    for (const api of HOST_OUTCOMES) {
      for (const codestral of HOST_OUTCOMES) {
        const d = diagnosis(api, codestral);
        expect(diagnosisSchema.parse(d)).toEqual(d);
        expect(cliJsonSchema.safeParse(toCliJson(d)).success).toBe(true);
      }
    }
  });

  it('refuses an unknown cause id or a missing host', () => {
    const d = diagnosis('accepted', 'rejected');
    expect(diagnosisSchema.safeParse({ ...d, cause: { ...d.cause, id: 'made-up' } }).success).toBe(false);
    expect(diagnosisSchema.safeParse({ ...d, hosts: { api: d.hosts.api } }).success).toBe(false);
  });
});

describe('cliJsonSchema', () => {
  it('refuses extra fields, so the --json shape cannot drift', () => {
    const json = toCliJson(diagnosis('accepted', 'rejected'));
    expect(cliJsonSchema.safeParse({ ...json, key: { ...json.key, value: 'secret' } }).success).toBe(false);
    expect(cliJsonSchema.safeParse({ ...json, extra: 1 }).success).toBe(false);
  });
});
