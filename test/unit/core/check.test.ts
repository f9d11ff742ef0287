import { afterEach, describe, expect, it } from 'vitest';
import { checkKey, CheckRequestError, validateCheckRequest, type CheckRequest } from '../../../src/core/check';
import type { CauseId } from '../../../src/core/diagnosis';
import { TEST_KEYS } from '../../../src/emulator';
import { useEmulator } from '../useEmulator';

const emulator = useEmulator();
const NOW = new Date('2026-03-01T12:00:00Z');

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

  it('names another provider\'s secret as such, sends nothing and asks for a Mistral key', async () => {
    const diagnosis = await checkKey(request('ghp_16C7e42F292c6912E7710c838347Ae178B4a'));
    expect(emulator.requests).toHaveLength(0);
    expect(diagnosis.cause).toMatchObject({ id: 'key-malformed', title: "This is another provider's secret, not a Mistral key" });
    expect(diagnosis.cause.fix.map((step) => step.text).join(' ')).toMatch(/Use a Mistral key instead/);
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

// Bodies Mistral's hosts really sent (public issue threads and Mistral's docs), each through the real SDK over HTTP.
const KONG_401 = { status: 401, body: '{"message":"Unauthorized","request_id":"0123456789abcdef0123456789abcdef"}' };
const DETAIL_401 = { status: 401, body: '{"detail":"Unauthorized"}' };
const INVALID_KEY_401 = { status: 401, body: '{"detail":"Invalid API Key"}' };
const BARE_401 = { status: 401, body: '' };
const KONG_404 = { status: 404, body: '{"message":"no Route matched with those values","request_id":"0123456789abcdef0123456789abcdef"}' };
const OLD_429 = { status: 429, body: '{"message":"Requests rate limit exceeded"}' };
const NEW_429 = { status: 429, body: '{"object":"error","message":"Rate limit exceeded","type":"rate_limited","param":null,"code":"1300"}' };
const PAYMENT_402 = { status: 402, body: '{"detail":"Payment required: add a payment method or enable pay-as-you-go"}' };
const EXTRA_FORBIDDEN = '[{"type":"extra_forbidden","loc":["body","foo"],"msg":"Extra inputs are not permitted","input":1}]';
const PLAIN_422 = { status: 422, body: `{"detail":${EXTRA_FORBIDDEN}}` };
const WRAPPED_422 = { status: 422, body: `{"object":"error","message":{"detail":${EXTRA_FORBIDDEN}},"type":"invalid_request_error","param":null,"code":null}` };
const MODELS_200 = { status: 200, body: '{"object":"list","data":[{"id":"codestral-2508","object":"model","created":1,"owned_by":"mistralai","capabilities":{"completion_chat":true,"completion_fim":true,"function_calling":true,"fine_tuning":false,"vision":false},"aliases":["codestral-latest"],"deprecation":null,"type":"base"}]}' };

type Answer = { status: number; body: string };

describe('checkKey with the bodies Mistral really sent', () => {
  function answering(api: Answer, codestral: Answer): void {
    emulator.setResponder((_req, res, host) => {
      const { status, body } = host === 'api' ? api : codestral;
      res.writeHead(status, body ? { 'content-type': 'application/json' } : {});
      res.end(body);
    });
  }

  it.each([
    ['Kong 401', KONG_401], ['{"detail":"Unauthorized"}', DETAIL_401], ['{"detail":"Invalid API Key"}', INVALID_KEY_401], ['a 401 with no body', BARE_401],
  ] as const)('reads %s on both hosts as a rejected key', async (_label, refusal) => {
    answering(refusal, refusal);
    const diagnosis = await checkKey(request(TEST_KEYS.revoked, { target: 'api' }));
    expect(diagnosis.cause.id).toBe('key-rejected');
    expect(diagnosis.keyKind).toBe('rejected');
  });

  it.each([
    ['Kong 401', KONG_401], ['{"detail":"Invalid API Key"}', INVALID_KEY_401], ['a 401 with no body', BARE_401],
  ] as const)('reads %s from the api host with the Codestral host accepting as a legacy key on the api host', async (_label, refusal) => {
    answering(refusal, PLAIN_422);
    const diagnosis = await checkKey(request(TEST_KEYS.codestral, { target: 'api' }));
    expect(diagnosis.cause.id).toBe('codestral-key-on-api-host');
    expect(diagnosis.key.type).toBe('mistral-code');
  });

  it('reads Kong\'s 404 from the Codestral host as its gateway, not a proxy page', async () => {
    answering(MODELS_200, KONG_404);
    const diagnosis = await checkKey(request(TEST_KEYS.console, { target: 'codestral' }));
    expect(diagnosis.cause.id).toBe('route-not-served');
    expect(diagnosis.keyKind).toBe('unknown');
    expect(diagnosis.hosts.codestral.requestId).toBe('0123456789abcdef0123456789abcdef');
    const forAuto = await checkKey(request(TEST_KEYS.console));
    expect(forAuto.cause.id).toBe('ok');
    expect(forAuto.cause.title).toBe('The key works on api.mistral.ai; codestral.mistral.ai did not answer');
  });

  it.each([['the older 429', OLD_429], ['the documented 429', NEW_429]] as const)('reads %s as rate-limited, authentication passed', async (_label, limited) => {
    answering(limited, KONG_401);
    const diagnosis = await checkKey(request(TEST_KEYS.console, { target: 'api' }));
    expect(diagnosis.cause.id).toBe('rate-limited');
    expect(diagnosis.keyKind).toBe('console');
  });

  it('reads a 402 as payment required: authentication passed, billing did not', async () => {
    answering(PAYMENT_402, DETAIL_401);
    const diagnosis = await checkKey(request(TEST_KEYS.console, { target: 'api' }));
    expect(diagnosis.cause.id).toBe('payment-required');
    expect(diagnosis.keyKind).toBe('console');
    expect(diagnosis.cause.explanation).not.toMatch(/not Mistral API output|login page/);
  });

  it.each([['plain', PLAIN_422], ['wrapped', WRAPPED_422]] as const)('reads a %s 422 extra_forbidden from the Codestral host as authentication passed', async (_label, invalid) => {
    answering(DETAIL_401, invalid);
    const diagnosis = await checkKey(request(TEST_KEYS.codestral, { target: 'codestral', model: 'codestral-2508' }));
    expect(diagnosis.hosts.codestral.outcome).toBe('model-error');
    expect(diagnosis.cause.id).toBe('ok');
    expect(diagnosis.keyKind).toBe('codestral');
  });
});
