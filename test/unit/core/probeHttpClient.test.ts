import { afterEach, describe, expect, it } from 'vitest';
import { createProbeTransport, SDK_PLACEHOLDER_KEY } from '../../../src/core/probeHttpClient';
import { TEST_KEYS } from '../../../src/emulator';
import { useEmulator } from '../useEmulator';

const emulator = useEmulator();

afterEach(() => emulator.reset());

function sdkRequest(url: string, init: RequestInit = {}): Request {
  return new Request(url, { ...init, headers: { authorization: `Bearer ${SDK_PLACEHOLDER_KEY}`, accept: 'application/json', ...init.headers } });
}

describe('createProbeTransport', () => {
  it('replaces the SDK placeholder with the real key and keeps the other headers and the body', async () => {
    const { httpClient } = createProbeTransport(TEST_KEYS.codestral, fetch, new AbortController().signal);
    const body = JSON.stringify({ model: 'codestral-latest', prompt: 'def', max_tokens: 1 });
    await httpClient.request(sdkRequest(`${emulator.codestralUrl}/v1/fim/completions`, { method: 'POST', body, headers: { 'content-type': 'application/json' } }));
    expect(emulator.requests[0]).toMatchObject({ authorization: `Bearer ${TEST_KEYS.codestral}`, body, method: 'POST' });
    expect(emulator.requests[0]!.headers['accept']).toBe('application/json');
    expect(JSON.stringify(emulator.requests[0])).not.toContain(SDK_PLACEHOLDER_KEY);
  });

  it('records status, headers, body and latency of the exchange', async () => {
    const { httpClient, exchange } = createProbeTransport(TEST_KEYS.console, fetch, new AbortController().signal);
    const response = await httpClient.request(sdkRequest(`${emulator.apiUrl}/v1/models`));
    expect(response.status).toBe(200);
    expect(exchange.status).toBe(200);
    expect(exchange.headers?.get('mistral-correlation-id')).toMatch(/^[0-9a-f]{32}$/);
    expect(JSON.parse(exchange.body)).toMatchObject({ object: 'list' });
    expect(exchange.latencyMs).toBeGreaterThanOrEqual(0);
    expect(exchange.truncated).toBe(false);
    expect(await response.text()).toBe(exchange.body);
  });

  it('stops reading at the cap and hands on only what it read', async () => {
    emulator.setScenario('huge-body');
    const { httpClient, exchange } = createProbeTransport(TEST_KEYS.console, fetch, new AbortController().signal, 1000);
    const response = await httpClient.request(sdkRequest(`${emulator.apiUrl}/v1/models`));
    expect(exchange.truncated).toBe(true);
    expect(exchange.body).toHaveLength(1000);
    expect((await response.arrayBuffer()).byteLength).toBe(1000);
  });

  it('returns a redirect as it is instead of following it', async () => {
    emulator.setScenario('redirect-to-other-host');
    const { httpClient, exchange } = createProbeTransport(TEST_KEYS.console, fetch, new AbortController().signal);
    const response = await httpClient.request(sdkRequest(`${emulator.apiUrl}/v1/models`));
    expect(response.status).toBe(302);
    expect(exchange.status).toBe(302);
    expect(emulator.requests.map((request) => request.host)).toEqual(['api']);
  });

  it('records a transport failure', async () => {
    emulator.setScenario('dropped');
    const { httpClient, exchange } = createProbeTransport(TEST_KEYS.console, fetch, new AbortController().signal);
    await expect(httpClient.request(sdkRequest(`${emulator.apiUrl}/v1/models`))).rejects.toThrow(/fetch failed/);
    expect(exchange.status).toBeNull();
    expect(exchange.error).toBeInstanceOf(TypeError);
  });

  it('gives an injected fetcher a URL string and a plain init it can read', async () => {
    const calls: Array<[unknown, RequestInit | undefined]> = [];
    const fetcher: typeof fetch = (input, init) => {
      calls.push([input, init]);
      return fetch(input, init);
    };
    const { httpClient } = createProbeTransport(TEST_KEYS.console, fetcher, new AbortController().signal);
    await httpClient.request(sdkRequest(`${emulator.apiUrl}/v1/models`));
    const [input, init] = calls[0]!;
    expect(input).toBe(`${emulator.apiUrl}/v1/models`);
    expect(init).toMatchObject({ method: 'GET', redirect: 'manual', headers: { authorization: `Bearer ${TEST_KEYS.console}` } });
    expect(init?.body).toBeUndefined();
  });
});
