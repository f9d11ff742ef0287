// The CLI (bundled and spawned) behind proxies and TLS interception: a real CONNECT proxy on
// loopback, and an https emulator whose certificate comes from a CA made for this run.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, TEST_KEYS, type Emulator } from '../../../src/emulator';
import { runCli } from '../cli/cliProcess';
import { startConnectProxy, type RecordingProxy } from './connectProxy';
import { makeThrowawayCa, type ThrowawayCa } from './throwawayCa';

const KEY = TEST_KEYS.both;
let ca: ThrowawayCa;
let httpsEmulator: Emulator;
let httpEmulator: Emulator;
let proxy: RecordingProxy;
let authProxy: RecordingProxy;

beforeAll(async () => {
  ca = makeThrowawayCa();
  httpsEmulator = await startEmulator({ tls: { key: ca.key, cert: ca.cert } });
  httpEmulator = await startEmulator();
  proxy = await startConnectProxy();
  authProxy = await startConnectProxy({ requireAuth: true });
});

afterAll(async () => {
  await Promise.all([httpsEmulator?.close(), httpEmulator?.close(), proxy?.close(), authProxy?.close()]);
  ca?.remove();
});

beforeEach(() => {
  for (const emulator of [httpsEmulator, httpEmulator]) emulator.requests.length = 0;
  for (const recorder of [proxy, authProxy]) recorder.seen.length = 0;
});

interface CliJson { cause: { id: string; title: string; fix: string[] }; hosts: Record<string, { outcome: string }> }

/** The emulator's URL under a name only the test proxy resolves, as a remote Mistral host would be. */
function remote(url: string): string {
  const named = new URL(url);
  named.hostname = 'emulator.test';
  return named.origin;
}

async function check(emulator: Emulator, env: Record<string, string>, via: (url: string) => string = (url) => url): Promise<{ code: number | null; json: CliJson; output: string }> {
  const run = await runCli(
    ['check', '--json', '--timeout-ms', '5000', '--api-url', via(emulator.apiUrl), '--codestral-url', via(emulator.codestralUrl)],
    { env: { MISTRAL_API_KEY: KEY, ...env } },
  );
  expect(run.stderr + run.stdout).not.toContain(KEY);
  return { code: run.code, json: JSON.parse(run.stdout) as CliJson, output: run.stdout + run.stderr };
}

const hostPort = (url: string): string => new URL(url).host;

describe('TLS interception', () => {
  it('reads a certificate from an unknown CA as tls-intercepted, with the CA fix, and sends no request unverified', async () => {
    const { code, json } = await check(httpsEmulator, {});
    expect(code).toBe(3);
    expect(json.cause.id).toBe('tls-intercepted');
    expect(json.hosts.api?.outcome).toBe('tls-error');
    const fix = json.cause.fix.join('\n');
    expect(fix).toContain('NODE_EXTRA_CA_CERTS');
    expect(fix).toContain('http.proxyStrictSSL');
    expect(httpsEmulator.requests).toEqual([]);
  });

  it('succeeds once NODE_EXTRA_CA_CERTS names that CA, sending the key only inside verified TLS', async () => {
    const { code, json } = await check(httpsEmulator, { NODE_EXTRA_CA_CERTS: ca.caPath });
    expect(json.cause.id).toBe('ok');
    expect(code).toBe(0);
    expect(httpsEmulator.requests.map((request) => request.authorization)).toEqual([`Bearer ${KEY}`, `Bearer ${KEY}`]);
  });
});

describe('proxies', () => {
  it('tunnels both probes through HTTPS_PROXY with CONNECT; the proxy sees neither the key nor the request', async () => {
    const { code, json } = await check(httpsEmulator, { HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: ca.caPath }, remote);
    expect(json.cause.id).toBe('ok');
    expect(code).toBe(0);
    expect(proxy.seen.map((seen) => `${seen.kind} ${seen.target}`).sort()).toEqual(
      [`connect ${hostPort(remote(httpsEmulator.apiUrl))}`, `connect ${hostPort(remote(httpsEmulator.codestralUrl))}`].sort());
    expect(proxy.seen.every((seen) => !seen.sawAuthorization)).toBe(true);
    expect(proxy.traffic()).not.toContain(KEY);
    expect(proxy.traffic()).not.toContain('/v1/models');
  });

  it('still verifies certificates behind the proxy: without the CA the answer is tls-intercepted', async () => {
    const { json } = await check(httpsEmulator, { https_proxy: proxy.url }, remote);
    expect(json.cause.id).toBe('tls-intercepted');
    expect(proxy.seen.length).toBeGreaterThan(0);
    expect(httpsEmulator.requests).toEqual([]);
  });

  it('never sends a loopback host through the proxy: the proxy sees nothing, the answers come from the emulator', async () => {
    for (const emulator of [httpEmulator, httpsEmulator]) {
      const { code, json, output } = await check(emulator, { HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NODE_EXTRA_CA_CERTS: ca.caPath });
      expect(json.cause.id).toBe('ok');
      expect(code).toBe(0);
      expect(output).not.toContain(KEY);
      expect(emulator.requests.map((request) => request.authorization)).toEqual([`Bearer ${KEY}`, `Bearer ${KEY}`]);
    }
    expect(proxy.seen).toEqual([]);
  });

  it('goes direct for hosts listed in NO_PROXY', async () => {
    const { json } = await check(httpsEmulator, { HTTPS_PROXY: proxy.url, NO_PROXY: 'emulator.test', NODE_EXTRA_CA_CERTS: ca.caPath }, remote);
    // Direct, emulator.test resolves nowhere: the hosts are unreachable and the proxy was never asked.
    expect(json.hosts.api?.outcome).toBe('unreachable');
    expect(proxy.seen).toEqual([]);
  });

  it('explains a proxy that answers 407 as a proxy asking for credentials', async () => {
    const { code, json, output } = await check(httpsEmulator, { HTTPS_PROXY: authProxy.url, NODE_EXTRA_CA_CERTS: ca.caPath }, remote);
    expect(code).toBe(3);
    expect(json.cause.id).toBe('host-unreachable');
    expect(json.cause.title).toMatch(/proxy.*407/i);
    expect(json.cause.fix.join('\n')).toContain('HTTPS_PROXY=http://user:password@');
    expect(authProxy.seen.map((seen) => seen.kind)).toEqual(['connect', 'connect']);
    expect(httpsEmulator.requests).toEqual([]);
    expect(output).not.toContain(KEY);
  });
});
