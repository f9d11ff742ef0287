// The watched verdicts in a few words, a pure function: one row per watched key naming whose key it
// is, what the tool's host answered and the cause ("Continue's key: 401 (Codestral key, Continue
// needs a Studio key)"), and the worst row, which the status item shows. Every surface reads the
// Diagnosis; nothing here re-derives it.
import * as vscode from 'vscode';
import type { Diagnosis, HostId, Severity, Target, ToolId } from '../../core/diagnosis';
import { outcomeLabel } from '../../core/labels';
import { causeShortText } from '../status/causeShortText';
import { hostsUsedByTool } from '../check/checkResult';

export interface WatchedVerdict {
  /** A watched source id, or `stored` for the key kept in VS Code's secret storage. */
  sourceId: string;
  /** Localised: whose key, e.g. "Continue's key". */
  owner: string;
  /** Localised place and fingerprint, for the menu's detail line. */
  place: string;
  diagnosis: Diagnosis | null;
  /** The tool that uses the key (the cause is worded for it) and the host it sends the key to. */
  tool: ToolId;
  toolHost: Target;
  stale: boolean;
  checking: boolean;
}

export interface SummaryRow {
  sourceId: string;
  /** e.g. "Continue's key: 401 (legacy Mistral Code key, Continue needs a Studio key)". */
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
    : t('{0}: {1} ({2})', verdict.owner, toolHostAnswer(diagnosis, verdict.toolHost), causeShortText(diagnosis.cause.id, verdict.tool));
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
