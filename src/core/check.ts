// The one entry every surface calls: clean the key, probe both hosts with it, classify.
import { classify } from './classify';
import { TIMEOUT_MS } from './defaults';
import type { Diagnosis, HostId, HostOutcome, Target } from './diagnosis';
import { validateBaseUrl } from './hosts';
import { inspectKey } from './hygiene';
import { t } from './l10n';
import { probeHosts } from './probe';

export interface CheckRequest {
  rawKey: string;
  target: Target;
  model: string | null;
  apiUrl: string;
  codestralUrl: string;
  timeoutMs: number;
  keyAgeMs: number | null;
  preferredCodestralModel: string;
  fetcher?: typeof fetch;
  /** Aborting it makes `checkKey` reject with the signal's reason (nothing else does). */
  signal?: AbortSignal;
  now?: () => Date;
}

export const MAX_TIMEOUT_MS = TIMEOUT_MS.max;

export type CheckRequestField = 'apiUrl' | 'codestralUrl' | 'timeoutMs';

export type CheckRequestValidation =
  | { ok: true; apiUrl: string; codestralUrl: string }
  | { ok: false; field: CheckRequestField; message: string };

/** The caller's usage error: a base URL or timeout that no check should run with. */
export class CheckRequestError extends Error {
  override readonly name = 'CheckRequestError';
  constructor(readonly field: CheckRequestField, message: string) {
    super(message);
  }
}

/** What `checkKey` refuses to run with; call it first to report usage errors your own way. */
export function validateCheckRequest(req: Pick<CheckRequest, 'apiUrl' | 'codestralUrl' | 'timeoutMs'>): CheckRequestValidation {
  const api = validateBaseUrl(req.apiUrl);
  if (!api.ok) return { ok: false, field: 'apiUrl', message: api.message };
  const codestral = validateBaseUrl(req.codestralUrl);
  if (!codestral.ok) return { ok: false, field: 'codestralUrl', message: codestral.message };
  if (!Number.isFinite(req.timeoutMs) || req.timeoutMs <= 0 || req.timeoutMs > MAX_TIMEOUT_MS) {
    return { ok: false, field: 'timeoutMs', message: t('The timeout must be a number of milliseconds from 1 to {0}; the default is 10000.', String(MAX_TIMEOUT_MS)) };
  }
  return { ok: true, apiUrl: api.url, codestralUrl: codestral.url };
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
  if (inspected.usable) {
    const probe = await probeHosts({
      key: inspected.key, apiUrl: valid.apiUrl, codestralUrl: valid.codestralUrl, timeoutMs: req.timeoutMs,
      fetcher: req.fetcher, signal: req.signal, now,
    });
    hosts = probe.hosts;
    models = probe.models;
  }
  return classify({
    key: inspected.report,
    hosts,
    models,
    target: req.target,
    model: req.model,
    keyAgeMs: req.keyAgeMs,
    preferredCodestralModel: req.preferredCodestralModel,
    now: now(),
    elapsedMs: Math.round(performance.now() - startedAt),
  });
}
