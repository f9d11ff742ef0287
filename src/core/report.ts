// Text forms of a Diagnosis: the CLI's human report, the Markdown support report, and the CLI's
// `--json` object. A Diagnosis holds only the key's fingerprint, so none of these can leak the key.
import { fixStepsFor } from './causes';
import {
  HOST_IDS,
  type Diagnosis, type FixStep, type HostId, type HostOutcome, type Severity, type ToolId,
} from './diagnosis';
import { HOST_NAMES, keyKindLabel, keyTypeLabel, modelStateLabel, outcomeLabel, severityLabel } from './labels';
import { t } from './l10n';
import type { CliJson } from './schemas';
import { toolDisplayName } from './tools';

export interface ReportOptions {
  /** ANSI colours; the CLI passes true only on a TTY without NO_COLOR. */
  color: boolean;
  /** The tool whose fix steps to show; generic steps when null or when the tool needs nothing different. */
  tool?: ToolId | null;
}

const ANSI = { reset: '\x1b[0m', bold: '\x1b[1m', dim: '\x1b[2m', red: '\x1b[31m', green: '\x1b[32m', yellow: '\x1b[33m', cyan: '\x1b[36m' };
type Style = keyof typeof ANSI;

const SYMBOL: Record<Severity, string> = { ok: '✔', info: 'ℹ', warning: '⚠', error: '✖' };
const SEVERITY_STYLE: Record<Severity, Style> = { ok: 'green', info: 'cyan', warning: 'yellow', error: 'red' };

export function renderReport(d: Diagnosis, options: ReportOptions): string {
  const paint = (style: Style, text: string) => (options.color ? `${ANSI[style]}${text}${ANSI.reset}` : text);
  const severity = d.cause.severity;
  const lines: string[] = [
    paint(SEVERITY_STYLE[severity], paint('bold', `${SYMBOL[severity]} ${severityLabel(severity)}: ${d.cause.title}`)),
    '',
    `${t('Key')}: ${d.key.fingerprint} · ${keyKindLabel(d.keyKind)}`,
    `${t('Key type')}: ${keyTypeLine(d)}`,
    `${t('Target')}: ${targetLabel(d)} · ${d.worksForTarget ? paint('green', t('works')) : paint('red', t('does not work'))}`,
  ];
  for (const finding of d.key.findings) lines.push(`  ${paint('yellow', '•')} ${finding.message}`);

  lines.push('', t('Hosts'));
  for (const id of HOST_IDS) lines.push(`  ${hostLine(id, d.hosts[id], paint)}`);

  const model = modelLine(d);
  if (model) lines.push('', `${t('Model')}: ${model}`);

  if (d.cause.explanation) lines.push('', d.cause.explanation);
  const steps = fixStepsFor(d.cause, options.tool);
  if (steps.length > 0) {
    const heading = options.tool && d.cause.fixByTool[options.tool] ? t('Fix ({0})', toolDisplayName(options.tool)) : t('Fix');
    lines.push('', paint('bold', heading));
    steps.forEach((step, index) => {
      lines.push(`  ${index + 1}. ${step.text}`);
      if (step.link) lines.push(`     ${paint('cyan', step.link.url)}`);
    });
  }
  lines.push('', paint('dim', t('Checked in {0} ms at {1}', Math.round(d.elapsedMs), d.checkedAt)));
  return lines.join('\n') + '\n';
}

function keyTypeLine(d: Diagnosis): string {
  return d.key.plan ? `${keyTypeLabel(d.key.type)} · ${t('plan {0}', d.key.plan)}` : keyTypeLabel(d.key.type);
}

function hostLine(id: HostId, host: HostOutcome, paint: (style: Style, text: string) => string): string {
  const name = HOST_NAMES[id].padEnd(22);
  if (!host.probed) return `${name}${paint('dim', t('not checked'))}`;
  const style: Style = host.outcome === 'accepted' ? 'green' : host.outcome === 'rejected' ? 'red' : 'yellow';
  const parts = [
    paint(style, outcomeLabel(host.outcome)),
    host.status !== null ? `HTTP ${host.status}` : host.detail ?? '',
    `${Math.round(host.latencyMs)} ms`,
    host.requestId ? t('request id {0}', host.requestId) : '',
  ];
  if (host.status !== null && host.detail) parts.push(paint('dim', host.detail));
  if (host.retryAfterSeconds !== null) parts.push(t('retry after {0} s', host.retryAfterSeconds));
  if (!isCanonical(id, host.url)) parts.push(paint('dim', host.url));
  return name + parts.filter((part) => part !== '').join(' · ');
}

function isCanonical(id: HostId, url: string): boolean {
  return url.replace(/\/+$/, '') === `https://${HOST_NAMES[id]}`;
}

function targetLabel(d: Diagnosis): string {
  return d.target === 'auto' ? t('either host') : HOST_NAMES[d.target];
}

