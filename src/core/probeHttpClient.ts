// The transport under the SDK for one probe call: it adds the key, refuses to follow redirects,
// caps the body, times the exchange and keeps what came back so the outcome can be read from the
// status, headers and body whatever the SDK made of them.
import { HTTPClient } from '@mistralai/mistralai/lib/http.js';

export const MAX_RESPONSE_BYTES = 1024 * 1024;

/** What one probe request got back (or how it failed), as seen on the wire. */
export interface Exchange {
  status: number | null;
  headers: Headers | null;
  /** The body as text, cut at the cap. */
  body: string;
  truncated: boolean;
  /** The connection broke after the status and headers, in the middle of the body (`body` holds what came). */
  interrupted: boolean;
  latencyMs: number | null;
  error: unknown;
}

export interface ProbeTransport {
  httpClient: HTTPClient;
  exchange: Exchange;
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

async function readCapped(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<{ bytes: Uint8Array<ArrayBuffer>; truncated: boolean; interrupted: boolean }> {
  if (body === null) return { bytes: new Uint8Array(0), truncated: false, interrupted: false };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let truncated = false;
  let interrupted = false;
  for (;;) {
    let chunk: Awaited<ReturnType<typeof reader.read>>;
    try {
      chunk = await reader.read();
    } catch {
      // A reset after the headers: the status still says what the host decided.
      interrupted = true;
      break;
    }
    const { done, value } = chunk;
    if (done) break;
    if (size + value.byteLength > maxBytes) {
      chunks.push(value.subarray(0, maxBytes - size));
      size = maxBytes;
      truncated = true;
      await reader.cancel().catch(() => undefined);
      break;
    }
    chunks.push(value);
    size += value.byteLength;
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, truncated, interrupted };
}

/**
 * The SDK is given a placeholder key and this transport puts the real one on the wire, so that
 * whatever the SDK logs (it prints every header when MISTRAL_DEBUG is set) never holds the key.
 */
export const SDK_PLACEHOLDER_KEY = 'key-added-by-transport';

/**
 * `signal` is the probe's own: it goes to `fetch` as is. The SDK copies its Request objects, and a
 * copy's signal only follows the original through a weak link, so once the copy is collected an
 * abort no longer reaches the connection and it stays open.
 */
export function createProbeTransport(key: string, fetcher: typeof fetch, signal: AbortSignal, maxBytes = MAX_RESPONSE_BYTES): ProbeTransport {
  const exchange: Exchange = { status: null, headers: null, body: '', truncated: false, interrupted: false, latencyMs: null, error: null };
  let startedAt = 0;

  // Plain init rather than the SDK's Request: an injected fetcher (undici's, for a proxy) may not
  // recognise this runtime's Request class and would keep only its URL.
  const cappedFetcher = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const request = new Request(input, init);
    const headers: Record<string, string> = {};
    request.headers.forEach((value, name) => { headers[name] = value; });
    headers['authorization'] = `Bearer ${key}`;
    const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.text();
    signal.throwIfAborted();
    const response = await fetcher(request.url, { method: request.method, headers, body, signal, redirect: 'manual' });
    exchange.latencyMs = performance.now() - startedAt;
    exchange.status = response.status;
    exchange.headers = response.headers;
    const { bytes, truncated, interrupted } = await readCapped(response.body, maxBytes);
    exchange.body = new TextDecoder().decode(bytes);
    exchange.truncated = truncated;
    exchange.interrupted = interrupted;
    signal.throwIfAborted();
    const capped = NULL_BODY_STATUSES.has(response.status) ? null : bytes;
    return new Response(capped, { status: response.status, statusText: response.statusText, headers: response.headers });
  };

  const httpClient = new HTTPClient({ fetcher: cappedFetcher });
  httpClient.addHook('beforeRequest', () => {
    startedAt = performance.now();
  });
  httpClient.addHook('response', (response) => {
    exchange.status = response.status;
    exchange.headers = response.headers;
  });
  httpClient.addHook('requestError', (error) => {
    exchange.latencyMs ??= performance.now() - startedAt;
    exchange.error = error;
  });
  return { httpClient, exchange };
}
