// Seeded descriptions of how a fuzzed host misbehaves. Pure data: `fuzzResponder.ts` acts them out.
import { TOOL_IDS, type HostId, type Target, type ToolId } from '../../src/core/diagnosis';
import { runSeed, seededRandom, type Random } from './fuzzRandom';

export type FuzzBody =
  | { kind: 'empty' }
  | { kind: 'models-json' }
  | { kind: 'fim-json' }
  | { kind: 'error-json'; shape: 'kong' | 'detail' | 'documented' | 'invalid-model' | 'validation' }
  | { kind: 'wrong-shape-json'; text: string }
  | { kind: 'truncated-json' }
  | { kind: 'html' }
  | { kind: 'binary'; bytes: number }
  | { kind: 'huge'; bytes: number }
  /** A body that repeats the Authorization value it received (a proxy echoing the request). */
  | { kind: 'echo-authorization' }
  /** An error body that echoes a 24- or 31-character piece of the key in the named fields. */
  | { kind: 'echo-key-piece'; piece: string; fields: Array<'request_id' | 'type' | 'code' | 'message'> }
  /** Control characters, ANSI/OSC sequences or an injected config line inside model ids or error fields. */
  | { kind: 'hostile-text'; text: string; into: 'models' | 'error' };

export type FuzzTransport =
  | { kind: 'normal' }
  /** Status line and headers, part of the body, then a TCP reset. */
  | { kind: 'reset-mid-body' }
  /** The connection is reset before any byte is sent. */
  | { kind: 'reset-before-answer' }
  /** The connection is closed cleanly before any byte is sent. */
  | { kind: 'close-before-answer' }
  /** The answer (headers first, then the body in chunks) takes this fraction of the timeout. */
  | { kind: 'drip'; fractionOfTimeout: number; chunks: number }
  /** Headers arrive after this fraction of the timeout. */
  | { kind: 'late-headers'; fractionOfTimeout: number }
  /** The socket stays open and silent. */
  | { kind: 'half-open' }
  /** Headers are sent, then nothing more: the body never ends. */
  | { kind: 'stall-after-headers' };

export interface FuzzRedirect {
  status: 301 | 302 | 303 | 307 | 308;
  /** `other-host`: the second loopback listener that records whether the key arrives; `same-host`: a loop. */
  to: 'other-host' | 'same-host';
}

export interface FuzzHostBehaviour {
  status: number;
  contentType: string | null;
  body: FuzzBody;
  /** Extra headers in order; a repeated name is sent twice. */
  headers: Array<[string, string]>;
  redirect: FuzzRedirect | null;
  transport: FuzzTransport;
}

export interface FuzzCase {
  sessionSeed: number;
  index: number;
  /** The seed this case was drawn from (replays it alone). */
  seed: number;
  /** A fake 32-character key, drawn per case; it must appear in no output. */
  key: string;
  /** How the key is pasted (`key` plus hygiene problems, or exactly `key`). */
  rawKey: string;
  target: Target;
  model: string | null;
  /** The assistant whose fix steps the rendered reports show. */
  tool: ToolId;
  hosts: Record<HostId, FuzzHostBehaviour>;
}

export const FUZZ_KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export const HUGE_BODY_BYTES = 10 * 1024 * 1024;

const STATUSES = [200, 200, 200, 201, 204, 400, 401, 401, 403, 404, 405, 407, 408, 418, 422, 429, 429,
  451, 499, 500, 502, 503, 504, 520, 599] as const;
const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'application/problem+json',
  'text/html; charset=utf-8', 'text/plain', 'application/octet-stream', 'text/event-stream', 'application/xml'] as const;
const MODELS = [null, 'codestral-latest', 'codestral-2501', 'codestral-2508', 'codestral-2405', 'mistral-large-latest', 'no-such-model'] as const;
const ID_HEADERS = ['mistral-correlation-id', 'x-kong-request-id', 'cf-ray', 'x-request-id'] as const;
/** What a hostile host slips into text it knows will be printed or written into a config file. */
export const HOSTILE_TEXTS = [
  '\u001b]52;c;ZWNobyBvd25lZA==\u0007',
  '\u001b[2J\u001b[H\u001b[31m',
  '\u001b]8;;https://attacker.example\u001b\\link\u001b]8;;\u001b\\',
  '\napiBase: https://attacker.example/v1',
  '\r\n"apiBase": "https://attacker.example/v1"',
  '\u009b2J\u009d0;title\u0007',
  '\u202eevil\u2028line',
  '\u0000\u0007\u0008\u007f',
] as const;
const ECHO_FIELDS = ['request_id', 'type', 'code', 'message'] as const;

export function fuzzCase(sessionSeed: number, index: number): FuzzCase {
  const seed = runSeed(sessionSeed, index);
  const random = seededRandom(seed);
  const key = random.string(32, FUZZ_KEY_ALPHABET);
  return {
    sessionSeed,
    index,
    seed,
    key,
    rawKey: pasteKey(random, key),
    target: random.pick(['api', 'codestral', 'auto'] as const),
    model: random.pick(MODELS),
    tool: random.pick(TOOL_IDS),
    hosts: { api: hostBehaviour(random, key), codestral: hostBehaviour(random, key) },
  };
}

function pasteKey(random: Random, key: string): string {
  return random.weighted<string>([
    [8, key],
    [1, ` ${key}\n`],
    [1, `"${key}"`],
    [1, `Bearer ${key}`],
  ]);
}

