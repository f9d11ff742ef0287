// The CLI's exit codes (DESIGN.md "CLI"), derived from the Diagnosis alone.
import type { Diagnosis } from '../core/diagnosis';

export const EXIT_OK = 0;
export const EXIT_PROBLEM = 1;
export const EXIT_USAGE = 2;
export const EXIT_NO_VERDICT = 3;
/** Ctrl-C during `--watch`: the shell convention 128 + SIGINT. */
export const EXIT_INTERRUPTED = 130;

/**
 * 0 the key works for the target; 2 the key itself is unusable, so nothing was sent;
 * 3 no host gave a verdict (network, 5xx, unexpected answers); 1 any other diagnosed problem.
 */
export function exitCodeFor(diagnosis: Diagnosis): number {
  if (diagnosis.worksForTarget) return EXIT_OK;
  const probed = diagnosis.hosts.api.probed || diagnosis.hosts.codestral.probed;
  if (!probed && diagnosis.key.findings.some((finding) => finding.blocking)) return EXIT_USAGE;
  if (diagnosis.keyKind === 'unknown') return EXIT_NO_VERDICT;
  return EXIT_PROBLEM;
}
