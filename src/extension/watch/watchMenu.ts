// The watch menu (a quick pick): one row per watched key with its verdict, and per source a
// "Stop watching" entry; picking a key's row checks it with the panel open.
import * as vscode from 'vscode';
import type { StatusSummary } from './statusSummary';
import { isWatchedSourceId, sourcePlaceName, type WatchedSourceId } from './watchedSources';

export type WatchMenuAction =
  | { kind: 'show-key'; entryIndex: number }
  | { kind: 'stop-watching'; sourceId: WatchedSourceId }
  | { kind: 'watch-more' };

export interface WatchMenuItem extends vscode.QuickPickItem {
  action: WatchMenuAction;
}

/** `rows` in the summary are in the order of the watch's verdicts: the index names the entry. */
export function watchMenuItems(summary: StatusSummary): WatchMenuItem[] {
  const t = vscode.l10n.t;
  const items: WatchMenuItem[] = summary.rows.map((row, entryIndex) => ({
    label: `${row.problem ? '$(warning)' : row.severity === 'ok' ? '$(pass)' : '$(circle-outline)'} ${row.text}`,
    description: row.place,
    action: { kind: 'show-key', entryIndex },
  }));
  const sources = [...new Set(summary.rows.map((row) => row.sourceId))].filter(isWatchedSourceId);
  for (const sourceId of sources) {
    items.push({ label: `$(eye-closed) ${t('Stop watching {0}', sourcePlaceName(sourceId))}`, action: { kind: 'stop-watching', sourceId } });
  }
  items.push({ label: `$(eye) ${t('Watch other tools\' keys…')}`, action: { kind: 'watch-more' } });
  return items;
}
