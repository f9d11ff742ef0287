// Acts out one fuzzed host behaviour on a real HTTP exchange: status, headers, body and transport faults.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FuzzBody, FuzzHostBehaviour } from './fuzzCases';
import { seededRandom } from './fuzzRandom';
import type { RawResponder } from '../../src/emulator/server';

export interface FuzzResponderContext {
  /** Base URL of the second loopback listener that redirects point to. */
  otherHostUrl: string;
  /** The check's timeout: drips and late answers are sized from it. */
  timeoutMs: number;
}

const CHUNK_BYTES = 64 * 1024;

export function fuzzResponder(behaviour: FuzzHostBehaviour, context: FuzzResponderContext): RawResponder {
  return (req, res) => {
    const timers = new Set<NodeJS.Timeout>();
    const later = (ms: number, action: () => void): void => {
      const timer = setTimeout(() => { timers.delete(timer); action(); }, ms);
      timers.add(timer);
    };
    res.on('close', () => { for (const timer of timers) clearTimeout(timer); });

    const body = bodyBytes(behaviour.body, req);
    const headers = responseHeaders(behaviour, req, context);
    const transport = behaviour.transport;
    switch (transport.kind) {
      case 'normal':
        return answer(res, behaviour.status, headers, body);
      case 'late-headers':
        return later(transport.fractionOfTimeout * context.timeoutMs, () => answer(res, behaviour.status, headers, body));
      case 'reset-before-answer':
        return void req.socket.resetAndDestroy();
      case 'close-before-answer':
        return void req.socket.end();
      case 'half-open':
        return;
      case 'stall-after-headers':
        res.writeHead(behaviour.status, { ...headers, 'content-length': String(body.length + 1) });
        return void res.flushHeaders();
      case 'reset-mid-body':
        res.writeHead(behaviour.status, { ...headers, 'content-length': String(body.length + 1) });
        res.write(body.subarray(0, Math.floor(body.length / 2)), () => req.socket.resetAndDestroy());
        return;
      case 'drip': {
        res.writeHead(behaviour.status, headers);
        res.flushHeaders();
        const pieces = splitInto(body, transport.chunks);
        const gapMs = (transport.fractionOfTimeout * context.timeoutMs) / Math.max(1, pieces.length);
        const sendPiece = (index: number): void => {
          const piece = pieces[index];
          if (piece === undefined) return void res.end();
          res.write(piece);
          later(gapMs, () => sendPiece(index + 1));
        };
        return later(gapMs, () => sendPiece(0));
      }
    }
  };
}

function answer(res: ServerResponse, status: number, headers: Record<string, string | string[]>, body: Buffer): void {
  res.writeHead(status, headers);
  if (body.length <= CHUNK_BYTES) return void res.end(body);
  let offset = 0;
  const writeChunks = (): void => {
    while (offset < body.length && !res.destroyed) {
      const chunk = body.subarray(offset, offset + CHUNK_BYTES);
      offset += chunk.length;
      if (!res.write(chunk)) return void res.once('drain', writeChunks);
    }
    if (!res.destroyed) res.end();
  };
  writeChunks();
}

function responseHeaders(
  behaviour: FuzzHostBehaviour, req: IncomingMessage, context: FuzzResponderContext,
): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of behaviour.headers) {
    const previous = headers[name];
    headers[name] = previous === undefined ? value : [...[previous].flat(), value];
  }
  if (behaviour.contentType) headers['content-type'] = behaviour.contentType;
  if (behaviour.redirect) {
    headers.location = behaviour.redirect.to === 'other-host' ? `${context.otherHostUrl}${req.url ?? '/'}` : req.url ?? '/';
  }
  return headers;
}

