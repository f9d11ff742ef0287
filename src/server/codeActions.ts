// Code actions for one document: each fix a quick fix with an edit in the shape the client supports
// and its diagnostic, the best one preferred (model pins carry their own sub-kind, so the extension
// can ask for them alone); plus "Check this key", which carries only the key's position and is
// offered only to a client that runs that command itself (the VS Code extension says so at start).
import { CodeActionKind, TextEdit, type CodeAction, type Diagnostic, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { inspectKey } from '../core/hygiene';
import { t } from '../core/l10n';
import { PIN_MODEL_CODE_ACTION_KIND } from '../shared/diagnosticCodes';
import { CHECK_KEY_IN_FILE_COMMAND, type CheckKeyInFileArgs } from '../shared/lspProtocol';
import type { ConfigAnalysis } from './analyzeConfig';
import type { MovedKey } from './moveKeyToEnv';
import { findingFor, rangeOf } from './lspDiagnostics';
import { literalKey } from './rules/keyRules';
import type { FixProposal, TextReplacement } from './rules/finding';
import { workspaceEdit, type EditCapabilities } from './workspaceEdits';

export interface CodeActionRequest {
  document: TextDocument;
  analysis: ConfigAnalysis;
  range: Range;
  diagnostics: Diagnostic[];
  /** `context.only` of the request: the kinds the client asked for, or undefined for all. */
  only?: string[];
  capabilities: EditCapabilities;
  /** Why no fix may write into this document's file (a symlink, outside the workspace), or null. */
  writeRefusal?: string | null;
  /** Commands the client runs itself: "Check this key" is offered only when it names that action's command. */
  clientCommands: ReadonlySet<string>;
  /** Builds the "move key to .env" edit (file system, git); null when the document is not a local file. */
  moveKeyToEnv: ((fix: Extract<FixProposal, { kind: 'move-key-to-env' }>) => Promise<MovedKey>) | null;
}

function wanted(kind: string, only: string[] | undefined): boolean {
  return !only || only.some((asked) => kind === asked || kind.startsWith(`${asked}.`));
}

export async function codeActionsFor(request: CodeActionRequest): Promise<CodeAction[]> {
  const { document, analysis, only } = request;
  const actions: CodeAction[] = [];
  for (const diagnostic of request.diagnostics) {
    const finding = findingFor(document, analysis.findings, diagnostic);
    for (const fix of finding?.fixes ?? []) {
      const kind = fix.kind === 'edit' && fix.pinsModel ? PIN_MODEL_CODE_ACTION_KIND : CodeActionKind.QuickFix;
      if (!wanted(kind, only)) continue;
      const action = { kind, diagnostics: [diagnostic], isPreferred: fix.preferred };
      if (request.writeRefusal) {
        if (request.capabilities.disabledActions) actions.push({ ...action, isPreferred: false, title: fixTitle(fix), disabled: { reason: request.writeRefusal } });
        continue;
      }
      if (fix.kind === 'edit') {
        const edit = documentEdit(document, fix.edits, request.capabilities);
        if (edit) actions.push({ ...action, title: fix.title, edit });
        continue;
      }
      const moved = await request.moveKeyToEnv?.(fix);
      if (moved?.ok) actions.push({ ...action, title: moveTitle(moved.reference), edit: moved.edit });
      else if (moved?.reason && request.capabilities.disabledActions) {
        actions.push({ ...action, isPreferred: false, title: t('Move the key to .env'), disabled: { reason: moved.reason } });
      }
    }
  }
  if (wanted(CodeActionKind.QuickFix, only) && request.clientCommands.has(CHECK_KEY_IN_FILE_COMMAND)) {
    actions.push(...checkKeyActions(document, analysis, request.range));
  }
  return actions;
}

function fixTitle(fix: FixProposal): string {
  return fix.kind === 'edit' ? fix.title : t('Move the key to .env');
}

export function moveTitle(reference: string): string {
  return t('Move the key to .env and reference it as {0}', reference);
}

export function documentEdit(document: TextDocument, edits: TextReplacement[], capabilities: EditCapabilities) {
  const textEdits = edits.map((edit) => TextEdit.replace(rangeOf(document, edit.span), edit.newText));
  return workspaceEdit([{ uri: document.uri, version: document.version, edits: textEdits }], capabilities);
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