function modelLine(d: Diagnosis): string | null {
  const { model } = d;
  if (!model.id) return null;
  const parts = [`${model.id} (${modelStateLabel(model.state)})`];
  if (model.resolvesTo) parts.push(t('resolves to {0}', model.resolvesTo));
  if (model.date) parts.push(model.date);
  // For a moving alias the pin policy's reason is about the preferred pin, an id the user may never have had.
  if (model.suggestion) parts.push(model.state === 'alias' ? t('Switch model to {0}', model.suggestion.id) : model.suggestion.title);
  return parts.join(' · ');
}

export interface SupportReportOptions {
  /** e.g. `{ "Mistral Key Doctor": "0.1.0", "VS Code": "1.100.0", "Node.js": "20.18.1" }`. */
  versions: Record<string, string>;
  tool?: ToolId | null;
}

/** Markdown to paste into a support ticket: verdict, hosts with request ids, versions, and only the fingerprint. */
export function renderSupportReport(d: Diagnosis, options: SupportReportOptions): string {
  const lines = [
    `## ${t('Mistral Key Doctor report')}`,
    '',
    `- ${t('Verdict')}: **${md(d.cause.title)}** (\`${d.cause.id}\`, ${d.cause.severity})`,
    `- ${t('Key')}: \`${md(d.key.fingerprint)}\` · ${md(keyKindLabel(d.keyKind))}${d.key.findings.length ? ` · ${t('findings')}: ${d.key.findings.map((f) => `\`${f.id}\``).join(', ')}` : ''}`,
    `- ${t('Key type')}: ${md(keyTypeLine(d))}`,
    `- ${t('Target')}: ${md(targetLabel(d))} · ${d.worksForTarget ? t('works') : t('does not work')}`,
  ];
  if (options.tool) lines.push(`- ${t('Tool')}: ${md(toolDisplayName(options.tool))}`);
  if (d.model.id) lines.push(`- ${t('Model')}: \`${md(d.model.id)}\` (${md(modelStateLabel(d.model.state))}${d.model.resolvesTo ? ` → \`${md(d.model.resolvesTo)}\`` : ''})`);
  lines.push(`- ${t('Checked at')}: ${d.checkedAt} (${Math.round(d.elapsedMs)} ms)`, '');
  lines.push(`| ${t('Host')} | ${t('Outcome')} | ${t('Status')} | ${t('Latency')} | ${t('Request id')} | ${t('Detail')} |`);
  lines.push('|---|---|---|---|---|---|');
  for (const id of HOST_IDS) {
    const host = d.hosts[id];
    const name = isCanonical(id, host.url) ? HOST_NAMES[id] : `${HOST_NAMES[id]} (${host.url})`;
    const cells = host.probed
      ? [name, host.outcome, host.status ?? '—', `${Math.round(host.latencyMs)} ms`, host.requestId ? `\`${host.requestId}\`` : '—', host.detail ?? '—']
      : [name, t('not checked'), '—', '—', '—', '—'];
    lines.push(`| ${cells.map((cell) => md(String(cell))).join(' | ')} |`);
  }
  const versions = Object.entries(options.versions);
  if (versions.length > 0) {
    lines.push('', `### ${t('Versions')}`, '');
    for (const [name, version] of versions) lines.push(`- ${md(name)}: ${md(version)}`);
  }
  return lines.join('\n') + '\n';
}

/** Keeps table cells and inline text from breaking the Markdown around them. */
function md(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/\|/g, '\\|');
}

/** The CLI's `--json` object; fix steps as text (with the link appended) for the diagnosis' tool (or `tool`), else the generic ones. */
export function toCliJson(d: Diagnosis, tool: ToolId | null = d.tool): CliJson {
  return {
    keyKind: d.keyKind,
    tool: d.tool,
    cause: {
      id: d.cause.id,
      severity: d.cause.severity,
      title: d.cause.title,
      explanation: d.cause.explanation,
      fix: fixStepsFor(d.cause, tool).map(stepText),
    },
    hosts: { api: cliHost(d.hosts.api), codestral: cliHost(d.hosts.codestral) },
    key: { fingerprint: d.key.fingerprint, findings: d.key.findings.map((f) => f.id), type: d.key.type, plan: d.key.plan },
    model: { id: d.model.id, state: d.model.state, resolvesTo: d.model.resolvesTo, suggested: d.model.suggested },
    elapsedMs: Math.round(d.elapsedMs),
  };
}

/** A host that was not asked (the key could not be sent) reads `checked: false`, with no outcome. */
function cliHost(host: HostOutcome): CliJson['hosts']['api'] {
  if (!host.probed) return { checked: false, outcome: null, status: null, latencyMs: 0, requestId: null };
  return { checked: true, outcome: host.outcome, status: host.status, latencyMs: Math.round(host.latencyMs), requestId: host.requestId };
}

function stepText(step: FixStep): string {
  return step.link ? `${step.text} ${step.link.url}` : step.text;
}