function bodyBytes(body: FuzzBody, req: IncomingMessage): Buffer {
  switch (body.kind) {
    case 'empty': return Buffer.alloc(0);
    case 'models-json': return Buffer.from(JSON.stringify(MODELS_BODY));
    case 'fim-json': return Buffer.from(JSON.stringify(FIM_BODY));
    case 'error-json': return Buffer.from(JSON.stringify(ERROR_BODIES[body.shape]));
    case 'wrong-shape-json': return Buffer.from(body.text);
    case 'truncated-json': {
      const whole = JSON.stringify(MODELS_BODY);
      return Buffer.from(whole.slice(0, Math.floor(whole.length / 2)));
    }
    case 'html': return Buffer.from(CAPTIVE_PORTAL_HTML);
    case 'binary': {
      const random = seededRandom(body.bytes);
      return Buffer.from(Array.from({ length: body.bytes }, () => random.int(0, 255)));
    }
    case 'huge': return hugeJsonBody(body.bytes);
    case 'echo-authorization': {
      const authorization = req.headers.authorization ?? '';
      const echoed = authorization.replace(/^Bearer\s+/i, '');
      return Buffer.from(JSON.stringify({ message: `Unauthorized: ${authorization}`, request_id: echoed, type: echoed, code: echoed }));
    }
    case 'echo-key-piece': {
      const fields = Object.fromEntries(body.fields.map((field) => [field, field === 'message' ? `Invalid key ${body.piece} given` : body.piece]));
      return Buffer.from(JSON.stringify({ object: 'error', message: 'Unauthorized', ...fields }));
    }
    case 'hostile-text': return Buffer.from(JSON.stringify(body.into === 'models' ? hostileModels(body.text) : hostileError(body.text)));
  }
}

/** A models list whose ids, aliases and replacement carry the text next to real-looking ids. */
function hostileModels(text: string): unknown {
  const card = MODELS_BODY.data[0]!;
  return {
    object: 'list',
    data: [
      { ...card, id: `codestral-2508${text}`, aliases: ['codestral-latest', `codestral-latest${text}`] },
      { ...MODELS_BODY.data[1]!, deprecation_replacement_model: `codestral-2508${text}` },
      { ...card, id: `${text}codestral-2599`, aliases: [] },
    ],
  };
}

function hostileError(text: string): unknown {
  return { object: 'error', message: `Invalid model${text}`, type: `invalid_model${text}`, request_id: `req${text}`, code: `1500${text}` };
}

const hugeBodies = new Map<number, Buffer>();

/** Built once per size: the fuzzed host shares the process with the check it times. */
function hugeJsonBody(bytes: number): Buffer {
  const cached = hugeBodies.get(bytes);
  if (cached) return cached;
  const prefix = '{"object":"list","data":[],"padding":"';
  const suffix = '"}';
  const body = Buffer.alloc(bytes, 'a');
  body.write(prefix, 0);
  body.write(suffix, bytes - suffix.length);
  hugeBodies.set(bytes, body);
  return body;
}

function splitInto(body: Buffer, count: number): Buffer[] {
  if (body.length === 0) return [];
  const size = Math.max(1, Math.ceil(body.length / count));
  const pieces: Buffer[] = [];
  for (let offset = 0; offset < body.length; offset += size) pieces.push(body.subarray(offset, offset + size));
  return pieces;
}

const MODELS_BODY = {
  object: 'list',
  data: [
    {
      id: 'codestral-2508', object: 'model', created: 1753833600, owned_by: 'mistralai', aliases: ['codestral-latest'],
      deprecation: null, deprecation_replacement_model: null,
      capabilities: { completion_chat: true, completion_fim: true, function_calling: true, fine_tuning: false, vision: false },
      type: 'base',
    },
    {
      id: 'codestral-2501', object: 'model', created: 1736899200, owned_by: 'mistralai', aliases: [],
      deprecation: '2025-11-30T12:00:00Z', deprecation_replacement_model: 'codestral-2508',
      capabilities: { completion_chat: true, completion_fim: true, function_calling: true, fine_tuning: false, vision: false },
      type: 'base',
    },
  ],
};

const FIM_BODY = {
  id: '0123456789abcdef0123456789abcdef', object: 'chat.completion', created: 1764000000, model: 'codestral-2508',
  choices: [{ index: 0, message: { role: 'assistant', content: ' ' }, finish_reason: 'length' }],
  usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 },
};

const ERROR_BODIES = {
  kong: { message: 'Unauthorized', request_id: '0123456789abcdef0123456789abcdef' },
  detail: { detail: 'Unauthorized' },
  documented: { object: 'error', message: 'Requests rate limit exceeded', type: 'rate_limited', param: null, code: '1300' },
  'invalid-model': { object: 'error', message: 'Invalid model: codestral-2501', type: 'invalid_model', param: null, code: '1500' },
  validation: { detail: [{ type: 'missing', loc: ['body', 'prompt'], msg: 'Field required', input: null }] },
} as const;

const CAPTIVE_PORTAL_HTML = '<!doctype html><html><head><title>Sign in to the network</title></head>'
  + '<body><h1>Access denied by corporate proxy</h1><p>Please authenticate.</p></body></html>';
