// The watch's commands: its menu, "check this watched key now" (a menu row), "Stop watching
// <source>" (a menu row or a tooltip link) and "Watch other tools' keys…", which asks again about
// every detected source not decided yet.
import * as vscode from 'vscode';
import type { KeyCandidate } from '../../sources';
import type { ToolKeyWatch } from './toolKeyWatch';
import { COMMANDS } from '../../shared/commands';
import { keyRow, watchRows, type StatusMenuItem } from '../status/statusMenu';
import { isWatchedSourceId, watchedKeyCandidate } from './watchedSources';

export interface WatchCommandHost {
  pick(items: StatusMenuItem[], options: { title: string; placeHolder: string }): Promise<StatusMenuItem | undefined>;
  /** "Check Mistral key" for one key, with progress and the panel. */
  checkWithProgress(candidate: KeyCandidate): Promise<unknown>;
}

export function watchCommands(watch: ToolKeyWatch, host: WatchCommandHost): Record<string, (...args: unknown[]) => Promise<void>> {
  return {
    [COMMANDS.watchMenu]: async () => {
      const keys = watch.keys();
      const picked = await host.pick([...keys.map(keyRow), ...watchRows(watch.sourceRows(), keys)], {
        title: vscode.l10n.t('Watched keys'),
        placeHolder: vscode.l10n.t('The keys your tools use, with their last verdict'),
      });
      if (picked?.command) await vscode.commands.executeCommand(picked.command, ...(picked.args ?? []));
    },
    [COMMANDS.checkWatchedKey]: async (index) => {
      const request = typeof index === 'number' ? watch.requestAt(index) : null;
      if (request) await host.checkWithProgress(watchedKeyCandidate(request));
    },
    [COMMANDS.stopWatching]: async (sourceId) => {
      if (isWatchedSourceId(sourceId)) await watch.stopWatching(sourceId);
    },
    [COMMANDS.watchToolKeys]: (sourceId) => (isWatchedSourceId(sourceId) ? watch.startWatching(sourceId) : watch.askAgain()),
  };
}
