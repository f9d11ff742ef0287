// The CLI's exit codes (README "Exit codes"), derived from the Diagnosis alone.
import { causeMeaning } from '../core/causeMeaning';
import type { Diagnosis } from '../core/diagnosis';

export const EXIT_OK = 0;
export const EXIT_PROBLEM = 1;
export const EXIT_USAGE = 2;
export const EXIT_NO_VERDICT = 3;
/** Ctrl-C during `--watch`: the shell convention 128 + SIGINT. */
export const EXIT_INTERRUPTED = 130;

/**
 * From the cause alone: 0 `ok`; 2 the key itself is unusable, so nothing was sent; 3 no verdict
 * (network, TLS, 5xx, unexpected answers); 1 every other diagnosed problem (wrong host, rejected, not
 * active yet, malformed as stored, retired model, rate limit, 402, 403, route not served).
 */
export function exitCodeFor(diagnosis: Diagnosis): number {
  const { id } = diagnosis.cause;
  const probed = diagnosis.hosts.api.probed || diagnosis.hosts.codestral.probed;
  if (id === 'key-malformed' && !probed) return EXIT_USAGE;
  switch (causeMeaning(id).verdict) {
    case 'works': return EXIT_OK;
    case 'no-verdict': return EXIT_NO_VERDICT;
    case 'problem': return EXIT_PROBLEM;
  }
}
