import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { MODELS_CURRENT, startEmulator, TEST_KEYS } from '../../../src/emulator';
import { useEmulator } from '../useEmulator';

const emulator = useEmulator();

afterEach(() => emulator.reset());

function bearer(key: string): Record<string, string> {
  return { authorization: `Bearer ${key}` };
}

function fim(base: string, key: string, body: unknown, path = '/v1/fim/completions') {
  return fetch(`${base}${path}`, {
    method: 'POST', headers: { ...bearer(key), 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('the emulated api host', () => {
  it('lists models in the real snake_case shape for a console key', async () => {
    const response = await fetch(`${emulator.apiUrl}/v1/models`, { headers: bearer(TEST_KEYS.console) });
    expect(response.status).toBe(200);
    expect(response.headers.get('mistral-correlation-id')).toMatch(/^[0-9a-f]{32}$/);
    const list = await response.json() as { object: string; data: Array<Record<string, unknown>> };
    expect(list.object).toBe('list');
    expect(list.data).toHaveLength(MODELS_CURRENT.length);
    expect(list.data[0]).toMatchObject({ type: 'base', capabilities: { completion_fim: true }, deprecation_replacement_model: null });
  });

  it.each([
    ['no Authorization header', {}],
    ['a Codestral key', bearer(TEST_KEYS.codestral)],
    ['an unknown key', bearer('Z'.repeat(32))],
    ['a key without the Bearer scheme', { authorization: TEST_KEYS.console }],
  ])('answers 401 to %s', async (_label, headers) => {
    expect((await fetch(`${emulator.apiUrl}/v1/models`, { headers })).status).toBe(401);
  });

  it('answers 404 no Route matched to a path it does not have', async () => {
    const response = await fetch(`${emulator.apiUrl}/v2/models`, { headers: bearer(TEST_KEYS.console) });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ message: 'no Route matched with those values' });
  });
});

describe('the emulated codestral host', () => {
  it('answers GET /v1/models with 404 no Route matched, whatever the key', async () => {
    const response = await fetch(`${emulator.codestralUrl}/v1/models`, { headers: bearer(TEST_KEYS.codestral) });
    expect(response.status).toBe(404);
    expect((await response.json() as { message: string }).message).toMatch(/no Route matched/);
  });

  it('completes FIM and chat for a Codestral key, resolving the alias', async () => {
    const response = await fim(emulator.codestralUrl, TEST_KEYS.codestral, { model: 'codestral-latest', prompt: 'def', max_tokens: 1 });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ model: 'codestral-2508', choices: [{ finish_reason: 'length' }] });
    const chat = await fim(emulator.codestralUrl, TEST_KEYS.codestral, { model: 'codestral-2508', messages: [] }, '/v1/chat/completions');
    expect(chat.status).toBe(200);
  });

  it('refuses a console key with 401', async () => {
    expect((await fim(emulator.codestralUrl, TEST_KEYS.console, { model: 'codestral-latest', prompt: 'def' })).status).toBe(401);
  });

  it.each([
    ['a retired model', { model: 'codestral-2405', prompt: 'def' }, 400, { type: 'invalid_model', code: '1500', message: 'Invalid model: codestral-2405' }],
    ['an unknown model', { model: 'codestral-9999', prompt: 'def' }, 400, { type: 'invalid_model' }],
    ['a missing prompt', { model: 'codestral-latest' }, 422, { detail: [{ loc: ['body', 'prompt'] }] }],
    ['a missing model', { prompt: 'def' }, 422, { detail: [{ loc: ['body', 'model'] }] }],
    ['a body that is not JSON', '{"model":', 400, { object: 'error' }],
  ])('answers %s after authentication', async (_label, body, status, shape) => {
    const response = await fim(emulator.codestralUrl, TEST_KEYS.codestral, body);
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject(shape);
  });
});

