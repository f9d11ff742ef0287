// Findings → LSP diagnostics, and back: a code-action request names diagnostics, which are matched
// to findings by source, code and line (clients may send columns in other units, e.g. bytes), then
// by the finding's start offset carried in `data` when several share a line.
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DIAGNOSTIC_SOURCE } from '../shared/diagnosticCodes';
import type { Span } from './configFacts';
import type { Finding, FindingSeverity } from './rules/finding';

const SEVERITIES: Record<FindingSeverity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

export function rangeOf(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  return {
    range: rangeOf(document, finding.span),
    severity: SEVERITIES[finding.severity],
    code: finding.code,
    ...(finding.href ? { codeDescription: { href: finding.href } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data: { start: finding.span.start },
  };
}

function startOffsetIn(diagnostic: Diagnostic): number | null {
  const data = diagnostic.data as { start?: unknown } | undefined;
  return typeof data?.start === 'number' ? data.start : null;
}

export function findingFor(document: TextDocument, findings: Finding[], diagnostic: Diagnostic): Finding | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const line = diagnostic.range.start.line;
  const candidates = findings.filter((finding) => finding.code === diagnostic.code && document.positionAt(finding.span.start).line === line);
  const start = startOffsetIn(diagnostic);
  return candidates.find((finding) => finding.span.start === start) ?? candidates[0];
}
