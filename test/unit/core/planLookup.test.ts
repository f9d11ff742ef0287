// The plan lookup against the emulated console: every plan type, every failure, never a verdict.
import { afterEach, describe, expect, it } from 'vitest';
import { checkKey, type CheckRequest } from '../../../src/core/check';
import { DEFAULT_API_URL, DEFAULT_CODESTRAL_URL, DEFAULT_CONSOLE_URL } from '../../../src/core/hosts';
import { lookUpPlan, MAX_PLAN_NAME_CHARS, planFromWhoami, sanitisePlanName } from '../../../src/core/planLookup';
import { CONSOLE_SCENARIO_NAMES, TEST_KEYS } from '../../../src/emulator';
import { useEmulator } from '../useEmulator';

const emulator = useEmulator();

afterEach(() => emulator.reset());

function lookUp(key: string, timeoutMs = 2_000) {
  return lookUpPlan({ key, consoleUrl: emulator.consoleUrl, deadline: performance.now() + timeoutMs });
}

function request(rawKey: string, extra: Partial<CheckRequest> = {}): CheckRequest {
  return {
    rawKey, target: 'auto', model: null, apiUrl: emulator.apiUrl, codestralUrl: emulator.codestralUrl, consoleUrl: emulator.consoleUrl,
    timeoutMs: 2_000, keyAgeMs: null, preferredCodestralModel: 'codestral-2501', now: () => new Date('2026-12-01T12:00:00Z'), ...extra,
  };
}

// [console scenario, key type, plan] for a key the emulator knows.
const EXPECTED: Record<string, [string, string | null]> = {
  'by-key': ['studio', 'Free API'],
  'free-api': ['studio', 'Free API'],
  'pay-as-you-go': ['studio', 'Pay-as-you-go'],
  'le-chat-free': ['vibe', 'Free'],
  'le-chat-pro': ['vibe', 'Pro'],
  'le-chat-student': ['vibe', 'Student'],
  'le-chat-team': ['vibe', 'Team'],
  'free-codestral': ['mistral-code', 'Free Codestral'],
  'code-enterprise': ['mistral-code', 'Code Enterprise'],
  'unknown-plan-type': ['unknown', null],
  'unauthorized': ['unknown', null],
  'forbidden': ['unknown', null],
  'not-found': ['unknown', null],
  'server-error': ['unknown', null],
  'html': ['unknown', null],
  'garbage': ['unknown', null],
  'odd-fields': ['unknown', null],
  'huge-name': ['vibe', `PLAN${'X'.repeat(MAX_PLAN_NAME_CHARS - 5)}…`],
  'control-characters': ['vibe', 'Gold plan'],
  'drop': ['unknown', null],
  'hang': ['unknown', null],
};

describe('lookUpPlan against the emulated console', () => {
  it('has an expectation for every console scenario', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...CONSOLE_SCENARIO_NAMES].sort());
  });

  it.each(Object.entries(EXPECTED))('%s', async (name, [type, plan]) => {
    emulator.setConsoleScenario(name);
    const result = await lookUp(TEST_KEYS.console, 500);
    expect(result).toMatchObject({ type, plan });
    const sent = emulator.requests.filter((r) => r.host === 'console');
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ method: 'GET', path: '/api/vibe/whoami', authorization: `Bearer ${TEST_KEYS.console}`, body: '' });
  });

  it('says plan unknown for a key the console does not know', async () => {
    expect(await lookUp(TEST_KEYS.revoked)).toMatchObject({ type: 'unknown', plan: null, status: 401 });
  });

  it('gives up by the deadline when the console never answers', async () => {
    emulator.setConsoleScenario('hang');
    const started = performance.now();
    expect(await lookUp(TEST_KEYS.console, 200)).toMatchObject({ type: 'unknown', plan: null });
    expect(performance.now() - started).toBeLessThan(1_000);
  });
});

describe('planFromWhoami', () => {
  it('maps plan types and names as Mistral Vibe does', () => {
    expect(planFromWhoami('{"plan_type":"API","plan_name":"Experiment (free)"}', 'k')).toEqual({ type: 'studio', plan: 'Free API' });
    expect(planFromWhoami('{"plan_type":"api","plan_name":"SCALE"}', 'k')).toEqual({ type: 'studio', plan: 'Pay-as-you-go' });
    expect(planFromWhoami('{"plan_type":"CHAT","plan_name":"EDU"}', 'k')).toEqual({ type: 'vibe', plan: 'Student' });
    expect(planFromWhoami('{"plan_type":"MISTRAL_CODE","plan_name":"E"}', 'k')).toEqual({ type: 'mistral-code', plan: 'Code Enterprise' });
    expect(planFromWhoami('{"plan_type":"CHAT"}', 'k')).toEqual({ type: 'vibe', plan: null });
  });

  it('ignores anything else, and a plan name that echoes the key', () => {
    for (const body of ['null', '[]', '"API"', '{}', '{"plan_type":7}', '{"plan_type":"UNKNOWN","plan_name":"FREE"}', '<html>']) {
      expect(planFromWhoami(body, 'k')).toEqual({ type: 'unknown', plan: null });
    }
    const key = TEST_KEYS.console;
    expect(planFromWhoami(`{"plan_type":"CHAT","plan_name":"${key}"}`, key)).toEqual({ type: 'vibe', plan: null });
    expect(planFromWhoami(`{"plan_type":"CHAT","plan_name":"Gold ${key.slice(3, 15)}"}`, key)).toEqual({ type: 'vibe', plan: null });
  });

  it('removes control characters and caps the length of names it does not know', () => {
    expect(sanitisePlanName('\u001b[31mGold\u0007\r\n plan\u202e\u200b', 'k')).toBe('Gold plan');
    expect(sanitisePlanName('\u0000\u0001', 'k')).toBeNull();
    expect([...sanitisePlanName('é'.repeat(500), 'k')!]).toHaveLength(MAX_PLAN_NAME_CHARS);
  });
});

