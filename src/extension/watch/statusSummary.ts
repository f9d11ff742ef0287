// The watched verdicts in a few words, a pure function: one row per watched key naming whose key it
// is and the cause ("Continue's key: 401 (Codestral key on api.mistral.ai)"), and the worst row,
// which the status item shows. Every surface reads the Diagnosis; nothing here re-derives it.
import * as vscode from 'vscode';
import type { CauseId, Diagnosis, HostId, Severity, Target } from '../../core/diagnosis';
import { HOST_NAMES, outcomeLabel } from '../../core/labels';
import { hostsUsedByTool } from '../checkResult';

export interface WatchedVerdict {
  /** A watched source id, or `stored` for the key kept in VS Code's secret storage. */
  sourceId: string;
  /** Localised: whose key, e.g. "Continue's key". */
  owner: string;
  /** Localised place and fingerprint, for the menu's detail line. */
  place: string;
  diagnosis: Diagnosis | null;
  toolHost: Target;
  stale: boolean;
  checking: boolean;
}

export interface SummaryRow {
  sourceId: string;
  /** e.g. "Continue's key: 401 (Codestral key on api.mistral.ai)". */
  text: string;
  place: string;
  /** null while no verdict is known. */
  severity: Severity | null;
  /** True for a verdict that asks the user to act (error or warning). */
  problem: boolean;
}

export interface StatusSummary {
  /** The row with the most severe verdict; null when no verdict is known. */
  worst: SummaryRow | null;
  rows: SummaryRow[];
}

const SEVERITY_RANK: Record<Severity, number> = { ok: 0, info: 1, warning: 2, error: 3 };

export function summarizeWatchedVerdicts(verdicts: readonly WatchedVerdict[]): StatusSummary {
  const rows = verdicts.map(describeVerdict);
  let worst: SummaryRow | null = null;
  for (const row of rows) {
    if (row.severity === null) continue;
    if (!worst || SEVERITY_RANK[row.severity] > SEVERITY_RANK[worst.severity!]) worst = row;
  }
  return { worst, rows };
}

function describeVerdict(verdict: WatchedVerdict): SummaryRow {
  const t = vscode.l10n.t;
  const { diagnosis } = verdict;
  const base = { sourceId: verdict.sourceId, place: verdict.place };
  if (!diagnosis) {
    const text = verdict.checking ? t('{0}: checking…', verdict.owner) : t('{0}: not checked yet', verdict.owner);
    return { ...base, text, severity: null, problem: false };
  }
  const { severity } = diagnosis.cause;
  let text = severity === 'ok'
    ? t('{0}: works', verdict.owner)
    : t('{0}: {1} ({2})', verdict.owner, toolHostAnswer(diagnosis, verdict.toolHost), shortCause(diagnosis.cause.id));
  if (verdict.stale) text = t('{0} (last verdict: the file cannot be checked now)', text);
  return { ...base, text, severity, problem: severity === 'error' || severity === 'warning' };
}

/** What the host the tool uses answered: its status code (401), else the outcome. */
function toolHostAnswer(diagnosis: Diagnosis, toolHost: Target): string {
  const probed = hostsUsedByTool(toolHost).map((id: HostId) => diagnosis.hosts[id]).filter((host) => host.probed);
  const refusing = probed.find((host) => host.outcome !== 'accepted') ?? probed[0];
  if (!refusing) return vscode.l10n.t('no answer');
  return refusing.status !== null ? String(refusing.status) : outcomeLabel(refusing.outcome);
}

/** The cause in a few words, for a status row. */
export function shortCause(id: CauseId): string {
  const t = vscode.l10n.t;
  switch (id) {
    case 'ok': return t('works');
    case 'codestral-key-on-api-host': return t('Codestral key on {0}', HOST_NAMES.api);
    case 'console-key-on-codestral-host': return t('general key on {0}', HOST_NAMES.codestral);
    case 'key-malformed': return t('malformed key');
    case 'key-not-yet-active': return t('not active yet');
    case 'key-rejected': return t('key rejected');
    case 'rate-limited': return t('rate limit reached');
    case 'payment-required': return t('billing not set up');
    case 'forbidden': return t('not allowed');
    case 'model-unavailable': return t('model unavailable');
    case 'route-not-served': return t('route not served');
    case 'host-unreachable': return t('host unreachable');
    case 'tls-intercepted': return t('HTTPS intercepted');
    case 'service-error': return t('Mistral service error');
    case 'unexpected-response': return t('unexpected answer');
  }
}
