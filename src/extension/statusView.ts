// The status item as a pure function of what is known: hidden while nothing is known or all is
// well, spinning while a check runs, a warning when the tool's host answered 401.
import * as vscode from 'vscode';
import { toolDisplayName } from '../core/tools';
import { COMMANDS } from '../shared/commands';
import { hostsUsedByTool, unauthorizedOnToolHost, type CheckResult } from './checkResult';

export interface StatusInput {
  checking: boolean;
  result: CheckResult | null;
  /** Epoch ms until which a new key is re-checked automatically, or null. */
  waitingUntil: number | null;
  /** Epoch ms of the next automatic re-check, or null. */
  nextCheckAt: number | null;
}

export interface StatusView {
  visible: boolean;
  /** With codicons, e.g. `$(warning) Mistral key: 401`. */
  text: string;
  /** Markdown; its command links are the only commands it may run (see TOOLTIP_COMMANDS). */
  tooltip: string;
  warning: boolean;
}

export const TOOLTIP_COMMANDS = [COMMANDS.showDiagnostics, COMMANDS.checkKey, COMMANDS.setKey];

const HIDDEN: StatusView = { visible: false, text: '', tooltip: '', warning: false };

export function describeStatus(input: StatusInput): StatusView {
  const { result } = input;
  if (input.checking) {
    return {
      visible: true,
      text: `$(sync~spin) ${vscode.l10n.t('Mistral key: checking')}`,
      tooltip: vscode.l10n.t('Asking the Mistral hosts whether they accept the key…'),
      warning: false,
    };
  }
  if (!result) return HIDDEN;
  const { diagnosis } = result;
  const waiting = input.waitingUntil !== null && !diagnosis.worksForTarget;
  if (!waiting && diagnosis.worksForTarget && diagnosis.cause.severity === 'ok') return HIDDEN;

  const lines = [`**${escapeMarkdown(diagnosis.cause.title)}**`, '', escapeMarkdown(keySummary(result))];
  for (const id of hostsUsedByTool(result.toolHost)) {
    const host = diagnosis.hosts[id];
    if (host.probed) lines.push('', `${hostName(host.url)}: ${host.status ?? host.outcome}`);
  }
  if (waiting) {
    lines.push('', escapeMarkdown(vscode.l10n.t('A new key can take a few minutes to become active. It is re-checked every minute until {0}.', clockTime(input.waitingUntil!))));
  }
  lines.push('', commandLinks());
  const tooltip = lines.join('\n');

  if (waiting) {
    return { visible: true, text: `$(watch) ${vscode.l10n.t('Mistral key: waiting for activation')}`, tooltip, warning: false };
  }
  if (unauthorizedOnToolHost(result)) {
    return { visible: true, text: `$(warning) ${vscode.l10n.t('Mistral key: 401')}`, tooltip, warning: true };
  }
  const shortText = diagnosis.worksForTarget ? vscode.l10n.t('Mistral key: see advice') : vscode.l10n.t('Mistral key: problem');
  return { visible: true, text: `$(info) ${shortText}`, tooltip, warning: false };
}

function keySummary(result: CheckResult): string {
  return vscode.l10n.t('Key {0} ({1}), checked for {2}.', result.diagnosis.key.fingerprint, result.sourceLabel, toolDisplayName(result.tool));
}

function commandLinks(): string {
  return [
    `[${vscode.l10n.t('Show diagnostics')}](command:${COMMANDS.showDiagnostics})`,
    `[${vscode.l10n.t('Check again')}](command:${COMMANDS.checkKey})`,
    `[${vscode.l10n.t('Set a new key')}](command:${COMMANDS.setKey})`,
  ].join(' · ');
}

export function hostName(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function clockTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(vscode.env.language, { hour: '2-digit', minute: '2-digit' });
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, '\\$&');
}
