// Findings → LSP diagnostics, and back (a code-action request names diagnostics, not findings).
import { DiagnosticSeverity, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span } from './configFacts';
import type { Finding } from './rules/finding';

export const DIAGNOSTIC_SOURCE = 'Mistral Key Doctor';

export function rangeOf(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

export function toDiagnostic(document: TextDocument, finding: Finding): Diagnostic {
  return {
    range: rangeOf(document, finding.span),
    severity: finding.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
    code: finding.code,
    ...(finding.href ? { codeDescription: { href: finding.href } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
  };
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character
    && a.end.line === b.end.line && a.end.character === b.end.character;
}

export function findingFor(document: TextDocument, findings: Finding[], diagnostic: Diagnostic): Finding | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  return findings.find((finding) => finding.code === diagnostic.code && sameRange(rangeOf(document, finding.span), diagnostic.range));
}
