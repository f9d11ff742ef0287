// The status item speaks for the worst key: when a watched tool's key is worse off than the key
// stored here, its row ("Continue's key: 401 (Codestral key on api.mistral.ai)") replaces the
// item's text, the tooltip lists every watched key with a "Stop watching" link, and a click opens
// the watch menu. Otherwise the stored key's view stays as it is, with the watched rows added.
import * as vscode from 'vscode';
import type { Severity } from '../../core/diagnosis';
import type { StatusView } from '../statusView';
import type { StatusSummary, SummaryRow } from './statusSummary';
import { STOP_WATCHING_COMMAND } from './watchMenu';
import { isWatchedSourceId, sourcePlaceName } from './watchedSources';

export const WATCH_MENU_COMMAND = 'mistralKeyDoctor.watchMenu';
export const WATCH_TOOLTIP_COMMANDS = [WATCH_MENU_COMMAND, STOP_WATCHING_COMMAND];

export interface WatchStatusView extends StatusView {
  /** The command a click runs: the watch menu when a watched key leads. */
  command: string | null;
}

const RANK: Record<Severity, number> = { ok: 0, info: 1, warning: 2, error: 3 };

/**
 * `storedSeverity` is the severity of the stored key's last verdict (null when none). The stored
 * key's view wins ties, and always while a check is running (it shows the spinner).
 */
export function withWatchedKeys(base: StatusView, summary: StatusSummary, storedSeverity: Severity | null): WatchStatusView {
  const worst = summary.worst;
  const leads = worst !== null && worst.problem && !base.text.includes('sync~spin')
    && (storedSeverity === null || RANK[worst.severity!] > RANK[storedSeverity]);
  if (!leads) {
    if (!base.visible || summary.rows.length === 0) return { ...base, command: null };
    return { ...base, tooltip: `${base.tooltip}\n\n${rowsMarkdown(summary.rows)}`, command: null };
  }
  const icon = worst.severity === 'error' ? '$(warning)' : '$(info)';
  const tooltip = [rowsMarkdown(summary.rows), '', `[${vscode.l10n.t('Watched keys…')}](command:${WATCH_MENU_COMMAND})`].join('\n');
  return { visible: true, text: `${icon} ${worst.text}`, tooltip, warning: worst.severity === 'error', command: WATCH_MENU_COMMAND };
}

function rowsMarkdown(rows: readonly SummaryRow[]): string {
  const lines = rows.map((row) => `- ${escapeMarkdown(row.text)}`);
  const sources = [...new Set(rows.map((row) => row.sourceId))].filter(isWatchedSourceId);
  const stops = sources.map((id) => `[${escapeMarkdown(vscode.l10n.t('Stop watching {0}', sourcePlaceName(id)))}](command:${STOP_WATCHING_COMMAND}?${encodeURIComponent(JSON.stringify([id]))})`);
  return stops.length > 0 ? [...lines, '', stops.join(' · ')].join('\n') : lines.join('\n');
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, '\\$&');
}
