// The status item as a pure function of what is known. It takes a list of (source, result) pairs
// and shows the worst, so that several watched keys can share it; the severity comes from the
// cause, never from a status code. Clicking it opens the menu (statusMenu.ts).
import * as vscode from 'vscode';
import { mayStillActivate } from '../../core/activation';
import type { Severity } from '../../core/diagnosis';
import { toolDisplayName } from '../../core/tools';
import { COMMANDS } from '../../shared/commands';
import { causeShortText } from './causeShortText';
import type { CheckResult } from '../check/checkResult';

export interface StatusSource {
  /** Localised name of where the key came from, e.g. "VS Code secret storage". */
  label: string;
  result: CheckResult;
}

export interface StatusInput {
  checking: boolean;
  sources: readonly StatusSource[];
  /** True when a key is stored in VS Code. */
  keyStored: boolean;
  alwaysVisible: boolean;
  /** Epoch ms until which a new key is re-checked automatically, or null. */
  waitingUntil: number | null;
  /** Epoch ms of the next automatic re-check (activation wait or backoff), or null. */
  nextCheckAt: number | null;
}

export interface StatusView {
  visible: boolean;
  /** With codicons, e.g. `$(error) Mistral: legacy Mistral Code key, Cline needs a Studio key`. */
  text: string;
  /** Markdown; its command links are the only commands it may run (see TOOLTIP_COMMANDS). */
  tooltip: string;
  severity: Severity | null;
  /** The theme background: errors and warnings only. */
  background: 'error' | 'warning' | null;
}

export const TOOLTIP_COMMANDS = [COMMANDS.showDiagnostics, COMMANDS.checkKey, COMMANDS.setKey];

const SEVERITY_ORDER: readonly Severity[] = ['ok', 'info', 'warning', 'error'];
const SEVERITY_ICON: Record<Severity, string> = { ok: '$(check)', info: '$(info)', warning: '$(warning)', error: '$(error)' };

/** The source whose cause is the most severe (the first one among equals). */
export function worstSource(sources: readonly StatusSource[]): StatusSource | null {
  let worst: StatusSource | null = null;
  for (const source of sources) {
    if (!worst || SEVERITY_ORDER.indexOf(source.result.diagnosis.cause.severity) > SEVERITY_ORDER.indexOf(worst.result.diagnosis.cause.severity)) worst = source;
  }
  return worst;
}

export function describeStatus(input: StatusInput): StatusView {
  const t = vscode.l10n.t;
  if (input.checking) {
    return { visible: true, text: `$(sync~spin) ${t('Mistral: checking')}`, tooltip: t('Asking the Mistral hosts whether they accept the key…'), severity: null, background: null };
  }
  const worst = worstSource(input.sources);
  if (!worst) {
    const text = input.keyStored ? `$(circle-large-outline) ${t('Mistral: key not checked')}` : `$(key) ${t('Mistral: set a key')}`;
    const tooltip = [escapeMarkdown(input.keyStored ? t('A key is stored but has not been checked in this window.') : t('No Mistral key is stored in VS Code.')), '', commandLinks()].join('\n');
    return { visible: input.alwaysVisible, text, tooltip, severity: null, background: null };
  }
  const { diagnosis } = worst.result;
  const waiting = input.waitingUntil !== null && mayStillActivate(diagnosis.cause.id);
  const prefix = input.sources.length > 1 ? `${worst.label}: ` : '';
  const short = causeShortText(diagnosis.cause.id, worst.result.tool);
  const text = waiting
    ? `$(watch) ${t('Mistral: waiting for the key to become active')}`
    : `${SEVERITY_ICON[diagnosis.cause.severity]} ${t('Mistral: {0}', `${prefix}${short}`)}`;

  const lines: string[] = [];
  for (const source of input.sources) {
    const { diagnosis: each } = source.result;
    lines.push(`**${escapeMarkdown(each.cause.title)}**`, '', escapeMarkdown(t('Key {0} ({1}), checked for {2}.', each.key.fingerprint, source.label, toolDisplayName(source.result.tool))), '');
  }
  if (input.nextCheckAt !== null) lines.push(escapeMarkdown(t('Next automatic check at {0}.', clockTime(input.nextCheckAt))), '');
  lines.push(commandLinks());
  const severity = diagnosis.cause.severity;
  const needsAttention = severity === 'error' || severity === 'warning';
  return {
    visible: input.alwaysVisible || severity !== 'ok' || waiting,
    text,
    tooltip: lines.join('\n'),
    severity,
    background: waiting ? null : needsAttention ? severity : null,
  };
}

function commandLinks(): string {
  const t = vscode.l10n.t;
  return [
    `[${t('Show diagnostics')}](command:${COMMANDS.showDiagnostics})`,
    `[${t('Check now')}](command:${COMMANDS.checkKey})`,
    `[${t('Set key')}](command:${COMMANDS.setKey})`,
  ].join(' · ');
}

function clockTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(vscode.env.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, '\\$&');
}
