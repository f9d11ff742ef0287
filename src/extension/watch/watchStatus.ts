// The status item speaks for the worst key: when a watched tool's key is worse off than the key the
// item shows (the stored one, or the last one checked), its row ("Continue's key: 401 (…)")
// replaces the item's text; the tooltip lists every watched key with a "Stop watching" link, and
// the status menu lists them too.
import * as vscode from 'vscode';
import type { Severity } from '../../core/diagnosis';
import type { StatusView } from '../status/statusView';
import { summarizeWatchedVerdicts, type StatusSummary, type SummaryRow } from './statusSummary';
import type { ToolKeyWatch } from './toolKeyWatch';
import { COMMANDS } from '../../shared/commands';
import { watchMenuItems, type WatchMenuItem } from './watchMenu';
import { isWatchedSourceId, sourcePlaceName } from './watchedSources';

/** The commands the watched rows of the tooltip link to. */
export const WATCH_TOOLTIP_COMMANDS = [COMMANDS.stopWatching];

const RANK: Record<Severity, number> = { ok: 0, info: 1, warning: 2, error: 3 };
const ICON: Record<Severity, string> = { ok: '$(check)', info: '$(info)', warning: '$(warning)', error: '$(error)' };

/** What the status item and its menu add for the watch. */
export interface WatchStatusExtras {
  decorate(view: StatusView): StatusView;
  menuItems(): WatchMenuItem[];
}

export function watchStatusExtras(watch: ToolKeyWatch): WatchStatusExtras {
  const summary = () => summarizeWatchedVerdicts(watch.verdicts());
  return {
    decorate: (view) => withWatchedKeys(view, summary()),
    menuItems: () => watchMenuItems(summary()),
  };
}

/** The base view wins ties, and always while a check is running (it shows the spinner). */
export function withWatchedKeys(base: StatusView, summary: StatusSummary): StatusView {
  const worst = summary.worst;
  const checking = base.text.includes('sync~spin');
  if (!worst?.problem || checking || (base.severity !== null && RANK[worst.severity!] <= RANK[base.severity])) {
    return summary.rows.length === 0 ? base : { ...base, tooltip: `${base.tooltip}\n\n${rowsMarkdown(summary.rows)}` };
  }
  const severity = worst.severity!;
  const tooltip = [rowsMarkdown(summary.rows), '', base.tooltip].join('\n');
  return { visible: true, text: `${ICON[severity]} ${worst.text}`, tooltip, severity, background: severity === 'error' || severity === 'warning' ? severity : null };
}

function rowsMarkdown(rows: readonly SummaryRow[]): string {
  const lines = rows.map((row) => `- ${escapeMarkdown(row.text)}`);
  const sources = [...new Set(rows.map((row) => row.sourceId))].filter(isWatchedSourceId);
  const stops = sources.map((id) => `[${escapeMarkdown(vscode.l10n.t('Stop watching {0}', sourcePlaceName(id)))}](command:${COMMANDS.stopWatching}?${encodeURIComponent(JSON.stringify([id]))})`);
  return stops.length > 0 ? [...lines, '', stops.join(' · ')].join('\n') : lines.join('\n');
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, '\\$&');
}