describe('checkKey and the plan lookup', () => {
  it('never changes a host verdict, whatever the console answers', async () => {
    const baseline = await checkKey(request(TEST_KEYS.console, { planLookup: false }));
    for (const name of CONSOLE_SCENARIO_NAMES) {
      emulator.setConsoleScenario(name);
      const diagnosis = await checkKey(request(TEST_KEYS.console, { timeoutMs: 500 }));
      expect(diagnosis.cause.id, name).toBe(baseline.cause.id);
      expect(diagnosis.keyKind, name).toBe(baseline.keyKind);
      expect(diagnosis.worksForTarget, name).toBe(baseline.worksForTarget);
      expect(diagnosis.hosts.api.outcome, name).toBe(baseline.hosts.api.outcome);
      expect(diagnosis.hosts.codestral.outcome, name).toBe(baseline.hosts.codestral.outcome);
    }
  });

  it('fills key.type and key.plan, and sharpens a legacy key on the api host even with the Codestral host silent', async () => {
    emulator.setScenario('codestral-unreachable');
    const diagnosis = await checkKey(request(TEST_KEYS.codestral, { target: 'api' }));
    expect(diagnosis.key).toMatchObject({ type: 'mistral-code', plan: 'Free Codestral' });
    expect(diagnosis.cause.id).toBe('codestral-key-on-api-host');
  });

  it('asks the console while the hosts are still answering, not after', async () => {
    emulator.setScenario('slow');
    const diagnosis = await checkKey(request(TEST_KEYS.console));
    expect(diagnosis.key.plan).toBe('Free API');
    const at = (host: string) => emulator.requests.find((r) => r.host === host)!.receivedAt;
    // Every answer comes 400 ms late: a lookup made after the probes would arrive at least that much later.
    expect(Math.abs(at('console') - at('api'))).toBeLessThan(400);
  });

  it('gives up on a silent console by the check\'s own deadline, keeping the hosts\' verdict', async () => {
    emulator.setConsoleScenario('hang');
    const diagnosis = await checkKey(request(TEST_KEYS.console, { timeoutMs: 300 }));
    expect(diagnosis.cause.id).toBe('ok');
    expect(diagnosis.key).toMatchObject({ type: 'unknown', plan: null });
  });

  it('never sends the key to a console when the api host is not Mistral\'s own and no console URL is given', async () => {
    const diagnosis = await checkKey(request(TEST_KEYS.console, { consoleUrl: null }));
    expect(diagnosis.key).toMatchObject({ type: 'unknown', plan: null });
    expect(emulator.requests.filter((r) => r.host === 'console')).toHaveLength(0);
  });

  it('asks Mistral\'s console by default when the api host is Mistral\'s own, and not when switched off', async () => {
    const asked: string[] = [];
    // Mistral's addresses, delivered to the emulator's listeners over loopback.
    const toEmulator: typeof fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      asked.push(new URL(url).origin);
      const local = url.replace(DEFAULT_API_URL, emulator.apiUrl).replace(DEFAULT_CODESTRAL_URL, emulator.codestralUrl)
        .replace(DEFAULT_CONSOLE_URL, emulator.consoleUrl);
      return fetch(local, init);
    };
    const mistral = { apiUrl: DEFAULT_API_URL, codestralUrl: DEFAULT_CODESTRAL_URL, consoleUrl: null, fetcher: toEmulator };
    const diagnosis = await checkKey(request(TEST_KEYS.both, mistral));
    expect(asked).toContain(DEFAULT_CONSOLE_URL);
    expect(diagnosis.key).toMatchObject({ type: 'studio', plan: 'Pay-as-you-go' });
    asked.length = 0;
    await checkKey(request(TEST_KEYS.both, { ...mistral, planLookup: false }));
    expect(asked).not.toContain(DEFAULT_CONSOLE_URL);
    expect(asked).toHaveLength(2);
  });

  it('sends nothing to the console for a key that cannot be sent', async () => {
    await checkKey(request('CnsL...Gj5U'));
    expect(emulator.requests).toHaveLength(0);
  });
});
