import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { resetEnv } from '@mistralai/mistralai/lib/env.js';
import { fetch as undiciFetch } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HostOutcomeKind } from '../../../src/core/diagnosis';
import { checkKey } from '../../../src/core/check';
import { PROBE_FIM_MODEL, probeHosts, type ProbeOptions } from '../../../src/core/probe';
import {
  MODELS_CURRENT, SCENARIO_NAMES, scenarioNamed, startEmulator, TEST_KEYS, type Emulator, type RecordedRequest,
} from '../../../src/emulator';
import { useEmulator } from '../useEmulator';

const emulator = useEmulator();

afterEach(() => emulator.reset());

function probe(key: string, extra: Partial<ProbeOptions> = {}) {
  return probeHosts({ key, apiUrl: emulator.apiUrl, codestralUrl: emulator.codestralUrl, timeoutMs: 5_000, ...extra });
}

/** What every probe must look like on the wire, whatever the hosts answered. */
function expectWireContract(requests: RecordedRequest[], key: string): void {
  const api = requests.filter((request) => request.host === 'api');
  const codestral = requests.filter((request) => request.host === 'codestral');
  expect(api).toHaveLength(1);
  expect(codestral).toHaveLength(1);
  expect(api[0]).toMatchObject({ method: 'GET', path: '/v1/models', body: '' });
  expect(codestral[0]).toMatchObject({ method: 'POST', path: '/v1/fim/completions' });
  const fim = codestral[0]!.json as Record<string, unknown>;
  expect(fim.model).toBe(PROBE_FIM_MODEL);
  expect(fim.max_tokens).toBeLessThanOrEqual(1);
  expect(fim.stream).not.toBe(true);
  for (const request of requests) {
    expect(request.authorization).toBe(`Bearer ${key}`);
    expect(request.path).not.toContain('chat/completions');
  }
}

