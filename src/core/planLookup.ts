// The key's type and plan, asked of the console the way Mistral Vibe asks it:
// `GET {console}/api/vibe/whoami` with the key as a Bearer token. The route is not in Mistral's public
// API docs, so anything but a well-formed 200 means "plan unknown" and never a verdict on the key.
import type { KeyType } from './diagnosis';
import { scrubKeyPieces, stripControlCharacters } from './hostText';

export const WHOAMI_PATH = '/api/vibe/whoami';

/** Longest plan name shown; longer ones are cut. */
export const MAX_PLAN_NAME_CHARS = 40;
/** The answer is a few dozen bytes; anything much larger is not it. */
const MAX_WHOAMI_BYTES = 16 * 1024;

export interface PlanLookupOptions {
  /** The cleaned key; it goes only into the Authorization header. */
  key: string;
  /** Validated console base URL (see `validateBaseUrl`). */
  consoleUrl: string;
  /** `performance.now()` time by which the lookup gives up (the check's own deadline). */
  deadline: number;
  fetcher?: typeof fetch;
  signal?: AbortSignal;
}

export interface PlanLookup {
  type: KeyType;
  /** The plan's name as a user knows it, or null. */
  plan: string | null;
  /** HTTP status, or null when no answer came. */
  status: number | null;
}

export const PLAN_UNKNOWN: PlanLookup = { type: 'unknown', plan: null, status: null };

const TYPE_BY_PLAN_TYPE: Readonly<Record<string, KeyType>> = { API: 'studio', CHAT: 'vibe', MISTRAL_CODE: 'mistral-code' };
const CHAT_PLANS: Readonly<Record<string, string>> = { FREE: 'Free', INDIVIDUAL: 'Pro', EDU: 'Student', TEAM: 'Team' };
const MISTRAL_CODE_PLANS: Readonly<Record<string, string>> = { F: 'Free Codestral', E: 'Code Enterprise' };

const INVISIBLE = /[\u200b-\u200f\u2060-\u206f\ufeff]/g;

/**
 * Printable text only, cut to MAX_PLAN_NAME_CHARS; null when nothing readable is left, or when the
 * name holds a piece of the key (a console echoing it is not telling a plan).
 */
export function sanitisePlanName(raw: string, key: string): string | null {
  const visible = stripControlCharacters(raw.replace(/[\r\n\t]+/g, ' ')).replace(INVISIBLE, '');
  if (scrubKeyPieces(visible, key) !== visible) return null;
  const printable = visible.replace(/\s+/g, ' ').trim();
  if (printable === '') return null;
  const chars = [...printable];
  return chars.length > MAX_PLAN_NAME_CHARS ? `${chars.slice(0, MAX_PLAN_NAME_CHARS - 1).join('')}…` : printable;
}

/** The user-facing plan name, as Mistral Vibe maps the console's names. */
function planName(planType: string, name: string, key: string): string | null {
  const upper = name.trim().toUpperCase();
  switch (planType) {
    case 'API': return upper.includes('FREE') ? 'Free API' : 'Pay-as-you-go';
    case 'CHAT': return CHAT_PLANS[upper] ?? sanitisePlanName(name, key);
    case 'MISTRAL_CODE': return MISTRAL_CODE_PLANS[upper] ?? sanitisePlanName(name, key);
    default: return null;
  }
}

/** Reads a whoami body; anything but `{plan_type, plan_name}` strings of a known type is plan unknown. */
export function planFromWhoami(body: string, key: string): Pick<PlanLookup, 'type' | 'plan'> {
  const unknown = { type: 'unknown', plan: null } as const;
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return unknown;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return unknown;
  const { plan_type: planType, plan_name: name } = json as Record<string, unknown>;
  if (typeof planType !== 'string') return unknown;
  const type = TYPE_BY_PLAN_TYPE[planType.trim().toUpperCase()];
  if (!type) return unknown;
  const plan = typeof name === 'string' ? planName(planType.trim().toUpperCase(), name, key) : null;
  return { type, plan };
}

async function readCapped(response: Response): Promise<string | null> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > MAX_WHOAMI_BYTES) {
      await reader.cancel().catch(() => undefined);
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Asks the console which key type and plan the key has. Resolves `PLAN_UNKNOWN` (with the status
 * when one came) for every failure, by the deadline at the latest; never rejects.
 */
export async function lookUpPlan(options: PlanLookupOptions): Promise<PlanLookup> {
  const controller = new AbortController();
  const onCallerAbort = (): void => controller.abort(options.signal?.reason);
  options.signal?.addEventListener('abort', onCallerAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The race also covers a fetcher that ignores the abort signal.
  const expired = new Promise<PlanLookup>((resolve) => {
    timer = setTimeout(() => resolve(PLAN_UNKNOWN), Math.max(0, options.deadline - performance.now()));
  });
  const ask = async (): Promise<PlanLookup> => {
    const response = await (options.fetcher ?? fetch)(`${options.consoleUrl}${WHOAMI_PATH}`, {
      method: 'GET',
      headers: { authorization: `Bearer ${options.key}`, accept: 'application/json' },
      redirect: 'manual',
      signal: controller.signal,
    });
    if (response.status !== 200 || !/json/i.test(response.headers.get('content-type') ?? '')) {
      await response.body?.cancel().catch(() => undefined);
      return { ...PLAN_UNKNOWN, status: response.status };
    }
    const body = await readCapped(response);
    return { ...(body === null ? PLAN_UNKNOWN : planFromWhoami(body, options.key)), status: response.status };
  };
  try {
    return await Promise.race([ask().catch(() => PLAN_UNKNOWN), expired]);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onCallerAbort);
    controller.abort();
  }
}
