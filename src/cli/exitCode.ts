// The CLI's exit codes (README "Exit codes"), derived from the Diagnosis alone.
import type { CauseId, Diagnosis } from '../core/diagnosis';

export const EXIT_OK = 0;
export const EXIT_PROBLEM = 1;
export const EXIT_USAGE = 2;
export const EXIT_NO_VERDICT = 3;
/** Ctrl-C during `--watch`: the shell convention 128 + SIGINT. */
export const EXIT_INTERRUPTED = 130;

/** Causes that mean the target's hosts gave no verdict and nothing else explains the failure. */
const NO_VERDICT_CAUSES: ReadonlySet<CauseId> = new Set(['host-unreachable', 'tls-intercepted', 'service-error', 'unexpected-response']);

/**
 * From the cause alone: 0 `ok`; 2 the key itself is unusable, so nothing was sent; 3 no verdict
 * (network, TLS, 5xx, unexpected answers); 1 every other diagnosed problem (wrong host, rejected, not
 * active yet, malformed as stored, retired model, rate limit, 402, 403, route not served).
 */
export function exitCodeFor(diagnosis: Diagnosis): number {
  const { id } = diagnosis.cause;
  if (id === 'ok') return EXIT_OK;
  const probed = diagnosis.hosts.api.probed || diagnosis.hosts.codestral.probed;
  if (id === 'key-malformed' && !probed) return EXIT_USAGE;
  if (NO_VERDICT_CAUSES.has(id)) return EXIT_NO_VERDICT;
  return EXIT_PROBLEM;
}
