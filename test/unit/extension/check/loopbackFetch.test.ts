import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fetch as undiciFetch, ProxyAgent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { loopbackDirectFetch } from '../../../../src/extension/check/loopbackFetch';
import { startLoopbackProxy, type LoopbackProxy } from '../../cli/loopbackProxy';

const nodeFetch = globalThis.fetch;
let proxy: LoopbackProxy;
let proxyAgent: ProxyAgent;
let upstream: http.Server;
let port: number;

beforeAll(async () => {
  proxy = await startLoopbackProxy();
  proxyAgent = new ProxyAgent(proxy.url);
  upstream = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"object":"list","data":[]}'));
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  port = (upstream.address() as AddressInfo).port;
});

afterAll(async () => {
  await proxy.close();
  await proxyAgent.close();
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
});

/** Plays VS Code's extension host: a global fetch that sends everything through the configured proxy, Node's own kept aside. */
function patchLikeVsCode(): void {
  (globalThis as { __vscodeOriginalFetch?: typeof fetch }).__vscodeOriginalFetch = nodeFetch;
  globalThis.fetch = ((input: string, init?: RequestInit) => undiciFetch(input, { ...(init as object), dispatcher: proxyAgent })) as unknown as typeof fetch;
}

afterEach(() => {
  globalThis.fetch = nodeFetch;
  delete (globalThis as { __vscodeOriginalFetch?: typeof fetch }).__vscodeOriginalFetch;
  proxy.seen.length = 0;
});

describe('loopbackDirectFetch', () => {
  it('sends a loopback base URL past the host\'s proxying fetch: the proxy sees nothing', async () => {
    patchLikeVsCode();
    const response = await loopbackDirectFetch()(`http://127.0.0.1:${port}/v1/models`, { headers: { authorization: 'Bearer test' } });
    expect(response.status).toBe(200);
    expect(proxy.seen).toEqual([]);
  });

  it('leaves every other host to the host\'s fetch and its proxy settings', async () => {
    patchLikeVsCode();
    const response = await loopbackDirectFetch()(`http://upstream.test:${port}/v1/models`);
    expect(response.status).toBe(200);
    expect(proxy.seen).toEqual([`CONNECT upstream.test:${port}`]);
  });

  it('uses the global fetch outside VS Code', async () => {
    const response = await loopbackDirectFetch()(new Request(`http://127.0.0.1:${port}/v1/models`));
    expect(response.status).toBe(200);
  });
});
