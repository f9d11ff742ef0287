// A tiny recording proxy on loopback for the proxy tests: it tunnels CONNECT and forwards
// absolute-URI requests, only ever to 127.0.0.1 (names under `.test` lead there too, so a test can
// play a remote host only the proxy reaches), or answers 407 to everything.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';

export interface ProxiedRequest {
  kind: 'connect' | 'forward';
  /** `host:port` for CONNECT, the absolute URL for forwarding. */
  target: string;
  /** Whether an Authorization header crossed the proxy in clear (only possible when forwarding). */
  sawAuthorization: boolean;
}

export interface RecordingProxy {
  url: string;
  seen: ProxiedRequest[];
  /** Every byte clients sent through the proxy (tunnelled or forwarded), as latin1 text. */
  traffic(): string;
  close(): Promise<void>;
}

const PROXY_AUTH_REQUIRED = 'HTTP/1.1 407 Proxy Authentication Required\r\n'
  + 'Proxy-Authenticate: Basic realm="corporate proxy"\r\nContent-Length: 0\r\nConnection: close\r\n\r\n';

function reachable(hostname: string): boolean {
  return hostname === '127.0.0.1' || hostname.endsWith('.test');
}

export async function startConnectProxy(options: { requireAuth?: boolean } = {}): Promise<RecordingProxy> {
  const seen: ProxiedRequest[] = [];
  const chunks: Buffer[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    const target = req.url ?? '';
    seen.push({ kind: 'forward', target, sawAuthorization: req.headers.authorization !== undefined });
    chunks.push(Buffer.from(req.rawHeaders.join('\n')));
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    const url = new URL(target);
    if (options.requireAuth) {
      return void res.writeHead(407, { 'proxy-authenticate': 'Basic realm="corporate proxy"', connection: 'close' }).end();
    }
    if (!reachable(url.hostname)) return void res.writeHead(403).end();
    url.hostname = '127.0.0.1';
    const headers = { ...req.headers };
    delete headers['proxy-connection'];
    const upstream = http.request(url, { method: req.method, headers, agent: false }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('connect', (req, clientSocket: net.Socket, head: Buffer) => {
    const target = req.url ?? '';
    seen.push({ kind: 'connect', target, sawAuthorization: req.headers.authorization !== undefined });
    const [host, port] = target.split(':');
    if (options.requireAuth) return void clientSocket.end(PROXY_AUTH_REQUIRED);
    if (!reachable(host ?? '')) return void clientSocket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
    const upstream = net.connect(Number(port), '127.0.0.1', () => {
      clientSocket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      chunks.push(head);
      clientSocket.on('data', (chunk: Buffer) => chunks.push(chunk));
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
    });
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => clientSocket.destroy());
    clientSocket.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    traffic: () => Buffer.concat(chunks).toString('latin1'),
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    }),
  };
}
