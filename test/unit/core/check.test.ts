import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkKey, CheckRequestError, validateCheckRequest, type CheckRequest } from '../../../src/core/check';
import type { CauseId } from '../../../src/core/diagnosis';
import { startEmulator, TEST_KEYS, type Emulator } from '../../../src/emulator';

let emulator: Emulator;
const NOW = new Date('2026-03-01T12:00:00Z');

beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});
afterEach(() => emulator.reset());

function request(rawKey: string, extra: Partial<CheckRequest> = {}): CheckRequest {
  return {
    rawKey, target: 'auto', model: null, apiUrl: emulator.apiUrl, codestralUrl: emulator.codestralUrl, timeoutMs: 5_000,
    keyAgeMs: null, preferredCodestralModel: 'codestral-2501', now: () => NOW, ...extra,
  };
}

describe('checkKey', () => {
  it.each([
    ['a Codestral key sent to the api host (the seed case)', 'normal', TEST_KEYS.codestral, { target: 'api' }, 'codestral-key-on-api-host', 'codestral'],
    ['a console key sent to the codestral host', 'normal', TEST_KEYS.console, { target: 'codestral' }, 'console-key-on-codestral-host', 'console'],
    ['a key that works on both hosts', 'normal', TEST_KEYS.both, { target: 'auto', model: 'codestral-2508' }, 'ok', 'both'],
    ['a key created a minute ago', 'normal', TEST_KEYS.fresh, { target: 'api', keyAgeMs: 60_000 }, 'key-not-yet-active', 'rejected'],
    ['a revoked key', 'normal', TEST_KEYS.revoked, { target: 'api' }, 'key-rejected', 'rejected'],
    ['a retired model', 'normal', TEST_KEYS.console, { target: 'api', model: 'codestral-2501' }, 'model-unavailable', 'console'],
    ['a rate-limited key', 'rate-limited', TEST_KEYS.console, { target: 'api' }, 'rate-limited', 'console'],
    ['a forbidden key', 'forbidden', TEST_KEYS.console, { target: 'api' }, 'forbidden', 'rejected'],
    ['Mistral down', 'service-down', TEST_KEYS.console, { target: 'api' }, 'service-error', 'unknown'],
    ['a captive portal', 'captive-portal', TEST_KEYS.console, { target: 'api' }, 'unexpected-response', 'unknown'],
    ['hosts that never answer', 'hang', TEST_KEYS.console, { target: 'auto', timeoutMs: 200 }, 'host-unreachable', 'unknown'],
  ] as const)('diagnoses %s', async (_label, scenario, key, extra, cause, keyKind) => {
    emulator.setScenario(scenario);
    const diagnosis = await checkKey(request(key, extra));
    expect(diagnosis.cause.id).toBe<CauseId>(cause);
    expect(diagnosis.keyKind).toBe(keyKind);
    expect(diagnosis.checkedAt).toBe(NOW.toISOString());
    expect(JSON.stringify(diagnosis)).not.toContain(key);
  });

  it('sends the cleaned key and reports what was cleaned', async () => {
    const diagnosis = await checkKey(request(`  "Bearer ${TEST_KEYS.console}"\n`, { target: 'api' }));
    expect(emulator.requests.map((sent) => sent.authorization)).toEqual([`Bearer ${TEST_KEYS.console}`, `Bearer ${TEST_KEYS.console}`]);
    expect(diagnosis.key.findings.map((finding) => finding.id)).toEqual(expect.arrayContaining(['surrounding-whitespace', 'quotes', 'bearer-prefix']));
    // The host let the cleaned key in, but the user's tool sends it as stored.
    expect(diagnosis.cause.id).toBe('key-malformed');
    expect(diagnosis.worksForTarget).toBe(false);
  });

  it.each([
    ['empty', ''],
    ['whitespace only', ' \t\n'],
    ['a masked copy', 'CnsL...Gj5Ue'],
    ['a key with a line break inside', `${TEST_KEYS.console.slice(0, 10)}\n${TEST_KEYS.console.slice(10)}`],
  ])('sends nothing for a key that is %s', async (_label, rawKey) => {
    const diagnosis = await checkKey(request(rawKey));
    expect(emulator.requests).toHaveLength(0);
    expect(diagnosis.cause.id).toBe('key-malformed');
    expect(diagnosis.hosts.api).toMatchObject({ probed: false, url: emulator.apiUrl, status: null });
    expect(diagnosis.hosts.codestral.probed).toBe(false);
  });

  it('normalises the base URLs it reports', async () => {
    const diagnosis = await checkKey(request(TEST_KEYS.console, { apiUrl: `${emulator.apiUrl}/v1/`, codestralUrl: `${emulator.codestralUrl}/` }));
    expect(diagnosis.hosts.api.url).toBe(emulator.apiUrl);
    expect(diagnosis.hosts.codestral.url).toBe(emulator.codestralUrl);
  });

  it.each([
    ['apiUrl', { apiUrl: 'http://api.mistral.ai' }],
    ['codestralUrl', { codestralUrl: 'codestral.mistral.ai' }],
    ['timeoutMs', { timeoutMs: 0 }],
    ['timeoutMs', { timeoutMs: Number.NaN }],
    ['timeoutMs', { timeoutMs: 10 * 60_000 }],
  ] as const)('refuses a bad %s as a usage error before sending anything', async (field, extra) => {
    const validation = validateCheckRequest({ ...request(TEST_KEYS.console), ...extra });
    expect(validation).toMatchObject({ ok: false, field });
    const error = await checkKey(request(TEST_KEYS.console, extra)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CheckRequestError);
    expect(error).toMatchObject({ field, message: !validation.ok && validation.message });
    expect(emulator.requests).toHaveLength(0);
  });

  it('rejects only with the caller\'s reason when the caller aborts', async () => {
    emulator.setScenario('hang');
    const controller = new AbortController();
    const pending = checkKey(request(TEST_KEYS.console, { signal: controller.signal }));
    setTimeout(() => controller.abort(new DOMException('The check was cancelled', 'AbortError')), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });
});
