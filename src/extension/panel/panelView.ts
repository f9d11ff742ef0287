// Turns the last CheckResult into the panel's view model: every string localised here, so the
// webview only lays text out. The answer comes first (works or not for the tool, why, what to do);
// the key's type and plan, each host's answer and the URLs the check used come after.
import * as vscode from 'vscode';
import { HOST_IDS, TOOL_IDS, type Diagnosis, type FixStep, type HostOutcome, type ToolId } from '../../core/diagnosis';
import { HOST_NAMES, keyKindLabel, keyTypeLabel, modelStateLabel, outcomeLabel, severityLabel } from '../../core/labels';
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
    adviceHeading: t('Worth doing'),
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
    verdict: diagnosis.headline,
    causeTitle: diagnosis.cause.title,
    causeExplanation: diagnosis.cause.explanation,
    // The cause's own link is a button already: the steps keep theirs only when it is another page.
    fixSteps: fixSteps.map((step) => (step.link && consoleLink && step.link.url === consoleLink.url ? { text: step.text } : step)),
    keyLine: vscode.l10n.t('Key {0} from {1}, checked at {2} in {3} ms.',
      diagnosis.key.fingerprint, result.sourceLabel, new Date(diagnosis.checkedAt).toLocaleTimeString(vscode.env.language), String(Math.round(diagnosis.elapsedMs))),
    keyKindLine: vscode.l10n.t('What the hosts said: {0}.', keyKindLabel(diagnosis.keyKind)),
    // An unknown type or plan is no finding: it is left out rather than shown as "unknown".
    keyType: diagnosis.key.type === 'unknown' ? null : keyTypeLabel(diagnosis.key.type),
    plan: diagnosis.key.plan,
    hosts: HOST_IDS.map((id) => hostRow(id, diagnosis.hosts[id], used.includes(id))),
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

function hostRow(id: 'api' | 'codestral', host: HostOutcome, usedByTool: boolean): PanelHostRow {
  const dash = '—';
  return {
    id,
    name: HOST_NAMES[id],
    url: host.url,
    outcome: host.outcome,
    outcomeLabel: host.probed ? hostOutcomeWords(host) : vscode.l10n.t('not checked'),
    status: host.status === null ? dash : String(host.status),
    latency: host.probed ? vscode.l10n.t('{0} ms', String(Math.round(host.latencyMs))) : dash,
    requestId: host.requestId ?? dash,
    usedByTool,
  };
}

/** "accepted" beside a 402 reads as a contradiction: the key passed, the call did not. */
function hostOutcomeWords(host: HostOutcome): string {
  if (host.outcome === 'accepted' && host.status === 402) return vscode.l10n.t('key valid, billing not set up');
  if (host.outcome === 'model-error') return vscode.l10n.t('key valid, model refused');
  return outcomeLabel(host.outcome);
}

function modelLine(diagnosis: Diagnosis): string | null {
  const { model } = diagnosis;
  if (model.id === null) return null;
  const state = modelStateLabel(model.state);
  const base = model.resolvesTo && model.resolvesTo !== model.id
    ? vscode.l10n.t('{0}: {1}, currently {2}.', model.id, state, model.resolvesTo)
    : vscode.l10n.t('{0}: {1}.', model.id, state);
  const dateSaid = diagnosis.cause.id === 'model-unavailable' || (model.suggestion?.title.includes(model.date ?? '\0') ?? false);
  return model.date && !dateSaid ? `${base} ${vscode.l10n.t('Date: {0}.', model.date)}` : base;
}