describe('probeHosts against the emulator, key by key', () => {
  it.each([
    ['console', 'accepted', 'rejected'],
    ['codestral', 'rejected', 'accepted'],
    ['both', 'accepted', 'accepted'],
    ['revoked', 'rejected', 'rejected'],
    ['fresh', 'rejected', 'rejected'],
  ] as const)('a %s key: api %s, codestral %s', async (kind, api, codestral) => {
    const result = await probe(TEST_KEYS[kind]);
    expect(result.hosts.api.outcome).toBe(api);
    expect(result.hosts.codestral.outcome).toBe(codestral);
    expect(result.models === null).toBe(api !== 'accepted');
    expectWireContract(emulator.requests, TEST_KEYS[kind]);
  });

  it('a fresh key is accepted by the api host once it is active', async () => {
    expect((await probe(TEST_KEYS.fresh)).hosts.api.outcome).toBe('rejected');
    emulator.activateKey(TEST_KEYS.fresh);
    expect((await probe(TEST_KEYS.fresh)).hosts.api.outcome).toBe('accepted');
  });

  it('a fresh key with no activation delay works from its first use', async () => {
    emulator.setScenario({ ...emulator.scenario, freshKeyDelayMs: 0 });
    expect((await probe(TEST_KEYS.fresh)).hosts.api.outcome).toBe('accepted');
  });

  it('reports status, url, request id and latency per host', async () => {
    const { hosts } = await probe(TEST_KEYS.console);
    expect(hosts.api).toMatchObject({ status: 200, url: emulator.apiUrl, probed: true, retryAfterSeconds: null });
    expect(hosts.codestral).toMatchObject({ status: 401, url: emulator.codestralUrl, probed: true });
    expect(hosts.api.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(hosts.codestral.requestId).toMatch(/^[0-9a-f]{32}$/);
    expect(Number.isInteger(hosts.api.latencyMs) && hosts.api.latencyMs >= 0).toBe(true);
  });

  it('maps the models list to camelCase cards', async () => {
    const { models } = await probe(TEST_KEYS.console);
    expect(models).toHaveLength(MODELS_CURRENT.length);
    expect(models).toContainEqual({
      id: 'codestral-2508', aliases: ['codestral-latest'], deprecation: null, deprecationReplacementModel: null, completionFim: true, completionChat: true,
    });
  });

  it('keeps deprecation dates and replacements from the October 2025 list', async () => {
    emulator.setScenario('models-october-2025');
    const { models } = await probe(TEST_KEYS.console);
    expect(models).toContainEqual({
      id: 'codestral-2501', aliases: [], deprecation: '2025-11-30', deprecationReplacementModel: 'codestral-2508', completionFim: true, completionChat: true,
    });
  });

  it('reads a list the SDK schema refuses (a bare date) from the JSON itself', async () => {
    const bareDate = MODELS_CURRENT.map((card) => ({ ...card, deprecation: '2026-12-31' }));
    emulator.setScenario({ ...emulator.scenario, models: bareDate });
    const result = await probe(TEST_KEYS.console);
    expect(result.hosts.api.outcome).toBe('accepted');
    expect(result.models?.[0]?.deprecation).toBe('2026-12-31');
  });

  it('counts a model refused by the codestral host as authentication passed', async () => {
    emulator.setScenario({ ...emulator.scenario, retiredModels: [PROBE_FIM_MODEL] });
    const { hosts } = await probe(TEST_KEYS.codestral);
    expect(hosts.codestral).toMatchObject({ outcome: 'model-error', status: 400, detail: 'invalid_model' });
  });
});

// Outcomes (api, codestral) for a console key, one row per scenario.
const SCENARIO_OUTCOMES: Record<string, [HostOutcomeKind, HostOutcomeKind]> = {
  'normal': ['accepted', 'rejected'],
  'kong-2025': ['accepted', 'rejected'],
  'detail-errors': ['accepted', 'rejected'],
  'models-october-2025': ['accepted', 'rejected'],
  'rate-limited': ['rate-limited', 'rejected'],
  'rate-limited-http-date': ['rate-limited', 'rejected'],
  'gateway-rate-limited': ['rate-limited', 'rate-limited'],
  'forbidden': ['forbidden', 'rejected'],
  'service-down': ['server-error', 'server-error'],
  'api-server-error': ['server-error', 'rejected'],
  'codestral-refuses-all': ['accepted', 'rejected'],
  'codestral-not-found': ['accepted', 'unexpected'],
  'codestral-unreachable': ['accepted', 'unreachable'],
  'captive-portal': ['unexpected', 'unexpected'],
  'proxy-error-page': ['server-error', 'server-error'],
  'garbage': ['unexpected', 'unexpected'],
  'huge-body': ['unexpected', 'unexpected'],
  'redirect-to-other-host': ['unexpected', 'unexpected'],
  'dropped': ['unreachable', 'unreachable'],
  'hang': ['unreachable', 'unreachable'],
  'slow': ['accepted', 'rejected'],
};

describe('probeHosts in every scenario', () => {
  it('has an expectation for every scenario the emulator knows', () => {
    expect(Object.keys(SCENARIO_OUTCOMES).sort()).toEqual([...SCENARIO_NAMES].sort());
  });

  it.each(Object.entries(SCENARIO_OUTCOMES))('%s', async (name, [api, codestral]) => {
    emulator.setScenario(name);
    const result = await probe(TEST_KEYS.console, { timeoutMs: name === 'hang' ? 300 : 5_000 });
    expect(result.hosts.api.outcome).toBe(api);
    expect(result.hosts.codestral.outcome).toBe(codestral);
    expectWireContract(emulator.requests, TEST_KEYS.console);
  });

  it('a 2026 codestral host that refuses every key also refuses a codestral key', async () => {
    emulator.setScenario('codestral-refuses-all');
    expect((await probe(TEST_KEYS.codestral)).hosts.codestral.outcome).toBe('rejected');
  });

  it('reads Retry-After in seconds and as an HTTP date', async () => {
    emulator.setScenario('rate-limited');
    expect((await probe(TEST_KEYS.console)).hosts.api.retryAfterSeconds).toBe(30);
    emulator.setScenario('rate-limited-http-date');
    const now = () => new Date('2065-10-21T07:27:00Z');
    expect((await probe(TEST_KEYS.console, { now })).hosts.api.retryAfterSeconds).toBe(60);
  });

  it('never follows a redirect: the other host sees only its own probe', async () => {
    emulator.setScenario('redirect-to-other-host');
    const { hosts } = await probe(TEST_KEYS.console);
    expect(hosts.api).toMatchObject({ outcome: 'unexpected', status: 302, detail: 'redirect' });
    expect(emulator.requests.map((request) => `${request.host} ${request.method} ${request.path}`).sort())
      .toEqual(['api GET /v1/models', 'codestral POST /v1/fim/completions']);
  });

  it('stops reading a body at the cap and says so', async () => {
    emulator.setScenario('huge-body');
    const { hosts, models } = await probe(TEST_KEYS.console);
    expect(hosts.api.detail).toBe('response-too-large');
    expect(models).toBeNull();
  });

  it('reads a reset in the middle of the body by the status both hosts sent, never as "no answer"', async () => {
    emulator.setScenario({ ...scenarioNamed('normal'), api: { kind: 'reset-mid-body', status: 200 }, codestral: { kind: 'reset-mid-body', status: 401 } });
    const { hosts, models } = await probe(TEST_KEYS.console);
    expect(hosts.api).toMatchObject({ outcome: 'unexpected', status: 200, detail: 'body-interrupted' });
    expect(hosts.codestral).toMatchObject({ outcome: 'rejected', status: 401 });
    expect(models).toBeNull();
    emulator.setScenario({ ...scenarioNamed('normal'), api: { kind: 'reset-mid-body', status: 200 }, codestral: { kind: 'reset-mid-body', status: 200 } });
    const diagnosis = await checkKey({
      rawKey: TEST_KEYS.console, target: 'auto', model: null, apiUrl: emulator.apiUrl, codestralUrl: emulator.codestralUrl,
      timeoutMs: 5_000, keyAgeMs: null, preferredCodestralModel: 'codestral-2501',
    });
    expect(Object.values(diagnosis.hosts).map((host) => [host.outcome, host.status])).toEqual([['unexpected', 200], ['unexpected', 200]]);
    expect(diagnosis.cause.id).not.toBe('host-unreachable');
  });

  it('ends a hanging probe at the deadline as a timeout', async () => {
    emulator.setScenario('hang');
    const { hosts } = await probe(TEST_KEYS.console, { timeoutMs: 200 });
    expect(hosts.api).toMatchObject({ outcome: 'unreachable', detail: 'timeout', status: null, latencyMs: 200 });
    expect(hosts.codestral).toMatchObject({ outcome: 'unreachable', detail: 'timeout' });
  });
});

describe('probeHosts transport', () => {
  it('sends through an injected fetcher', async () => {
    const seen: string[] = [];
    const fetcher: typeof fetch = (input, init) => {
      seen.push(`${init?.method} ${input instanceof Request ? input.url : String(input)}`);
      return fetch(input, init);
    };
    const result = await probe(TEST_KEYS.both, { fetcher });
    expect(seen.sort()).toEqual([`GET ${emulator.apiUrl}/v1/models`, `POST ${emulator.codestralUrl}/v1/fim/completions`]);
    expect(result.hosts.api.outcome).toBe('accepted');
  });

  it('works with the undici package\'s own fetch (the CLI\'s proxy-aware fetcher), body and key intact', async () => {
    const result = await probe(TEST_KEYS.both, { fetcher: undiciFetch as unknown as typeof fetch });
    expect(result.hosts.api.outcome).toBe('accepted');
    expect(result.hosts.codestral.outcome).toBe('accepted');
    expectWireContract(emulator.requests, TEST_KEYS.both);
  });

  it('ends at the deadline even when the fetcher ignores the abort signal', async () => {
    const deaf: typeof fetch = () => new Promise<Response>(() => undefined);
    const { hosts } = await probe(TEST_KEYS.console, { fetcher: deaf, timeoutMs: 100 });
    expect(hosts.api).toMatchObject({ outcome: 'unreachable', detail: 'timeout' });
    expect(hosts.codestral).toMatchObject({ outcome: 'unreachable', detail: 'timeout' });
  });

  it('reads a closed port as unreachable (ECONNREFUSED)', async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const closedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    await new Promise((resolve) => server.close(resolve));
    const { hosts } = await probe(TEST_KEYS.console, { codestralUrl: closedUrl });
    expect(hosts.codestral).toMatchObject({ outcome: 'unreachable', detail: 'ECONNREFUSED', url: closedUrl });
    expect(hosts.api.outcome).toBe('accepted');
  });

  it('rejects with the caller\'s reason when the caller aborts, and sends nothing if aborted before', async () => {
    emulator.setScenario('hang');
    const controller = new AbortController();
    const pending = probe(TEST_KEYS.console, { signal: controller.signal });
    setTimeout(() => controller.abort(new Error('superseded by a newer check')), 50);
    await expect(pending).rejects.toThrow('superseded by a newer check');
    emulator.requests.length = 0;
    await expect(probe(TEST_KEYS.console, { signal: AbortSignal.abort() })).rejects.toThrow();
    expect(emulator.requests).toHaveLength(0);
  });

  it('refuses an empty key instead of letting the SDK fall back to MISTRAL_API_KEY', async () => {
    await expect(probe('')).rejects.toThrow(/non-empty key/);
    expect(emulator.requests).toHaveLength(0);
  });

  it('sends the given key even when MISTRAL_API_KEY holds another one', async () => {
    vi.stubEnv('MISTRAL_API_KEY', TEST_KEYS.revoked);
    resetEnv();
    try {
      await probe(TEST_KEYS.console);
      expectWireContract(emulator.requests, TEST_KEYS.console);
    } finally {
      vi.unstubAllEnvs();
      resetEnv();
    }
  });

  it('never lets the SDK\'s MISTRAL_DEBUG logging print the key', async () => {
    vi.stubEnv('MISTRAL_DEBUG', '1');
    resetEnv();
    const printed: string[] = [];
    const capture = (...args: unknown[]) => { printed.push(args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')); };
    const spies = (['log', 'group', 'info', 'debug', 'warn'] as const).map((method) => vi.spyOn(console, method).mockImplementation(capture));
    try {
      await probe(TEST_KEYS.console);
    } finally {
      for (const spy of spies) spy.mockRestore();
      vi.unstubAllEnvs();
      resetEnv();
    }
    expect(printed.join('\n')).toMatch(/authorization/i);
    expect(printed.join('\n')).not.toContain(TEST_KEYS.console);
    expectWireContract(emulator.requests, TEST_KEYS.console);
  });
});

describe('probeHosts over TLS', () => {
  let dir: string;
  let secure: Emulator;

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-probe-tls-'));
    execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', 'key.pem',
      '-out', 'cert.pem', '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { cwd: dir, stdio: 'pipe' });
    secure = await startEmulator({ tls: { key: fs.readFileSync(path.join(dir, 'key.pem')), cert: fs.readFileSync(path.join(dir, 'cert.pem')) } });
  });
  afterAll(async () => {
    await secure?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads an untrusted self-signed certificate as a TLS error and sends no request', async () => {
    const { hosts } = await probeHosts({ key: TEST_KEYS.console, apiUrl: secure.apiUrl, codestralUrl: secure.codestralUrl, timeoutMs: 5_000 });
    expect(hosts.api).toMatchObject({ outcome: 'tls-error', detail: 'DEPTH_ZERO_SELF_SIGNED_CERT', status: null });
    expect(hosts.codestral.outcome).toBe('tls-error');
    expect(secure.requests).toHaveLength(0);
  });
});
