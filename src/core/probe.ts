// Asks both hosts, at the same time and under one deadline, whether they accept a key:
// api host `GET /v1/models` (free), codestral host a one-token FIM completion.
import { MistralCore } from '@mistralai/mistralai/core.js';
import { fimComplete } from '@mistralai/mistralai/funcs/fimComplete.js';
import { modelsList } from '@mistralai/mistralai/funcs/modelsList.js';
import type { ModelList } from '@mistralai/mistralai/models/components/modellist.js';
import type { HostId, HostOutcome, ModelCard } from './diagnosis';
import { toHostOutcome } from './hostOutcome';
import { cleanHostOutcome, safeModelCards } from './hostText';
import { createProbeTransport, SDK_PLACEHOLDER_KEY, type Exchange } from './probeHttpClient';

/** The model the codestral-host probe names; any answer about it still proves authentication. */
export const PROBE_FIM_MODEL = 'codestral-latest';

export interface ProbeOptions {
  /** The cleaned key (see `inspectKey`); never empty. */
  key: string;
  /** Validated base URLs (see `validateBaseUrl`). */
  apiUrl: string;
  codestralUrl: string;
  /** One deadline for the whole probe. */
  timeoutMs: number;
  fetcher?: typeof fetch;
  /** Aborting it makes `probeHosts` reject with the signal's reason. */
  signal?: AbortSignal;
  now?: () => Date;
}

export interface ProbeResult {
  hosts: Record<HostId, HostOutcome>;
  /** The api host's models list, when it answered with one. */
  models: ModelCard[] | null;
  elapsedMs: number;
}

interface HostCall {
  sdkAccepted: boolean;
  error: unknown;
  value: unknown;
}

function isoDate(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  return null;
}

type SdkModelCard = NonNullable<ModelList['data']>[number];

/** A card as the JSON has it (snake_case), for cards the SDK does not know. */
function modelCardFromJson(card: unknown): ModelCard | null {
  if (typeof card !== 'object' || card === null) return null;
  const json = card as Record<string, unknown>;
  if (typeof json.id !== 'string') return null;
  const capabilities = (typeof json.capabilities === 'object' && json.capabilities !== null ? json.capabilities : {}) as Record<string, unknown>;
  return {
    id: json.id,
    aliases: Array.isArray(json.aliases) ? json.aliases.filter((alias): alias is string => typeof alias === 'string') : [],
    deprecation: isoDate(json.deprecation),
    deprecationReplacementModel: typeof json.deprecation_replacement_model === 'string' ? json.deprecation_replacement_model : null,
    completionFim: capabilities.completion_fim === true,
    completionChat: capabilities.completion_chat === true,
  };
}

function toModelCard(card: SdkModelCard): ModelCard | null {
  if (card.type !== 'base' && card.type !== 'fine-tuned') return modelCardFromJson(card.raw);
  return {
    id: card.id,
    aliases: card.aliases ?? [],
    deprecation: isoDate(card.deprecation),
    deprecationReplacementModel: card.deprecationReplacementModel ?? null,
    completionFim: card.capabilities.completionFim,
    completionChat: card.capabilities.completionChat,
  };
}

/** Cards read straight from a 200 list that the SDK's strict schema refused (e.g. a bare date). */
function modelCardsFromBody(body: string): ModelCard[] | null {
  try {
    const data: unknown = (JSON.parse(body) as { data?: unknown } | null)?.data;
    return Array.isArray(data) ? data.map(modelCardFromJson).filter((card): card is ModelCard => card !== null) : null;
  } catch {
    return null;
  }
}

function isFimAnswer(body: string): boolean {
  try {
    return Array.isArray((JSON.parse(body) as { choices?: unknown } | null)?.choices);
  } catch {
    return false;
  }
}

function newCore(serverURL: string, transport: ReturnType<typeof createProbeTransport>): MistralCore {
  // No debugLogger, no retries; the key itself is added by the transport.
  return new MistralCore({ apiKey: SDK_PLACEHOLDER_KEY, serverURL, httpClient: transport.httpClient, retryConfig: { strategy: 'none' } });
}

