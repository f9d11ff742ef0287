// The one entry every surface calls: clean the key, probe both hosts with it (and ask the console for
// its type and plan, at the same time and under the same deadline), classify.
import { classify } from './classify';
import { TIMEOUT_MS } from './defaults';
import type { Diagnosis, HostId, HostOutcome, KeyReport, Target, ToolId } from './diagnosis';
import { DEFAULT_CONSOLE_URL, isMistralHost, validateBaseUrl } from './hosts';
import { inspectKey } from './hygiene';
import { t } from './l10n';
import { lookUpPlan, PLAN_UNKNOWN, type PlanLookup } from './planLookup';
import { probeHosts } from './probe';

export interface CheckRequest {
  rawKey: string;
  target: Target;
  model: string | null;
  apiUrl: string;
  codestralUrl: string;
  /**
   * The console the plan lookup asks. Unset: Mistral's console, and only when `apiUrl` is Mistral's
   * own host, so a check against a gateway or an emulator never sends the key to the console.
   */
  consoleUrl?: string | null;
  /** False skips the plan lookup (`--no-plan-lookup`, the setting `mistralKeyDoctor.planLookup`). */
  planLookup?: boolean;
  /** The tool the verdict speaks for; `other` when none was named. */
  tool?: ToolId;
  timeoutMs: number;
  /** How long ago the key was created, when the user says so (`--new-key`). */
  keyAgeMs: number | null;
  /** How long ago the key was stored or appeared in a watched file (no evidence of its age). */
  keyStoredAgoMs?: number | null;
  preferredCodestralModel: string;
  fetcher?: typeof fetch;
  /** Aborting it makes `checkKey` reject with the signal's reason (nothing else does). */
  signal?: AbortSignal;
  now?: () => Date;
}

export const MAX_TIMEOUT_MS = TIMEOUT_MS.max;

export type CheckRequestField = 'apiUrl' | 'codestralUrl' | 'consoleUrl' | 'timeoutMs';

export type CheckRequestValidation =
  | { ok: true; apiUrl: string; codestralUrl: string; consoleUrl: string | null }
  | { ok: false; field: CheckRequestField; message: string };

/** The caller's usage error: a base URL or timeout that no check should run with. */
export class CheckRequestError extends Error {
  override readonly name = 'CheckRequestError';
  constructor(readonly field: CheckRequestField, message: string) {
    super(message);
  }
}

/** What `checkKey` refuses to run with; call it first to report usage errors your own way. */
export function validateCheckRequest(req: Pick<CheckRequest, 'apiUrl' | 'codestralUrl' | 'consoleUrl' | 'timeoutMs'>): CheckRequestValidation {
  const api = validateBaseUrl(req.apiUrl);
  if (!api.ok) return { ok: false, field: 'apiUrl', message: api.message };
  const codestral = validateBaseUrl(req.codestralUrl);
  if (!codestral.ok) return { ok: false, field: 'codestralUrl', message: codestral.message };
  const consoleUrl = req.consoleUrl ? validateBaseUrl(req.consoleUrl) : null;
  if (consoleUrl && !consoleUrl.ok) return { ok: false, field: 'consoleUrl', message: consoleUrl.message };
  if (!Number.isFinite(req.timeoutMs) || req.timeoutMs <= 0 || req.timeoutMs > MAX_TIMEOUT_MS) {
    return { ok: false, field: 'timeoutMs', message: t('The timeout must be a number of milliseconds from 1 to {0}; the default is 10000.', String(MAX_TIMEOUT_MS)) };
  }
  return { ok: true, apiUrl: api.url, codestralUrl: codestral.url, consoleUrl: consoleUrl?.url ?? null };
}

/** The console to ask, or null when the lookup must not run (switched off, or the api host is not Mistral's). */
export function planLookupUrl(req: Pick<CheckRequest, 'planLookup'>, apiUrl: string, consoleUrl: string | null): string | null {
  if (req.planLookup === false) return null;
  if (consoleUrl) return consoleUrl;
  return isMistralHost(apiUrl) ? DEFAULT_CONSOLE_URL : null;
}

function notProbed(url: string): HostOutcome {
  return { outcome: 'unexpected', status: null, latencyMs: 0, requestId: null, url, detail: null, retryAfterSeconds: null, probed: false };
}

/**
 * Diagnoses a key. Resolves for anything a host does (errors, garbage, silence); rejects only with
 * `CheckRequestError` for a bad URL or timeout, or with the reason of an aborted `signal`.
 * A key that cannot be sent as is (empty, masked, broken characters) is not sent at all.
 */
export async function checkKey(req: CheckRequest): Promise<Diagnosis> {
  const valid = validateCheckRequest(req);
  if (!valid.ok) throw new CheckRequestError(valid.field, valid.message);
  const now = req.now ?? (() => new Date());
  const startedAt = performance.now();
  const inspected = inspectKey(req.rawKey);

  let hosts: Record<HostId, HostOutcome> = { api: notProbed(valid.apiUrl), codestral: notProbed(valid.codestralUrl) };
  let models = null;
  let plan: PlanLookup = PLAN_UNKNOWN;
  if (inspected.usable) {
    const consoleUrl = planLookupUrl(req, valid.apiUrl, valid.consoleUrl);
    const [probe, lookup] = await Promise.all([
      probeHosts({
        key: inspected.key, apiUrl: valid.apiUrl, codestralUrl: valid.codestralUrl, timeoutMs: req.timeoutMs,
        fetcher: req.fetcher, signal: req.signal, now,
      }),
      consoleUrl
        ? lookUpPlan({ key: inspected.key, consoleUrl, deadline: startedAt + req.timeoutMs, fetcher: req.fetcher, signal: req.signal })
        : PLAN_UNKNOWN,
    ]);
    hosts = probe.hosts;
    models = probe.models;
    plan = lookup;
  }
  const key: KeyReport = { ...inspected.report, type: plan.type, plan: plan.plan };
  return classify({
    key,
    hosts,
    models,
    tool: req.tool,
    target: req.target,
    model: req.model,
    keyAgeMs: req.keyAgeMs,
    keyStoredAgoMs: req.keyStoredAgoMs ?? null,
    preferredCodestralModel: req.preferredCodestralModel,
    now: now(),
    elapsedMs: Math.round(performance.now() - startedAt),
  });
}
