// Bounded everything, on the core side: a check reads at most 1 MB of any answer and ends at one
// overall deadline, whatever the hosts do, and leaves no socket behind.
import { afterEach, describe, expect, it } from 'vitest';
import { checkKey, type CheckRequest } from '../../../src/core/check';
import { MAX_RESPONSE_BYTES } from '../../../src/core/probeHttpClient';
import { HUGE_BODY_BYTES, type FuzzHostBehaviour } from '../../fuzz/fuzzCases';
import { fuzzResponder } from '../../fuzz/fuzzResponder';
import { startEmulator, TEST_KEYS, type Emulator } from '../../../src/emulator';

const TIMEOUT_MS = 1_000;
/** For the size tests, which are about bytes, not time. */
const GENEROUS_TIMEOUT_MS = 10_000;
let emulator: Emulator | undefined;
afterEach(async () => emulator?.close());

const normal: FuzzHostBehaviour = {
  status: 200, contentType: 'application/json', body: { kind: 'models-json' }, headers: [], redirect: null, transport: { kind: 'normal' },
};
const fim: FuzzHostBehaviour = { ...normal, body: { kind: 'fim-json' } };

/** Starts hosts acting out the given behaviours; `closedEarly` turns true when the client hung up on one. */
async function hosts(api: Partial<FuzzHostBehaviour>, codestral: Partial<FuzzHostBehaviour> = {}) {
  const state = { closedEarly: false };
  const responders = {
    api: fuzzResponder({ ...normal, ...api }, { otherHostUrl: 'http://127.0.0.1:1', timeoutMs: TIMEOUT_MS }),
    codestral: fuzzResponder({ ...fim, ...codestral }, { otherHostUrl: 'http://127.0.0.1:1', timeoutMs: TIMEOUT_MS }),
  };
  emulator = await startEmulator({
    responder: (req, res, host) => {
      res.on('close', () => { if (!res.writableFinished) state.closedEarly = true; });
      responders[host](req, res, host);
    },
  });
  return { emulator, state };
}

/** A fetch that counts the body bytes the probe actually pulled. */
function countingFetcher(): { fetcher: typeof fetch; bytesRead: () => number } {
  let total = 0;
  const fetcher = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const response = await fetch(input, init);
    if (!response.body) return response;
    const counted = response.body.pipeThrough(new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) { total += chunk.byteLength; controller.enqueue(chunk); },
    }));
    return new Response(counted, { status: response.status, statusText: response.statusText, headers: response.headers });
  };
  return { fetcher, bytesRead: () => total };
}

function request(e: Emulator, extra: Partial<CheckRequest> = {}): CheckRequest {
  return {
    rawKey: TEST_KEYS.both, target: 'auto', model: null, apiUrl: e.apiUrl, codestralUrl: e.codestralUrl,
    timeoutMs: TIMEOUT_MS, keyAgeMs: null, preferredCodestralModel: 'codestral-2501', ...extra,
  };
}

describe('response size cap', () => {
  it('reads no more than about 1 MB of a 10 MB answer and reports it as too large', async () => {
    const { emulator: e } = await hosts({ body: { kind: 'huge', bytes: HUGE_BODY_BYTES } });
    const counter = countingFetcher();
    const diagnosis = await checkKey(request(e, { fetcher: counter.fetcher, timeoutMs: GENEROUS_TIMEOUT_MS }));
    expect(diagnosis.hosts.api).toMatchObject({ outcome: 'unexpected', status: 200, detail: 'response-too-large' });
    expect(diagnosis.hosts.codestral.outcome).toBe('accepted');
    expect(counter.bytesRead()).toBeGreaterThanOrEqual(MAX_RESPONSE_BYTES);
    expect(counter.bytesRead()).toBeLessThan(2 * MAX_RESPONSE_BYTES);
  });

  it('caps a 10 MB error body too, and still reads the status', async () => {
    const { emulator: e } = await hosts({ status: 401, body: { kind: 'huge', bytes: HUGE_BODY_BYTES } });
    const counter = countingFetcher();
    const diagnosis = await checkKey(request(e, { fetcher: counter.fetcher, timeoutMs: GENEROUS_TIMEOUT_MS }));
    expect(diagnosis.hosts.api.outcome).toBe('rejected');
    expect(counter.bytesRead()).toBeLessThan(2 * MAX_RESPONSE_BYTES);
  });
});

describe('one overall deadline', () => {
  it('gives up on a body that drips past the timeout and hangs up on the host', async () => {
    const { emulator: e, state } = await hosts({ transport: { kind: 'drip', fractionOfTimeout: 30, chunks: 50 } });
    const diagnosis = await checkKey(request(e));
    expect(diagnosis.hosts.api).toMatchObject({ outcome: 'unreachable', detail: 'timeout', latencyMs: TIMEOUT_MS });
    expect(diagnosis.hosts.codestral.outcome).toBe('accepted');
    await expect.poll(() => state.closedEarly).toBe(true);
  });

  it('counts headers and body against the same deadline: each under the timeout, together over it', async () => {
    // Headers after 60% of the timeout, then a body spread over another 80%: no single wait exceeds the
    // timeout, so only a deadline for the whole exchange stops it.
    const { emulator: e } = await hosts({});
    e.setResponder(lateThenDrip(0.6, 0.8));
    const diagnosis = await checkKey(request(e));
    expect(diagnosis.hosts.api).toMatchObject({ outcome: 'unreachable', detail: 'timeout' });
  });

  it('releases the sockets of 407 answers whose 10 MB bodies were never read', async () => {
    // Whether undici has paused such a socket depends on timing, so a few rounds make a leak show.
    const before = openSockets();
    const refusal: Partial<FuzzHostBehaviour> = { status: 407, body: { kind: 'huge', bytes: HUGE_BODY_BYTES } };
    for (let round = 0; round < 4; round++) {
      const { emulator: e } = await hosts(refusal, refusal);
      expect((await checkKey(request(e))).keyKind).toBe('unknown');
      await e.close();
      emulator = undefined;
    }
    await expect.poll(openSockets, { timeout: 5_000 }).toBeLessThanOrEqual(before);
  });
});

function openSockets(): number {
  return process.getActiveResourcesInfo().filter((name) => name === 'TCPSocketWrap').length;
}

/** The api host: headers after `headersAt` of the timeout, then the models body in pieces until `bodyFor` more. */
function lateThenDrip(headersAt: number, bodyFor: number): Parameters<Emulator['setResponder']>[0] {
  const dripping = fuzzResponder({ ...normal, transport: { kind: 'drip', fractionOfTimeout: bodyFor, chunks: 8 } },
    { otherHostUrl: 'http://127.0.0.1:1', timeoutMs: TIMEOUT_MS });
  const answering = fuzzResponder(fim, { otherHostUrl: 'http://127.0.0.1:1', timeoutMs: TIMEOUT_MS });
  return (req, res, host) => {
    if (host === 'codestral') return answering(req, res, host);
    const timer = setTimeout(() => dripping(req, res, host), headersAt * TIMEOUT_MS);
    res.on('close', () => clearTimeout(timer));
  };
}