describe('scenarios', () => {
  it.each([
    ['kong-2025', (body: Record<string, unknown>) => expect(body).toEqual({ message: 'Unauthorized', request_id: expect.stringMatching(/^[0-9a-f]{32}$/) as unknown })],
    ['detail-errors', (body: Record<string, unknown>) => expect(body).toEqual({ detail: 'Unauthorized' })],
    ['normal', (body: Record<string, unknown>) => expect(body).toMatchObject({ object: 'error', message: 'Unauthorized', param: null })],
  ])('%s shapes the 401 body', async (scenario, check) => {
    emulator.setScenario(scenario);
    const response = await fetch(`${emulator.apiUrl}/v1/models`, { headers: bearer(TEST_KEYS.revoked) });
    expect(response.status).toBe(401);
    check(await response.json() as Record<string, unknown>);
  });

  it('rate-limited sends Retry-After', async () => {
    emulator.setScenario('rate-limited');
    const response = await fetch(`${emulator.apiUrl}/v1/models`, { headers: bearer(TEST_KEYS.console) });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('30');
  });

  it('rate-limited refuses keys the host does not accept with 401, as Mistral authenticates first', async () => {
    emulator.setScenario('rate-limited');
    const status = (key: string) => fetch(`${emulator.apiUrl}/v1/models`, { headers: bearer(key) }).then((response) => response.status);
    expect(await status(TEST_KEYS.console)).toBe(429);
    expect(await status(TEST_KEYS.codestral)).toBe(401);
    emulator.setScenario('gateway-rate-limited');
    expect(await status(TEST_KEYS.codestral)).toBe(429);
  });

  it('captive-portal answers HTML with status 200', async () => {
    emulator.setScenario('captive-portal');
    const response = await fetch(`${emulator.codestralUrl}/v1/fim/completions`, { method: 'POST' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toMatch(/^<!DOCTYPE html>/);
  });

  it('redirect-to-other-host points at the other listener', async () => {
    emulator.setScenario('redirect-to-other-host');
    const response = await fetch(`${emulator.apiUrl}/v1/models`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${emulator.codestralUrl}/v1/models`);
  });

  it('dropped closes the connection without an answer', async () => {
    emulator.setScenario('dropped');
    await expect(fetch(`${emulator.apiUrl}/v1/models`)).rejects.toThrow(/fetch failed/);
  });

  it('takes a scenario object as well as a name, and refuses an unknown name', () => {
    emulator.setScenario({ ...emulator.scenario, name: 'custom', errorShape: 'kong' });
    expect(emulator.scenario.name).toBe('custom');
    expect(() => emulator.setScenario('no-such-scenario')).toThrow(/Unknown emulator scenario "no-such-scenario"/);
  });
});

describe('key activation', () => {
  it('keeps a fresh key inactive after first use until activated, and forgets on reset', async () => {
    const list = () => fetch(`${emulator.apiUrl}/v1/models`, { headers: bearer(TEST_KEYS.fresh) }).then((response) => response.status);
    expect(await list()).toBe(401);
    emulator.activateKey(TEST_KEYS.fresh);
    expect(await list()).toBe(200);
    emulator.resetKeys();
    expect(await list()).toBe(401);
  });
});

describe('recording and plumbing', () => {
  it('records method, path, headers, Authorization and body of every request', async () => {
    await fim(emulator.codestralUrl, TEST_KEYS.codestral, { model: 'codestral-latest', prompt: 'def', max_tokens: 1 });
    await fetch(`${emulator.apiUrl}/v1/models?x=1`, { headers: bearer(TEST_KEYS.console) });
    expect(emulator.requests).toHaveLength(2);
    expect(emulator.requests[0]).toMatchObject({
      host: 'codestral', method: 'POST', path: '/v1/fim/completions', authorization: `Bearer ${TEST_KEYS.codestral}`,
      json: { model: 'codestral-latest', prompt: 'def', max_tokens: 1 },
    });
    expect(emulator.requests[0]!.headers['content-type']).toBe('application/json');
    expect(emulator.requests[1]).toMatchObject({ host: 'api', method: 'GET', path: '/v1/models?x=1', body: '', json: null });
  });

  it('hands requests to a raw responder, with the host, after recording them', async () => {
    const hosts: string[] = [];
    emulator.setResponder((_req, res, host) => {
      hosts.push(host);
      res.writeHead(418, { 'content-type': 'text/plain' }).end('teapot');
    });
    const response = await fetch(`${emulator.codestralUrl}/anything`, { method: 'POST', body: 'x' });
    expect(response.status).toBe(418);
    expect(hosts).toEqual(['codestral']);
    expect(emulator.requests[0]).toMatchObject({ host: 'codestral', path: '/anything', body: 'x' });
  });

  it('reset() returns to how it started: first scenario, no responder, no key history, nothing recorded', async () => {
    const list = async () => (await fetch(`${emulator.apiUrl}/v1/models`, { headers: bearer(TEST_KEYS.fresh) })).status;
    expect(await list()).toBe(401);
    emulator.activateKey(TEST_KEYS.fresh);
    emulator.setScenario('service-down');
    emulator.setResponder((_req, res) => res.writeHead(418).end());
    emulator.reset();
    expect(emulator.scenario.name).toBe('normal');
    expect(emulator.requests).toEqual([]);
    expect(await list()).toBe(401);
    expect(emulator.requests).toHaveLength(1);
  });

  it('listens on the ports it is given', async () => {
    const first = await startEmulator();
    const ports = { api: Number(new URL(first.apiUrl).port), codestral: Number(new URL(first.codestralUrl).port) };
    await first.close();
    const second = await startEmulator({ port: ports });
    try {
      expect([second.apiUrl, second.codestralUrl]).toEqual([`http://127.0.0.1:${ports.api}`, `http://127.0.0.1:${ports.codestral}`]);
    } finally {
      await second.close();
    }
  });

  it('refuses a port that is taken, naming it, and leaves nothing listening', async () => {
    const taken = Number(new URL(emulator.codestralUrl).port);
    const probe = http.createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const free = (probe.address() as AddressInfo).port;
    await new Promise((resolve) => probe.close(resolve));
    const error = await startEmulator({ port: { api: free, codestral: taken } }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ code: 'EADDRINUSE', port: taken });
    await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(free, '127.0.0.1', resolve));
    await new Promise((resolve) => probe.close(resolve));
  });

  it('close() ends connections that are still waiting for an answer', async () => {
    const own = await startEmulator({ scenario: 'hang' });
    const waiting = fetch(`${own.apiUrl}/v1/models`);
    while (own.requests.length === 0) await new Promise((resolve) => setImmediate(resolve));
    await own.close();
    await expect(waiting).rejects.toThrow(/fetch failed/);
  });
});

