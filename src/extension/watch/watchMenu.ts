// The watch's rows for a menu (a quick pick): one per watched key with its verdict, and per source
// a "Stop watching" entry. Each row names the command it runs, so any menu can list them.
import * as vscode from 'vscode';
import type { Severity } from '../../core/diagnosis';
import { COMMANDS } from '../../shared/commands';
import type { StatusSummary } from './statusSummary';
import { isWatchedSourceId, sourcePlaceName } from './watchedSources';


const ROW_ICON: Record<Severity, string> = { ok: '$(pass)', info: '$(info)', warning: '$(warning)', error: '$(error)' };

export interface WatchMenuItem extends vscode.QuickPickItem {
  command: string;
  args: unknown[];
}

/** `rows` in the summary are in the order of the watch's verdicts: the index names the entry. */
export function watchMenuItems(summary: StatusSummary): WatchMenuItem[] {
  const t = vscode.l10n.t;
  const items: WatchMenuItem[] = summary.rows.map((row, index) => ({
    label: `${row.severity ? ROW_ICON[row.severity] : '$(circle-outline)'} ${row.text}`,
    description: row.place,
    command: COMMANDS.checkWatchedKey,
    args: [index],
  }));
  const sources = [...new Set(summary.rows.map((row) => row.sourceId))].filter(isWatchedSourceId);
  for (const sourceId of sources) {
    items.push({ label: `$(eye-closed) ${t('Stop watching {0}', sourcePlaceName(sourceId))}`, command: COMMANDS.stopWatching, args: [sourceId] });
  }
  items.push({ label: `$(eye) ${t('Watch other tools\' keys…')}`, command: COMMANDS.watchToolKeys, args: [] });
  return items;
}
