// The watch's commands: its menu, "Stop watching <source>" (from the menu or a tooltip link) and
// "Watch other tools' keys…", which asks again about every detected source not decided yet.
import * as vscode from 'vscode';
import type { CheckCandidate } from '../candidates';
import { summarizeWatchedVerdicts } from './statusSummary';
import type { ToolKeyWatch } from './toolKeyWatch';
import { STOP_WATCHING_COMMAND, WATCH_MENU_COMMAND } from './watchStatus';
import { isWatchedSourceId } from './watchedSources';
import { watchMenuItems, type WatchMenuItem } from './watchMenu';

export const WATCH_TOOL_KEYS_COMMAND = 'mistralKeyDoctor.watchToolKeys';

export interface WatchCommandHost {
  pick(items: WatchMenuItem[], options: { title: string; placeHolder: string }): Promise<WatchMenuItem | undefined>;
  /** "Check Mistral key" for one key, with progress and the panel. */
  checkWithProgress(candidate: CheckCandidate): Promise<unknown>;
}

export function watchCommands(watch: ToolKeyWatch, host: WatchCommandHost): Record<string, (...args: unknown[]) => Promise<void>> {
  return {
    [WATCH_MENU_COMMAND]: async () => {
      const picked = await host.pick(watchMenuItems(summarizeWatchedVerdicts(watch.verdicts())), {
        title: vscode.l10n.t('Watched keys'),
        placeHolder: vscode.l10n.t('The keys your tools use, with their last verdict'),
      });
      if (!picked) return;
      switch (picked.action.kind) {
        case 'show-key': {
          const request = watch.requestAt(picked.action.entryIndex);
          if (request) await host.checkWithProgress({ key: request.key, fingerprint: request.fingerprint, label: request.label, stored: false, target: request.target, model: request.model });
          return;
        }
        case 'stop-watching':
          return watch.stopWatching(picked.action.sourceId);
        case 'watch-more':
          return watch.askAgain();
      }
    },
    [STOP_WATCHING_COMMAND]: async (sourceId) => {
      if (isWatchedSourceId(sourceId)) await watch.stopWatching(sourceId);
    },
    [WATCH_TOOL_KEYS_COMMAND]: () => watch.askAgain(),
  };
}