describe('the emulated console', () => {
  const whoami = (key: string | null, path = '/api/vibe/whoami') =>
    fetch(`${emulator.consoleUrl}${path}`, { headers: key ? bearer(key) : {} });

  it('answers whoami with each known key\'s plan, and 401 for others', async () => {
    expect(await (await whoami(TEST_KEYS.console)).json()).toEqual({ plan_type: 'API', plan_name: 'FREE', prompt_switching_to_pro_plan: false });
    expect(await (await whoami(TEST_KEYS.both)).json()).toMatchObject({ plan_type: 'API', plan_name: 'SCALE' });
    expect(await (await whoami(TEST_KEYS.codestral)).json()).toMatchObject({ plan_type: 'MISTRAL_CODE', plan_name: 'F' });
    expect((await whoami(TEST_KEYS.revoked)).status).toBe(401);
    expect((await whoami(null)).status).toBe(401);
    expect((await whoami(TEST_KEYS.fresh)).status).toBe(401);
    expect((await whoami(TEST_KEYS.console, '/v1/models')).status).toBe(404);
    expect(emulator.requests.every((request) => request.host === 'console')).toBe(true);
  });

  it('plays a console scenario until reset', async () => {
    emulator.setConsoleScenario('le-chat-pro');
    expect(await (await whoami(TEST_KEYS.console)).json()).toMatchObject({ plan_type: 'CHAT', plan_name: 'INDIVIDUAL' });
    emulator.setConsoleScenario({ kind: 'status', status: 403 });
    expect((await whoami(TEST_KEYS.console)).status).toBe(403);
    emulator.reset();
    expect(await (await whoami(TEST_KEYS.console)).json()).toMatchObject({ plan_type: 'API' });
    expect(() => emulator.setConsoleScenario('nope')).toThrow(/Known: by-key, /);
  });

  it('adds the injected latency to the console too', async () => {
    const slow = await startEmulator({ latencyMs: 150 });
    try {
      const started = performance.now();
      await fetch(`${slow.consoleUrl}/api/vibe/whoami`, { headers: bearer(TEST_KEYS.console) });
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      await slow.close();
    }
  });
});
