// The "other host" that fuzzed redirects point to: a loopback listener that records what reached it,
// so a run can prove the key never followed a redirect off the host it was meant for.
import http from 'node:http';
import { listenOnLoopback } from '../harness/loopbackServer';

export interface SinkRequest {
  method: string;
  url: string;
  authorization: string | null;
  /** Every header and the body, to search for the key in any form. */
  raw: string;
}

export interface RedirectSink {
  url: string;
  requests: SinkRequest[];
  close(): Promise<void>;
}

const TEMPTING_ANSWER = JSON.stringify({ object: 'list', data: [] });

export async function startRedirectSink(): Promise<RedirectSink> {
  const requests: SinkRequest[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      requests.push({
        method: req.method ?? '',
        url: req.url ?? '',
        authorization: req.headers.authorization ?? null,
        raw: `${req.method} ${req.url}\n${req.rawHeaders.join('\n')}\n\n${Buffer.concat(chunks).toString('latin1')}`,
      });
      // Answers like a host that accepts anything, so following the redirect would look like success.
      res.writeHead(200, { 'content-type': 'application/json' }).end(TEMPTING_ANSWER);
    });
  });
  return { ...(await listenOnLoopback(server)), requests };
}
