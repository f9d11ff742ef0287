// Turns the last CheckResult into the panel's view model: every string localised here, so the
// webview only lays text out. The verdict comes from the Diagnosis as is.
import * as vscode from 'vscode';
import { HOST_IDS, TOOL_IDS, type Diagnosis, type FixStep, type HostOutcome, type KeyKind, type ToolId } from '../core/diagnosis';
import { modelStateLabel, outcomeLabel } from '../core/labels';
import { isAllowedLink } from '../core/links';
import { toolDisplayName } from '../core/tools';
import type { PanelHostRow, PanelLabels, PanelResult, PanelView } from '../shared/webviewProtocol';
import { hostsUsedByTool, type CheckResult } from './checkResult';
import { hostName } from './statusView';

export interface PanelState {
  tool: ToolId;
  checking: boolean;
  result: CheckResult | null;
  nextCheckAt: number | null;
}

export function buildPanelView(state: PanelState): PanelView {
  return {
    labels: panelLabels(),
    tools: TOOL_IDS.map((id) => ({ id, label: toolDisplayName(id) })),
    tool: state.tool,
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
    causeHeading: t('Likely cause'),
    fixHeading: t('How to fix it'),
    toolLabel: t('Your tool'),
    findingsHeading: t('What the key looked like'),
    modelHeading: t('Model'),
    recheck: t('Re-check'),
    setKey: t('Set a new key'),
    copyReport: t('Copy support report'),
    pinModel: t('Pin the model'),
    checking: t('Checking…'),
    nextCheckIn: t('The new key may take a few minutes to become active. Next automatic check in {0}.'),
  };
}

function describeResult(result: CheckResult, tool: ToolId): PanelResult {
  const { diagnosis } = result;
  const steps = diagnosis.cause.fixByTool[tool] ?? diagnosis.cause.fix;
  const fixSteps = steps.map(safeStep);
  const consoleLink = fixSteps.find((step) => step.link?.url.startsWith('https://console.mistral.ai'))?.link
    ?? fixSteps.find((step) => step.link)?.link
    ?? null;
  const used = hostsUsedByTool(result.toolHost);
  return {
    severity: diagnosis.cause.severity,
    headline: keyKindHeadline(diagnosis.keyKind),
    toolLine: toolLine(diagnosis, tool),
    keyLine: vscode.l10n.t('Key {0} from {1}, checked at {2} in {3} ms.',
      diagnosis.key.fingerprint, result.sourceLabel, new Date(diagnosis.checkedAt).toLocaleTimeString(vscode.env.language), String(Math.round(diagnosis.elapsedMs))),
    hosts: HOST_IDS.map((id) => hostRow(id, diagnosis.hosts[id], used.includes(id))),
    causeTitle: diagnosis.cause.title,
    causeExplanation: diagnosis.cause.explanation,
    fixSteps,
    findings: diagnosis.key.findings.map((finding) => finding.message),
    modelLine: modelLine(diagnosis),
    consoleLink,
    pinTitle: diagnosis.model.suggestion?.title ?? null,
  };
}

/** Links the panel may not open are shown as text only. */
function safeStep(step: FixStep): FixStep {
  return step.link && isAllowedLink(step.link.url) ? { text: step.text, link: step.link } : { text: step.text };
}

function keyKindHeadline(kind: KeyKind): string {
  switch (kind) {
    case 'console': return vscode.l10n.t('General API key (accepted by api.mistral.ai only)');
    case 'codestral': return vscode.l10n.t('Codestral key (accepted by codestral.mistral.ai only)');
    case 'both': return vscode.l10n.t('Key accepted by both Mistral hosts');
    case 'rejected': return vscode.l10n.t('No Mistral host accepts this key');
    case 'unknown': return vscode.l10n.t('No verdict: the hosts did not say whether they accept the key');
  }
}

function toolLine(diagnosis: Diagnosis, tool: ToolId): string {
  const name = toolDisplayName(tool);
  if (diagnosis.keyKind === 'unknown') return vscode.l10n.t('Could not tell whether it works for {0}.', name);
  if (!diagnosis.worksForTarget) return vscode.l10n.t('It does not work for {0}.', name);
  return diagnosis.cause.severity === 'ok'
    ? vscode.l10n.t('It works for {0}.', name)
    : vscode.l10n.t('It works for {0}, but see the advice below.', name);
}

function hostRow(id: 'api' | 'codestral', host: HostOutcome, usedByTool: boolean): PanelHostRow {
  const dash = '—';
  return {
    id,
    name: id === 'api' ? vscode.l10n.t('General API') : vscode.l10n.t('Codestral endpoint'),
    url: hostName(host.url),
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