async function settle(call: () => Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }>): Promise<HostCall> {
  try {
    const result = await call();
    return result.ok ? { sdkAccepted: true, error: null, value: result.value } : { sdkAccepted: false, error: result.error, value: null };
  } catch (error) {
    // An invalid-JSON body escapes the SDK's Result as a raw SyntaxError.
    return { sdkAccepted: false, error, value: null };
  }
}

interface HostProbe {
  exchange: Exchange;
  call: HostCall;
  timedOut: boolean;
}

async function probeOne(
  run: (core: MistralCore, signal: AbortSignal) => Promise<{ ok: true; value: unknown } | { ok: false; error: unknown }>,
  baseUrl: string, key: string, fetcher: typeof fetch, deadline: number, callerSignal: AbortSignal | undefined,
): Promise<HostProbe> {
  const controller = new AbortController();
  const transport = createProbeTransport(key, fetcher, controller.signal);
  const onCallerAbort = (): void => controller.abort(callerSignal?.reason);
  callerSignal?.addEventListener('abort', onCallerAbort, { once: true });
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The race also covers a fetcher that ignores the abort signal.
  const expired = new Promise<HostCall>((resolve) => {
    timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException('The probe deadline passed', 'TimeoutError'));
      resolve({ sdkAccepted: false, error: null, value: null });
    }, Math.max(0, deadline - performance.now()));
  });
  try {
    const call = await Promise.race([settle(() => run(newCore(baseUrl, transport), controller.signal)), expired]);
    return { exchange: transport.exchange, call, timedOut };
  } finally {
    clearTimeout(timer);
    callerSignal?.removeEventListener('abort', onCallerAbort);
    // Releases a connection fetch may still hold: on a 407 with a large body undici rejects without
    // draining it, and the paused socket would keep the process alive for good.
    controller.abort();
  }
}

/** Probes both hosts concurrently. Never rejects for anything a host does. */
export async function probeHosts(options: ProbeOptions): Promise<ProbeResult> {
  if (options.key === '') throw new Error('probeHosts needs a non-empty key: check it with inspectKey first.');
  options.signal?.throwIfAborted();
  const fetcher = options.fetcher ?? fetch;
  const now = options.now ?? (() => new Date());
  const startedAt = performance.now();
  const deadline = startedAt + options.timeoutMs;

  const [api, codestral] = await Promise.all([
    probeOne((core, signal) => modelsList(core, undefined, { fetchOptions: { signal, redirect: 'manual' } }),
      options.apiUrl, options.key, fetcher, deadline, options.signal),
    probeOne((core, signal) => fimComplete(core, { model: PROBE_FIM_MODEL, prompt: 'def', maxTokens: 1 }, { fetchOptions: { signal, redirect: 'manual' } }),
      options.codestralUrl, options.key, fetcher, deadline, options.signal),
  ]);
  options.signal?.throwIfAborted();

  const elapsedMs = Math.round(performance.now() - startedAt);
  const answeredOk = (probe: HostProbe): boolean => !probe.timedOut && probe.exchange.status !== null
    && probe.exchange.status >= 200 && probe.exchange.status < 300 && !probe.exchange.truncated;
  const apiCards = (api.call.value as ModelList | null)?.data?.map(toModelCard).filter((card): card is ModelCard => card !== null)
    ?? (answeredOk(api) ? modelCardsFromBody(api.exchange.body) : null);
  const apiAccepted = api.call.sdkAccepted || apiCards !== null;
  const codestralAccepted = codestral.call.sdkAccepted || (answeredOk(codestral) && isFimAnswer(codestral.exchange.body));

  const outcome = (probe: HostProbe, accepted: boolean, url: string): HostOutcome => {
    const result = cleanHostOutcome(toHostOutcome(probe.exchange, accepted, probe.call.error, { url, now: now(), timedOut: probe.timedOut }), options.key);
    return probe.timedOut ? { ...result, latencyMs: options.timeoutMs } : result;
  };
  const hosts = {
    api: outcome(api, apiAccepted, options.apiUrl),
    codestral: outcome(codestral, codestralAccepted, options.codestralUrl),
  };
  const models = hosts.api.outcome === 'accepted' && apiCards ? safeModelCards(apiCards, options.key) : null;
  return { hosts, models, elapsedMs };
}
