// Two loopback listeners standing in for the api and codestral hosts, each answering with a raw responder.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HostId } from '../core/diagnosis';
import type { RawResponder } from './fuzzResponder';

export interface FuzzedHosts {
  apiUrl: string;
  codestralUrl: string;
  /** Stops both listeners and destroys every connection, half-open ones included. */
  close(): Promise<void>;
}

async function listen(responder: RawResponder): Promise<{ url: string; server: http.Server }> {
  const server = http.createServer(responder);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

export async function startFuzzedHosts(responders: Record<HostId, RawResponder>): Promise<FuzzedHosts> {
  const [api, codestral] = await Promise.all([listen(responders.api), listen(responders.codestral)]);
  return {
    apiUrl: api.url,
    codestralUrl: codestral.url,
    close: async () => {
      await Promise.all([api.server, codestral.server].map((server) => new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })));
    },
  };
}
