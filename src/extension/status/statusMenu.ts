// The status item's menu, built from the same keys as the item: the fix for the worst key first
// (its first step as an action), then re-check, then each key with its verdict, then settings, then
// the watch: each source's decision (changeable here) and "Watch other tools' keys…".
import * as vscode from 'vscode';
import type { ToolId } from '../../core/diagnosis';
import { toolDisplayName } from '../../core/catalogue';
import { COMMANDS } from '../../shared/commands';
import type { WatchedSourceId } from '../watch/watchedSources';
import { fixActionFor } from './fixAction';
import type { KeyStatus } from './keyStatus';
import { SEVERITY_ICON, type StatusView } from './statusView';

export interface StatusMenuItem extends vscode.QuickPickItem {
  /** Absent on separators. */
  command?: string;
  args?: unknown[];
}

/** A source the watch can follow, as the menu shows it. */
export interface WatchSourceRow {
  id: WatchedSourceId;
  /** Localised, e.g. "Continue's files". */
  place: string;
  state: 'watching' | 'declined';
  /** How the files are shown (`~/.continue/config.yaml`); empty for the environment. */
  files: string[];
  /** Keys found there when last read. */
  keys: number;
}

export interface StatusMenuInput {
  view: StatusView;
  keys: readonly KeyStatus[];
  tool: ToolId;
  detected: boolean;
  sources: readonly WatchSourceRow[];
}

export function statusMenuItems(input: StatusMenuInput): StatusMenuItem[] {
  const t = vscode.l10n.t;
  const items: StatusMenuItem[] = [];
  const worst = input.view.worst;
  const fix = worst ? fixActionFor(worst) : null;
  if (worst && fix) items.push({ label: `$(lightbulb) ${fix.label}`, description: worst.owner, command: fix.command, args: fix.args });
  const recheck = worst?.sourceId !== 'last' && worst ? worst.recheck : { command: COMMANDS.checkKey, args: [] };
  items.push({ label: `$(refresh) ${t('Check again')}`, description: worst?.owner, command: recheck.command, args: recheck.args });

  if (input.keys.length > 0) {
    items.push(separator(t('Keys')));
    for (const key of input.keys) items.push(keyRow(key));
  }

  items.push(separator(t('Settings')),
    { label: `$(key) ${t('Set a new key')}`, command: COMMANDS.setKey },
    { label: `$(tools) ${t('Tool')}`, description: input.detected ? t('{0} (detected)', toolDisplayName(input.tool)) : toolDisplayName(input.tool), command: COMMANDS.selectTool },
    { label: `$(preview) ${t('Show diagnostics')}`, command: COMMANDS.showDiagnostics },
    { label: `$(output) ${t('Open log')}`, command: COMMANDS.showLog });

  items.push(separator(t('Other tools\' keys')), ...watchRows(input.sources, input.keys));
  return items;
}

/** One key and its verdict; picking it checks that key again. */
export function keyRow(key: KeyStatus): StatusMenuItem {
  const t = vscode.l10n.t;
  const { diagnosis } = key;
  const verdict = diagnosis ? diagnosis.headline : key.checking ? t('checking…') : t('not checked yet');
  const icon = diagnosis ? SEVERITY_ICON[diagnosis.cause.severity] : '$(circle-outline)';
  const stale = diagnosis && (key.checking || key.stale) ? t('last verdict') : null;
  return {
    label: `${icon} ${t('{0}: {1}', key.owner, verdict)}`,
    description: stale ? `${stale} · ${key.place}` : key.place,
    detail: diagnosis && diagnosis.cause.severity !== 'ok' ? diagnosis.cause.title : undefined,
    command: key.recheck.command,
    args: key.recheck.args,
  };
}

/** Each decided source with its decision (picking it changes it), then the question for the others. */
export function watchRows(sources: readonly WatchSourceRow[], keys: readonly KeyStatus[]): StatusMenuItem[] {
  const t = vscode.l10n.t;
  const rows: StatusMenuItem[] = sources.map((source) => {
    if (source.state === 'declined') {
      return { label: `$(eye-closed) ${t('Not watching {0}', source.place)}`, description: t('pick to watch'), command: COMMANDS.watchToolKeys, args: [source.id] };
    }
    const found = keys.some((key) => key.sourceId === source.id) || source.keys > 0;
    const where = source.files.join(', ');
    return {
      label: `$(eye) ${t('Watching {0}', source.place)}`,
      description: t('pick to stop'),
      detail: found || where === '' ? where || undefined : t('no key found in {0}', where),
      command: COMMANDS.stopWatching,
      args: [source.id],
    };
  });
  rows.push({ label: `$(eye) ${t('Watch other tools\' keys…')}`, command: COMMANDS.watchToolKeys, args: [] });
  return rows;
}

function separator(label: string): StatusMenuItem {
  return { label, kind: vscode.QuickPickItemKind.Separator };
}
