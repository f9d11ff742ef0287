import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FuzzHostBehaviour } from '../../fuzz/fuzzCases';
import { fuzzResponder } from '../../fuzz/fuzzResponder';
import type { RawResponder } from '../../../src/emulator/server';

let responder: RawResponder = (_req, res) => void res.end();
const server = http.createServer((req, res) => responder(req, res, 'api'));
let baseUrl = '';

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const plain: FuzzHostBehaviour = {
  status: 200, contentType: 'application/json', body: { kind: 'models-json' }, headers: [], redirect: null,
  transport: { kind: 'normal' },
};

interface Exchange { status: number; rawHeaders: string[]; chunks: Buffer[]; error: string | null }

function exchange(behaviour: Partial<FuzzHostBehaviour>, options: { abortAfterMs?: number } = {}): Promise<Exchange> {
  responder = fuzzResponder({ ...plain, ...behaviour }, { otherHostUrl: 'http://127.0.0.1:9', timeoutMs: 200 });
  return new Promise((resolve) => {
    const result: Exchange = { status: 0, rawHeaders: [], chunks: [], error: null };
    const request = http.get(`${baseUrl}/v1/models`, { agent: false, headers: { authorization: 'Bearer SECRETKEY' } }, (res) => {
      result.status = res.statusCode ?? 0;
      result.rawHeaders = res.rawHeaders;
      res.on('data', (chunk: Buffer) => result.chunks.push(chunk));
      res.on('end', () => resolve(result));
      res.on('error', (error: NodeJS.ErrnoException) => resolve({ ...result, error: error.code ?? error.message }));
    });
    request.on('error', (error: NodeJS.ErrnoException) => resolve({ ...result, error: error.code ?? error.message }));
    if (options.abortAfterMs) setTimeout(() => request.destroy(new Error('client gave up')), options.abortAfterMs);
  });
}

const text = (e: Exchange): string => Buffer.concat(e.chunks).toString();

describe('fuzzResponder', () => {
  it('answers with the status, content type and a valid body', async () => {
    const e = await exchange({});
    expect(e.status).toBe(200);
    expect(JSON.parse(text(e))).toMatchObject({ object: 'list' });
  });

  it('echoes a piece of the key in the chosen error fields', async () => {
    const e = await exchange({ status: 401, body: { kind: 'echo-key-piece', piece: 'PIECEOFTHEKEY0123456789ab', fields: ['request_id', 'message'] } });
    expect(JSON.parse(text(e))).toEqual({ object: 'error', message: 'Invalid key PIECEOFTHEKEY0123456789ab given', request_id: 'PIECEOFTHEKEY0123456789ab' });
  });

  it('puts hostile text into model ids, aliases and the replacement id, or into error fields', async () => {
    const models = JSON.parse(text(await exchange({ body: { kind: 'hostile-text', text: '\u001b]52;c;x\u0007', into: 'models' } }))) as {
      data: { id: string; deprecation_replacement_model: string | null }[];
    };
    expect(models.data.map((card) => card.id)).toContain('codestral-2508\u001b]52;c;x\u0007');
    expect(models.data[1]?.deprecation_replacement_model).toBe('codestral-2508\u001b]52;c;x\u0007');
    const error = JSON.parse(text(await exchange({ status: 400, body: { kind: 'hostile-text', text: '\napiBase: x', into: 'error' } }))) as { request_id?: string };
    expect(error.request_id).toBe('req\napiBase: x');
  });

  it('sends a repeated id header twice', async () => {
    const e = await exchange({ headers: [['x-kong-request-id', 'one'], ['x-kong-request-id', 'two']] });
    const ids = e.rawHeaders.filter((_, i) => i % 2 === 0 && e.rawHeaders[i] === 'x-kong-request-id');
    expect(ids).toHaveLength(2);
  });

  it('redirects to the same path on the other host', async () => {
    const e = await exchange({ status: 302, body: { kind: 'empty' }, redirect: { status: 302, to: 'other-host' } });
    expect(e.status).toBe(302);
    expect(e.rawHeaders).toContain('http://127.0.0.1:9/v1/models');
  });

  it('cuts truncated JSON so that it does not parse', async () => {
    const e = await exchange({ body: { kind: 'truncated-json' } });
    expect(() => { JSON.parse(text(e)); }).toThrow(SyntaxError);
  });

  it('streams a 10 MB body whole', async () => {
    const e = await exchange({ body: { kind: 'huge', bytes: 10 * 1024 * 1024 } });
    expect(Buffer.concat(e.chunks).length).toBe(10 * 1024 * 1024);
  });

  it('echoes the Authorization value it received', async () => {
    expect(text(await exchange({ body: { kind: 'echo-authorization' } }))).toContain('SECRETKEY');
  });

  it('resets the connection in the middle of the body', async () => {
    const e = await exchange({ transport: { kind: 'reset-mid-body' } });
    expect(e.status).toBe(200);
    expect(e.error).not.toBeNull();
  });

  it('resets or closes the connection before answering', async () => {
    expect((await exchange({ transport: { kind: 'reset-before-answer' } })).error).toBe('ECONNRESET');
    expect((await exchange({ transport: { kind: 'close-before-answer' } })).error).not.toBeNull();
  });

  it('drips the body in several pieces', async () => {
    const e = await exchange({ transport: { kind: 'drip', fractionOfTimeout: 0.5, chunks: 4 } });
    expect(e.chunks.length).toBeGreaterThan(1);
    expect(JSON.parse(text(e))).toMatchObject({ object: 'list' });
  });

  it('keeps a half-open socket silent until the client gives up', async () => {
    const e = await exchange({ transport: { kind: 'half-open' } }, { abortAfterMs: 50 });
    expect(e.status).toBe(0);
    expect(e.error).toBe('client gave up');
  });

  it('sends headers and then stalls the body', async () => {
    const e = await exchange({ transport: { kind: 'stall-after-headers' } }, { abortAfterMs: 50 });
    expect(e.status).toBe(200);
    expect(e.chunks).toHaveLength(0);
  });
});
