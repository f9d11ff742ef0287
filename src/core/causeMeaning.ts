// What each cause means, as columns of the causes catalogue (causes.ts holds the wording and the
// fix steps): whether the tool works, whether waiting and asking again can change the answer, the
// severity, and the few words the status item shows. The CLI's exit code, the headline, the status
// item and the automatic re-checks read these columns; no surface keeps a list of causes of its own.
import type { CauseId, Diagnosis, Severity, ToolId } from './diagnosis';
import { t } from './l10n';
import { toolDisplayName } from './catalogue';

/** `works`: the tool can use the key; `problem`: a diagnosed reason it cannot; `no-verdict`: the hosts did not say. */
export type VerdictClass = 'works' | 'problem' | 'no-verdict';

export interface CauseMeaning {
  verdict: VerdictClass;
  severity: Severity;
  /** The key itself is valid; a limit, billing or a permission stops the tool for now. */
  keyValid: boolean;
  /** Asking again later can change the answer (a limit, a network failure, a service error). */
  retry: boolean;
  /** The key itself must change (rejected, malformed, a legacy key): "Set a new key" is a fix. */
  newKey: boolean;
  /** Localised, a word or two after "Mistral" in the status item: what the tool sees ("401", "429"); empty for `ok`. */
  short: () => string;
}

export const CAUSE_MEANING: Readonly<Record<CauseId, CauseMeaning>> = {
  'ok': { verdict: 'works', severity: 'ok', keyValid: true, newKey: false, retry: false, short: () => '' },
  'codestral-key-on-api-host': { verdict: 'problem', severity: 'error', keyValid: false, newKey: true, retry: false, short: () => '401' },
  'console-key-on-codestral-host': { verdict: 'problem', severity: 'error', keyValid: false, newKey: false, retry: false, short: () => '401' },
  'key-malformed': { verdict: 'problem', severity: 'error', keyValid: false, newKey: true, retry: false, short: () => t('key malformed') },
  'key-not-yet-active': { verdict: 'problem', severity: 'warning', keyValid: false, newKey: false, retry: false, short: () => t('not active yet') },
  'key-rejected': { verdict: 'problem', severity: 'error', keyValid: false, newKey: true, retry: false, short: () => '401' },
  'rate-limited': { verdict: 'problem', severity: 'warning', keyValid: true, newKey: false, retry: true, short: () => '429' },
  'payment-required': { verdict: 'problem', severity: 'error', keyValid: true, newKey: false, retry: false, short: () => '402' },
  'forbidden': { verdict: 'problem', severity: 'error', keyValid: true, newKey: false, retry: false, short: () => '403' },
  'model-unavailable': { verdict: 'problem', severity: 'warning', keyValid: false, newKey: false, retry: false, short: () => t('model') },
  'route-not-served': { verdict: 'problem', severity: 'error', keyValid: false, newKey: false, retry: false, short: () => t('no route') },
  'host-unreachable': { verdict: 'no-verdict', severity: 'error', keyValid: false, newKey: false, retry: true, short: () => t('offline') },
  'tls-intercepted': { verdict: 'no-verdict', severity: 'error', keyValid: false, newKey: false, retry: false, short: () => 'TLS' },
  'service-error': { verdict: 'no-verdict', severity: 'warning', keyValid: false, newKey: false, retry: true, short: () => '5xx' },
  'unexpected-response': { verdict: 'no-verdict', severity: 'warning', keyValid: false, newKey: false, retry: false, short: () => t('no verdict') },
};

export function causeMeaning(id: CauseId): CauseMeaning {
  return CAUSE_MEANING[id];
}

const SEVERITY_RANK: Readonly<Record<Severity, number>> = { ok: 0, info: 1, warning: 2, error: 3 };

/** Orders severities for "the worst key": positive when `a` is worse than `b`. */
export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITY_RANK[a] - SEVERITY_RANK[b];
}

/**
 * The one sentence every surface leads with: what the user's tool will hit, from the cause's
 * meaning (never from a status code), e.g. "It does not work for Cline."
 */
export function headlineFor(cause: CauseId, tool: ToolId): string {
  const name = toolDisplayName(tool);
  const meaning = CAUSE_MEANING[cause];
  if (meaning.verdict === 'works') return t('It works for {0}.', name);
  if (meaning.verdict === 'no-verdict') return t('Could not tell whether it works for {0}.', name);
  if (meaning.keyValid) return t('The key is valid, but {0} cannot use it right now.', name);
  return t('It does not work for {0}.', name);
}

/** Results kept by an older version have no headline: they are given one on load. */
export function withHeadline(diagnosis: Omit<Diagnosis, 'headline'> & { headline?: string }): Diagnosis {
  return { ...diagnosis, headline: diagnosis.headline ?? headlineFor(diagnosis.cause.id, diagnosis.tool) };
}
