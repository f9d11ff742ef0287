// Starts a test's HTTP server on 127.0.0.1 at a port the OS picks; `close` ends every connection
// (and first destroys the sockets the server tracks itself, such as proxy tunnels).
import type http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ListeningServer {
  url: string;
  close(): Promise<void>;
}

export async function listenOnLoopback(server: http.Server, sockets: Iterable<{ destroy(): void }> = []): Promise<ListeningServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
