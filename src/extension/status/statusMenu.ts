// The status item's menu: the five things a user comes to the item for.
import * as vscode from 'vscode';
import type { ToolId } from '../../core/diagnosis';
import { toolDisplayName } from '../../core/catalogue';
import { COMMANDS } from '../../shared/commands';

export interface StatusMenuItem extends vscode.QuickPickItem {
  command: string;
  args?: unknown[];
}

export function statusMenuItems(tool: ToolId, detected: boolean): StatusMenuItem[] {
  const t = vscode.l10n.t;
  return [
    { label: `$(pulse) ${t('Check now')}`, command: COMMANDS.checkKey },
    { label: `$(key) ${t('Set key')}`, command: COMMANDS.setKey },
    { label: `$(tools) ${t('Tool')}`, description: detected ? t('{0} (detected)', toolDisplayName(tool)) : toolDisplayName(tool), command: COMMANDS.selectTool },
    { label: `$(preview) ${t('Show diagnostics')}`, command: COMMANDS.showDiagnostics },
    { label: `$(output) ${t('Open log')}`, command: COMMANDS.showLog },
  ];
}
