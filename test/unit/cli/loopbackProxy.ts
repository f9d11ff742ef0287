// A tiny real HTTP proxy on 127.0.0.1 for the proxy tests: CONNECT tunnels and absolute-URI forwarding,
// recording which targets it was asked for. Names under `.test` (which resolve nowhere) reach
// 127.0.0.1, so a test can play a remote host that only the proxy can get to.
import http from 'node:http';
import net from 'node:net';
import { listenOnLoopback } from '../../harness/loopbackServer';

export interface LoopbackProxy {
  url: string;
  /** `host:port` of every CONNECT, `METHOD url` of every forwarded request. */
  seen: string[];
  close(): Promise<void>;
}

/** A `dns.lookup` that sends every name to 127.0.0.1 (the proxy only ever connects there). */
export const loopbackForTestNames: net.LookupFunction = (_hostname, options, callback) => {
  if ((options as { all?: boolean }).all) (callback as (error: null, addresses: { address: string; family: number }[]) => void)(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
};

export async function startLoopbackProxy(): Promise<LoopbackProxy> {
  const seen: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((request, response) => {
    seen.push(`${request.method} ${request.url}`);
    const upstream = http.request(request.url ?? '', { method: request.method, headers: request.headers, lookup: loopbackForTestNames }, (answer) => {
      response.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(response);
    });
    upstream.on('error', () => response.writeHead(502).end());
    request.pipe(upstream);
  });
  server.on('connect', (request: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    seen.push(`CONNECT ${request.url}`);
    const [host, port] = (request.url ?? '').split(':');
    const upstream = net.connect({ port: Number(port), host: host ?? '127.0.0.1', lookup: loopbackForTestNames }, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [upstream, client]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => { upstream.destroy(); client.destroy(); });
    }
  });
  return { ...(await listenOnLoopback(server, sockets)), seen };
}