function hostBehaviour(random: Random, key: string): FuzzHostBehaviour {
  const redirect = random.chance(0.1) ? redirectBehaviour(random) : null;
  const status = redirect ? redirect.status : random.pick(STATUSES);
  const body = status === 204 || redirect ? { kind: 'empty' as const } : bodyFor(random, status, key);
  return {
    status,
    contentType: contentTypeFor(random, body),
    body,
    headers: headersFor(random, status, key),
    redirect,
    transport: transportFor(random),
  };
}

function redirectBehaviour(random: Random): FuzzRedirect {
  return {
    status: random.pick([301, 302, 303, 307, 308] as const),
    to: random.weighted<FuzzRedirect['to']>([[4, 'other-host'], [1, 'same-host']]),
  };
}

/** A 24- or 31-character run of the key, from anywhere in it. */
export function keyPiece(random: Random, key: string): string {
  const length = random.pick([24, 31] as const);
  const start = random.int(0, key.length - length);
  return key.slice(start, start + length);
}

function bodyFor(random: Random, status: number, key: string): FuzzBody {
  const plausible: FuzzBody = status >= 200 && status < 300
    ? random.pick([{ kind: 'models-json' }, { kind: 'fim-json' }] as const)
    : { kind: 'error-json', shape: random.pick(['kong', 'detail', 'documented', 'invalid-model', 'validation'] as const) };
  return random.weighted<FuzzBody>([
    [10, plausible],
    [2, { kind: 'empty' }],
    [2, { kind: 'wrong-shape-json', text: random.pick(['null', '[]', '{}', '"ok"', '{"object":"list","data":"nope"}', '{"data":[{"id":7}]}', '{"choices":null}']) }],
    [2, { kind: 'truncated-json' }],
    [2, { kind: 'html' }],
    [1, { kind: 'binary', bytes: random.int(1, 4096) }],
    [1, { kind: 'huge', bytes: HUGE_BODY_BYTES }],
    [1, { kind: 'echo-authorization' }],
    [2, { kind: 'echo-key-piece', piece: keyPiece(random, key), fields: ECHO_FIELDS.filter(() => random.chance(0.6)) }],
    [2, { kind: 'hostile-text', text: random.pick(HOSTILE_TEXTS), into: status >= 200 && status < 300 ? 'models' : random.pick(['models', 'error'] as const) }],
  ]);
}

function contentTypeFor(random: Random, body: FuzzBody): string | null {
  if (body.kind === 'empty' && random.chance(0.7)) return null;
  if (random.chance(0.25)) return random.pick([null, ...CONTENT_TYPES]);
  if (body.kind === 'html') return 'text/html; charset=utf-8';
  if (body.kind === 'binary') return 'application/octet-stream';
  return 'application/json';
}

function headersFor(random: Random, status: number, key: string): Array<[string, string]> {
  const headers: Array<[string, string]> = [];
  const idCount = random.weighted([[3, 1], [2, 0], [1, 2]] as const);
  for (let i = 0; i < idCount; i++) {
    // A repeated name is a duplicated id; an id holding the key, or a piece of it, is a host echoing it back.
    const name = random.pick(ID_HEADERS);
    const echoed = random.weighted<string | null>([[18, null], [1, key], [1, keyPiece(random, key)]]);
    headers.push([name, echoed ?? random.string(random.int(0, 40), '0123456789abcdef-')]);
  }
  if (status === 429 || random.chance(0.1)) headers.push(['retry-after', retryAfter(random)]);
  if (random.chance(0.1)) headers.push(['x-ratelimitbysize-remaining', String(random.int(-1, 100000))]);
  if (status === 407) headers.push(['proxy-authenticate', 'Basic realm="corporate proxy"']);
  return headers;
}

function retryAfter(random: Random): string {
  const inFuture = new Date(Date.UTC(2030, 0, 1) + random.int(0, 86_400) * 1000);
  return random.pick([
    String(random.int(0, 120)),
    String(random.int(100_000, 9_999_999_999)),
    '-5',
    '1.5',
    'soon',
    '',
    inFuture.toUTCString(),
    'Wed, 21 Oct 2015 07:28:00 GMT',
    'Thu, 32 Foo 2099 99:99:99 GMT',
  ]);
}

function transportFor(random: Random): FuzzTransport {
  return random.weighted<FuzzTransport>([
    [16, { kind: 'normal' }],
    [1, { kind: 'reset-mid-body' }],
    [1, { kind: 'reset-before-answer' }],
    [1, { kind: 'close-before-answer' }],
    [1, { kind: 'drip', fractionOfTimeout: 0.2 + random.next() * 0.4, chunks: random.int(2, 8) }],
    [1, { kind: 'drip', fractionOfTimeout: 1.5 + random.next() * 2, chunks: random.int(3, 10) }],
    [1, { kind: 'late-headers', fractionOfTimeout: random.pick([0.3, 2]) }],
    [1, { kind: 'half-open' }],
    [1, { kind: 'stall-after-headers' }],
  ]);
}

/** One line that says what a case does, for failure messages and the bench output. */
export function describeFuzzCase(fuzzCase: FuzzCase): string {
  const host = (id: HostId): string => {
    const behaviour = fuzzCase.hosts[id];
    const redirect = behaviour.redirect ? ` ${behaviour.redirect.status}→${behaviour.redirect.to}` : '';
    return `${id}: ${behaviour.status}${redirect} ${behaviour.body.kind} ${behaviour.contentType ?? '-'} ${behaviour.transport.kind}`;
  };
  return `#${fuzzCase.index} seed ${fuzzCase.seed} target ${fuzzCase.target}; ${host('api')}; ${host('codestral')}`;
}
