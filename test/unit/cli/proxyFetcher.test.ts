import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/cli/args';
import { createProxyFetcher, proxySettingsFromEnv } from '../../../src/cli/proxyFetcher';
import { startLoopbackProxy, type LoopbackProxy } from './loopbackProxy';

let proxy: LoopbackProxy;
let upstream: http.Server;
let upstreamUrl: string;
/** The same upstream under a name only the proxy can reach, as a remote host would be. */
let remoteUrl: string;
const received: { method: string; body: string; authorization: string | undefined }[] = [];

beforeAll(async () => {
  proxy = await startLoopbackProxy();
  upstream = http.createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => { body += chunk.toString(); });
    request.on('end', () => {
      received.push({ method: request.method ?? '', body, authorization: request.headers.authorization });
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ object: 'list', data: [] }));
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  remoteUrl = `http://upstream.test:${(upstream.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await proxy.close();
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
});

describe('proxySettingsFromEnv', () => {
  it('is null when no proxy variable is set, or only empty ones', () => {
    expect(proxySettingsFromEnv({})).toBeNull();
    expect(proxySettingsFromEnv({ HTTPS_PROXY: ' ', NO_PROXY: 'localhost' })).toBeNull();
  });

  it('prefers the lower-case variables, as curl does, and carries NO_PROXY', () => {
    expect(proxySettingsFromEnv({ https_proxy: 'http://a:1', HTTPS_PROXY: 'http://b:2', NO_PROXY: 'example.com' }))
      .toEqual({ httpProxy: undefined, httpsProxy: 'http://a:1', noProxy: 'example.com' });
  });
});

describe('createProxyFetcher', () => {
  it('returns null without a proxy, so the probe keeps the global fetch', async () => {
    expect(await createProxyFetcher({ NO_PROXY: '*' })).toBeNull();
  });

  it('sends requests through HTTP_PROXY and gets the answer back', async () => {
    const proxied = await createProxyFetcher({ HTTP_PROXY: proxy.url });
    const before = proxy.seen.length;
    const response = await proxied!.fetcher(`${remoteUrl}/v1/models`, { headers: { authorization: 'Bearer test' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ object: 'list', data: [] });
    expect(proxy.seen.slice(before)).toEqual([`CONNECT ${new URL(remoteUrl).host}`]);
    expect(received.at(-1)?.authorization).toBe('Bearer test');
    await proxied!.close();
  });

  it('accepts a Request object with a body, as the SDK builds them', async () => {
    const proxied = await createProxyFetcher({ http_proxy: proxy.url });
    const request = new Request(`${remoteUrl}/v1/fim/completions`, { method: 'POST', body: '{"max_tokens":1}' });
    const response = await proxied!.fetcher(request);
    expect(response.status).toBe(200);
    expect(received.at(-1)).toMatchObject({ method: 'POST', body: '{"max_tokens":1}' });
    await proxied!.close();
  });

  it('goes direct for hosts NO_PROXY lists', async () => {
    const proxied = await createProxyFetcher({ HTTP_PROXY: proxy.url, NO_PROXY: 'example.com, upstream.test' });
    const before = proxy.seen.length;
    // Direct, `upstream.test` resolves nowhere: the request fails without the proxy being asked.
    await expect(proxied!.fetcher(`${remoteUrl}/v1/models`, { signal: AbortSignal.timeout(5_000) })).rejects.toThrow();
    expect(proxy.seen.length).toBe(before);
    await proxied!.close();
  });

  it.each(['127.0.0.1', 'localhost'])('never sends loopback (%s) through the proxy, even with an empty NO_PROXY', async (host) => {
    const proxied = await createProxyFetcher({ HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: '' });
    const before = proxy.seen.length;
    const url = new URL(upstreamUrl);
    url.hostname = host;
    const response = await proxied!.fetcher(`${url.origin}/v1/models`, { headers: { authorization: 'Bearer test' } });
    expect(response.status).toBe(200);
    expect(proxy.seen.slice(before)).toEqual([]);
    expect(received.at(-1)?.authorization).toBe('Bearer test');
    await proxied!.close();
  });

  it('rejects a proxy address that is not http(s) without repeating it (it may hold a password)', async () => {
    const attempt = createProxyFetcher({ HTTPS_PROXY: 'socks9://user:hunter2@proxy' });
    await expect(attempt).rejects.toBeInstanceOf(UsageError);
    await expect(attempt).rejects.toThrow(/HTTPS_PROXY/);
    await expect(attempt).rejects.not.toThrow(/hunter2/);
  });
});
