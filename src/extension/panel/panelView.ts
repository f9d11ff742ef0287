// Turns the last CheckResult into the panel's view model: every string localised here, so the
// webview only lays text out. The answer comes first (works or not for the tool, why, what to do);
// the key's type and plan, each host's answer and the URLs the check used come after.
import * as vscode from 'vscode';
import { HOST_IDS, TOOL_IDS, type Diagnosis, type FixStep, type HostOutcome, type ToolId } from '../../core/diagnosis';
import { keyKindLabel, keyTypeLabel, modelStateLabel, outcomeLabel, severityLabel } from '../../core/labels';
import { DEFAULT_CONSOLE_URL } from '../../core/hosts';
import { isAllowedLink } from '../../core/links';
import { toolDisplayName } from '../../core/catalogue';
import type { PanelHostRow, PanelLabels, PanelResult, PanelView } from '../../shared/webviewProtocol';
import { hostsUsedByTool, type CheckResult } from '../check/checkResult';

export interface PanelState {
  tool: ToolId;
  detection: string | null;
  settingsNotes: string[];
  checking: boolean;
  result: CheckResult | null;
  nextCheckAt: number | null;
}

/** Causes where the hosts gave no verdict: the tool may or may not work. */
const NO_VERDICT = new Set(['host-unreachable', 'tls-intercepted', 'service-error', 'unexpected-response']);
/** Causes where the key is valid but the tool cannot use it now. */
const KEY_VALID_BUT_BLOCKED = new Set(['rate-limited', 'payment-required', 'forbidden']);

export function buildPanelView(state: PanelState): PanelView {
  return {
    labels: panelLabels(),
    tools: TOOL_IDS.map((id) => ({ id, label: toolDisplayName(id) })),
    tool: state.tool,
    detection: state.detection,
    settingsNotes: state.settingsNotes.slice(0, 10),
    checking: state.checking,
    result: state.result ? describeResult(state.result, state.tool) : null,
    nextCheckAt: state.nextCheckAt,
  };
}

function panelLabels(): PanelLabels {
  const t = vscode.l10n.t;
  return {
    emptyTitle: t('No key checked yet'),
    emptyBody: t('Store your key with "Set Mistral API key", then run "Check Mistral key". The check asks both Mistral hosts whether they accept it.'),
    hostsHeading: t('What each host answered'),
    hostColumn: t('Host'),
    outcomeColumn: t('Outcome'),
    statusColumn: t('HTTP status'),
    latencyColumn: t('Time'),
    requestIdColumn: t('Request id'),
    causeHeading: t('Cause'),
    fixHeading: t('How to fix it'),
    toolLabel: t('Your tool'),
    detailsHeading: t('Details'),
    keyTypeLabel: t('Key type'),
    planLabel: t('Plan'),
    urlsHeading: t('URLs this check used'),
    findingsHeading: t('What the key looked like'),
    modelHeading: t('Model'),
    recheck: t('Re-check'),
    setKey: t('Set a new key'),
    copyReport: t('Copy support report'),
    pinModel: t('Pin the model'),
    checking: t('Checking…'),
    nextCheckIn: t('Next automatic check in {0}.'),
    settingsHeading: t('Settings'),
  };
}

/** `tool` is the tool in use now: the result's host is that tool's host (a change of host re-checks). */
function describeResult(result: CheckResult, tool: ToolId): PanelResult {
  const { diagnosis } = result;
  const steps = diagnosis.cause.fixByTool[tool] ?? diagnosis.cause.fix;
  const fixSteps = steps.map(safeStep);
  const consoleLink = fixSteps.find((step) => step.link?.url.startsWith(DEFAULT_CONSOLE_URL))?.link ?? null;
  const used = hostsUsedByTool(result.toolHost);
  return {
    severity: diagnosis.cause.severity,
    severityLabel: severityLabel(diagnosis.cause.severity),
    verdict: verdictSentence(diagnosis, tool),
    causeTitle: diagnosis.cause.title,
    causeExplanation: diagnosis.cause.explanation,
    // The cause's own link is a button already: the steps keep theirs only when it is another page.
    fixSteps: fixSteps.map((step) => (step.link && consoleLink && step.link.url === consoleLink.url ? { text: step.text } : step)),
    keyLine: vscode.l10n.t('Key {0} from {1}, checked at {2} in {3} ms.',
      diagnosis.key.fingerprint, result.sourceLabel, new Date(diagnosis.checkedAt).toLocaleTimeString(vscode.env.language), String(Math.round(diagnosis.elapsedMs))),
    keyKindLine: keyKindLabel(diagnosis.keyKind),
    keyType: keyTypeLabel(diagnosis.key.type),
    plan: diagnosis.key.plan ?? vscode.l10n.t('unknown'),
    hosts: HOST_IDS.map((id) => hostRow(id, diagnosis.hosts[id], used.includes(id))),
    findings: diagnosis.key.findings.map((finding) => finding.message),
    modelLine: modelLine(diagnosis),
    consoleLink,
    pinTitle: diagnosis.model.suggestion?.title ?? null,
  };
}

/** The headline: what the user's tool will hit, from the cause (not from a status code). */
export function verdictSentence(diagnosis: Diagnosis, tool: ToolId): string {
  const t = vscode.l10n.t;
  const name = toolDisplayName(tool);
  const { cause } = diagnosis;
  if (cause.id === 'ok') return t('It works for {0}.', name);
  if (NO_VERDICT.has(cause.id)) return t('Could not tell whether it works for {0}.', name);
  if (KEY_VALID_BUT_BLOCKED.has(cause.id)) return t('The key is valid, but {0} cannot use it right now.', name);
  if (cause.severity === 'info' && diagnosis.worksForTarget) return t('It works for {0}, with a note.', name);
  return t('It does not work for {0}.', name);
}

/** Links the panel may not open are shown as text only. */
function safeStep(step: FixStep): FixStep {
  return step.link && isAllowedLink(step.link.url) ? { text: step.text, link: step.link } : { text: step.text };
}

function hostRow(id: 'api' | 'codestral', host: HostOutcome, usedByTool: boolean): PanelHostRow {
  const dash = '—';
  return {
    id,
    name: id === 'api' ? vscode.l10n.t('General API') : vscode.l10n.t('Codestral endpoint'),
    url: host.url,
    outcome: host.outcome,
    outcomeLabel: host.probed ? outcomeLabel(host.outcome) : vscode.l10n.t('not checked'),
    status: host.status === null ? dash : String(host.status),
    latency: host.probed ? vscode.l10n.t('{0} ms', String(Math.round(host.latencyMs))) : dash,
    requestId: host.requestId ?? dash,
    usedByTool,
  };
}

function modelLine(diagnosis: Diagnosis): string | null {
  const { model } = diagnosis;
  if (model.id === null) return null;
  const state = modelStateLabel(model.state);
  const base = model.resolvesTo && model.resolvesTo !== model.id
    ? vscode.l10n.t('{0}: {1}, currently {2}.', model.id, state, model.resolvesTo)
    : vscode.l10n.t('{0}: {1}.', model.id, state);
  return model.date ? `${base} ${vscode.l10n.t('Date: {0}.', model.date)}` : base;
}
