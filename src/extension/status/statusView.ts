// The status item, the one builder: a pure function of the keys and their diagnoses (the key last
// checked here and the watched ones). The item shows a few words for the worst key ("Mistral 401 ·
// Cline"), never wider than STATUS_MAX_WIDTH columns in any language; the tooltip tells each key's
// story once (its headline and cause, where it comes from, whether the verdict is stale) and links
// to the fix. The severity comes from the cause, never from a status code.
import * as vscode from 'vscode';
import { mayStillActivate } from '../../core/activation';
import { causeMeaning } from '../../core/causeMeaning';
import type { Severity } from '../../core/diagnosis';
import { toolDisplayName } from '../../core/catalogue';
import { COMMANDS } from '../../shared/commands';
import { fixActionFor } from './fixAction';
import { worstKey, type KeyStatus } from './keyStatus';

export interface StatusInput {
  keys: readonly KeyStatus[];
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
  /** A codicon and a few words, e.g. `$(error) Mistral 401 · Cline`. */
  text: string;
  /** The words alone, for screen readers and the menu's placeholder. */
  words: string;
  /** Markdown; its command links are the only commands it may run (see TOOLTIP_COMMANDS). */
  tooltip: string;
  severity: Severity | null;
  /** The theme background: errors and warnings only. */
  background: 'error' | 'warning' | null;
  checking: boolean;
  /** The key the item speaks for. */
  worst: KeyStatus | null;
}

export const TOOLTIP_COMMANDS = [COMMANDS.showDiagnostics, COMMANDS.checkKey, COMMANDS.setKey, COMMANDS.pinModel, COMMANDS.statusMenu];

/** Columns: beyond this the item pushes VS Code's own items (Ln/Col, Spaces) out of an 800 px window. */
export const STATUS_MAX_WIDTH = 25;

export const SEVERITY_ICON: Readonly<Record<Severity, string>> = { ok: '$(check)', info: '$(info)', warning: '$(warning)', error: '$(error)' };

export function describeStatus(input: StatusInput): StatusView {
  const t = vscode.l10n.t;
  const checking = input.keys.some((key) => key.checking);
  const worst = worstKey(input.keys);
  const base = { checking, worst };
  if (checking) {
    const words = t('Mistral: checking');
    return { ...base, visible: true, text: `$(sync~spin) ${words}`, words, tooltip: tooltipOf(input, worst, t('Asking the Mistral hosts whether they accept the key…')), severity: null, background: null };
  }
  if (!worst) {
    const words = input.keyStored ? t('Mistral: key not checked') : t('Mistral: set a key');
    const note = input.keyStored ? t('A key is stored but has not been checked in this window.') : t('No Mistral key is stored in VS Code.');
    return { ...base, visible: input.alwaysVisible, text: `${input.keyStored ? '$(circle-large-outline)' : '$(key)'} ${words}`, words, tooltip: tooltipOf(input, null, note), severity: null, background: null };
  }
  const diagnosis = worst.diagnosis!;
  const severity = diagnosis.cause.severity;
  const waiting = input.waitingUntil !== null && worst.sourceId === 'last' && mayStillActivate(diagnosis.cause.id);
  const words = waiting ? t('Mistral: waiting') : statusWords(worst);
  const needsAttention = severity === 'error' || severity === 'warning';
  return {
    ...base,
    visible: input.alwaysVisible || severity !== 'ok' || waiting,
    text: `${waiting ? '$(watch)' : SEVERITY_ICON[severity]} ${words}`,
    words,
    tooltip: tooltipOf(input, worst, null),
    severity,
    background: waiting || !needsAttention ? null : severity,
  };
}

/** "Mistral 401 · Cline": the cause's words, with the tool's name where it fits. */
export function statusWords(key: KeyStatus): string {
  const t = vscode.l10n.t;
  const short = causeMeaning(key.diagnosis!.cause.id).short();
  const words = short ? t('Mistral {0}', short) : 'Mistral';
  if (key.tool === 'other') return words;
  const withTool = t('{0} · {1}', words, toolDisplayName(key.tool));
  return displayWidth(withTool) <= STATUS_MAX_WIDTH ? withTool : words;
}

/** Columns on screen: CJK and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += WIDE.test(char) ? 2 : 1;
  return width;
}
const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

function tooltipOf(input: StatusInput, worst: KeyStatus | null, note: string | null): string {
  const t = vscode.l10n.t;
  const lines: string[] = [];
  if (note) lines.push(escapeMarkdown(note), '');
  for (const key of input.keys) lines.push(...keyLines(key), '');
  if (input.nextCheckAt !== null) lines.push(escapeMarkdown(t('Next automatic check at {0}.', clockTime(input.nextCheckAt))), '');
  const fix = worst ? fixLink(worst) : null;
  const links = [
    ...(fix ? [fix] : []),
    `[${escapeMarkdown(t('Check now'))}](command:${COMMANDS.checkKey})`,
    `[${escapeMarkdown(t('Show diagnostics'))}](command:${COMMANDS.showDiagnostics})`,
    `[${escapeMarkdown(t('More…'))}](command:${COMMANDS.statusMenu})`,
  ];
  lines.push(links.join(' · '));
  return lines.join('\n');
}

/** The fix as a link: a page opens directly; a command only when the tooltip may run it. */
function fixLink(key: KeyStatus): string | null {
  const fix = fixActionFor(key);
  if (!fix) return null;
  if (fix.url) return `[${escapeMarkdown(fix.label)}](${fix.url})`;
  return (TOOLTIP_COMMANDS as readonly string[]).includes(fix.command) ? `[${escapeMarkdown(fix.label)}](command:${fix.command})` : null;
}

/** One key's story: icon, whose key, the headline and the cause, where it is; a stale verdict says so. */
function keyLines(key: KeyStatus): string[] {
  const t = vscode.l10n.t;
  const { diagnosis } = key;
  if (!diagnosis) {
    return [`$(circle-outline) **${escapeMarkdown(key.owner)}**: ${escapeMarkdown(key.checking ? t('checking…') : t('not checked yet'))}`, '', escapeMarkdown(key.place)];
  }
  const cause = causeMeaning(diagnosis.cause.id).verdict === 'works' ? '' : ` ${escapeMarkdown(diagnosis.cause.title)}.`;
  const stale = key.checking ? t('Last verdict; checking again.') : key.stale ? t('Last verdict; it may no longer hold.') : null;
  const head = `${SEVERITY_ICON[diagnosis.cause.severity]} **${escapeMarkdown(key.owner)}**: ${escapeMarkdown(diagnosis.headline)}${cause}`;
  return [stale ? `${head} *${escapeMarkdown(stale)}*` : head, '', escapeMarkdown(key.place)];
}

function clockTime(epochMs: number): string {
  return new Date(epochMs).toLocaleTimeString(vscode.env.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#]/g, '\\$&');
}
