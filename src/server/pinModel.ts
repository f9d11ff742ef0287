// The "pin the model" edit the extension asks for (PinModelRequest): the requested id written over
// every model id of the document that a model rule flagged and that has the same role (a chat model
// never lands on an autocomplete entry), where the tool reads it. The id must pass the strict
// grammar; a provider prefix the file writes (`mistral/` in aider) is kept.
import { t } from '../core/l10n';
import { isSafeModelId } from '../core/hostText';
import { bareModelId, roleOf } from '../core/models';
import type { PinModelResult } from '../shared/lspProtocol';
import { isModelCode } from '../shared/diagnosticCodes';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfigAnalysis } from './analyzeConfig';
import { documentEdit } from './codeActions';
import type { TextReplacement } from './rules/finding';
import type { EditCapabilities } from './workspaceEdits';

export function pinModelEdit(document: TextDocument, analysis: ConfigAnalysis, model: string, capabilities: EditCapabilities): PinModelResult {
  const id = bareModelId(model);
  if (!isSafeModelId(id)) {
    return { edit: null, pinned: 0, message: t('The model id was not written: it is not a plain model id (letters, digits, ".", "_", ":", "-").') };
  }
  const flagged = new Set(analysis.findings
    .filter((finding) => isModelCode(finding.code))
    .map((finding) => finding.span.start));
  const edits: TextReplacement[] = [];
  for (const entry of analysis.facts.entries) {
    if (!entry.model || !flagged.has(entry.model.span.start) || entry.model.value === id) continue;
    if (roleOf(bareModelId(entry.model.value)) !== roleOf(id)) continue;
    flagged.delete(entry.model.span.start);
    edits.push({ span: entry.model.inner, newText: id });
  }
  if (edits.length === 0) return { edit: null, pinned: 0, message: t('No model id in this file needs pinning.') };
  const edit = documentEdit(document, edits, capabilities);
  return edit ? { edit, pinned: edits.length, message: null } : { edit: null, pinned: 0, message: null };
}
