// Code actions for one document: each fix a quick fix with a versioned edit and its diagnostic, the
// best one preferred; plus "Check this key", which carries only the key's position.
import { CodeActionKind, TextDocumentEdit, TextEdit, type CodeAction, type Diagnostic, type Range, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { inspectKey } from '../core/hygiene';
import { t } from '../core/l10n';
import { CHECK_KEY_IN_FILE_COMMAND, type CheckKeyInFileArgs } from '../shared/lspProtocol';
import type { ConfigAnalysis } from './analyzeConfig';
import type { MovedKey } from './moveKeyToEnv';
import { findingFor, rangeOf } from './lspDiagnostics';
import { literalKey } from './rules/keyRules';
import type { FixProposal } from './rules/finding';

export interface CodeActionRequest {
  document: TextDocument;
  analysis: ConfigAnalysis;
  range: Range;
  diagnostics: Diagnostic[];
  /** Builds the "move key to .env" edit (file system, git); null when the client cannot apply it. */
  moveKeyToEnv: ((fix: Extract<FixProposal, { kind: 'move-key-to-env' }>) => Promise<MovedKey>) | null;
}

export async function codeActionsFor(request: CodeActionRequest): Promise<CodeAction[]> {
  const { document, analysis } = request;
  const actions: CodeAction[] = [];
  for (const diagnostic of request.diagnostics) {
    const finding = findingFor(document, analysis.findings, diagnostic);
    for (const fix of finding?.fixes ?? []) {
      const action = { kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred };
      if (fix.kind === 'edit') {
        actions.push({ ...action, title: fix.title, edit: versionedEdit(document, fix.edits) });
        continue;
      }
      const moved = await request.moveKeyToEnv?.(fix);
      if (moved) actions.push({ ...action, title: moveTitle(moved.reference), edit: moved.edit });
    }
  }
  actions.push(...checkKeyActions(document, analysis, request.range));
  return actions;
}

export function moveTitle(reference: string): string {
  return t('Move the key to .env and reference it as {0}', reference);
}

function versionedEdit(document: TextDocument, edits: { span: { start: number; end: number }; newText: string }[]): WorkspaceEdit {
  const textEdits = edits.map((edit) => TextEdit.replace(rangeOf(document, edit.span), edit.newText));
  return { documentChanges: [TextDocumentEdit.create({ uri: document.uri, version: document.version }, textEdits)] };
}

/** The key's line is enough: editors ask for actions at the cursor, often before the value. */
function onSameLines(a: Range, b: Range): boolean {
  return a.start.line <= b.end.line && b.start.line <= a.end.line;
}

function checkKeyActions(document: TextDocument, analysis: ConfigAnalysis, range: Range): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const entry of analysis.facts.entries) {
    const key = literalKey(entry);
    if (!key) continue;
    const keyRange = rangeOf(document, key.span);
    if (!onSameLines(keyRange, range)) continue;
    const args: CheckKeyInFileArgs = { uri: document.uri, line: keyRange.start.line, character: keyRange.start.character };
    const title = t('Check this key ({0}) with Mistral', inspectKey(key.value).report.fingerprint);
    actions.push({ title, kind: CodeActionKind.QuickFix, command: { title, command: CHECK_KEY_IN_FILE_COMMAND, arguments: [args] } });
  }
  return actions;
}
