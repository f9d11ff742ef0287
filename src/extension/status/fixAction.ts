// The fix for one key as something the user can do at once: the first step of its cause that this
// window can start ("Open API keys", "Pin codestral-2508", "Open .env", "Set a new key"). The status
// menu leads with it and the tooltip links to it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { causeMeaning } from '../../core/causeMeaning';
import { isAllowedLink } from '../../core/links';
import { COMMANDS } from '../../shared/commands';
import type { KeyStatus, MenuAction } from './keyStatus';

export interface FixAction extends MenuAction {
  /** Localised, a few words. */
  label: string;
  /** An https page to open (the tooltip links to it directly); null for a command. */
  url: string | null;
}

/** Null for a key that works or has no verdict yet. */
export function fixActionFor(key: KeyStatus): FixAction | null {
  const t = vscode.l10n.t;
  const diagnosis = key.diagnosis;
  if (!diagnosis || causeMeaning(diagnosis.cause.id).verdict === 'works') return null;
  const { cause } = diagnosis;
  const suggestion = diagnosis.model.suggestion;
  if (cause.id === 'model-unavailable' && suggestion && key.sourceId === 'last') {
    return { label: t('Pin {0}', suggestion.id), command: COMMANDS.pinModel, args: [], url: null };
  }
  // The first step the user can start from here: the first one with a page to open (its label is a button's text).
  const link = (cause.fixByTool[key.tool] ?? cause.fix).find((step) => step.link && isAllowedLink(step.link.url))?.link;
  if (link) return { label: link.label, command: 'vscode.open', args: [vscode.Uri.parse(link.url)], url: link.url };
  if (key.file) return { label: t('Open {0}', path.basename(key.file)), command: 'vscode.open', args: [vscode.Uri.file(key.file)], url: null };
  if (key.storedKey && causeMeaning(cause.id).newKey) return { label: t('Set a new key'), command: COMMANDS.setKey, args: [], url: null };
  // Nothing this window can start (a setting in the tool, a wait): the panel lists the steps.
  return { label: t('See how to fix it'), command: COMMANDS.showDiagnostics, args: [], url: null };
}
