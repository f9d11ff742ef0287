// "Pin the Mistral model" changes the model where the tool reads it: in the tool's config file
// through the language server's quick fix (the file open, or opened from where the tools table
// says it lives), or, for tools that keep the model in their own UI, by copying the id and naming
// the setting. It never writes a setting that no tool reads. The check then runs with the new id.
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ToolId } from '../../core/diagnosis';
import { rowFor, toolDisplayName } from '../../core/catalogue';
import { checkWriteTarget, toolConfigFolders } from '../../core/writeTarget';
import type { Log } from '../log';
import type { Prompts } from '../prompts';
import { isModelDiagnostic } from '../../shared/diagnosticCodes';

const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,99}$/;
const DIAGNOSTICS_WAIT_MS = 8_000;

export type PinOutcome =
  | { kind: 'edited'; uri: vscode.Uri; model: string; title: string }
  | { kind: 'copied'; model: string; setting: string }
  | { kind: 'nothing' };

export interface PinDeps {
  log: Log;
  prompts: Prompts;
}

export async function pinModel(deps: PinDeps, tool: ToolId, suggested: string | null): Promise<PinOutcome> {
  const t = vscode.l10n.t;
  const { row } = rowFor(tool);
  const store = row.modelStore;
  const edited = await applyConfigQuickFix(deps, tool);
  if (edited) {
    void deps.prompts.info(t('{0} in {1}. Save the file to keep it.', edited.title, vscode.workspace.asRelativePath(edited.uri)));
    return edited;
  }
  if (suggested && store.kind === 'ui') {
    await vscode.env.clipboard.writeText(suggested);
    deps.log.info(`Copied the model id ${suggested} for ${row.name} (${store.setting}).`);
    void deps.prompts.info(t('Copied {0}. {1} keeps its model in its own settings: paste it into {2}.', suggested, toolDisplayName(tool), store.setting));
    return { kind: 'copied', model: suggested, setting: store.setting };
  }
  if (store.kind === 'file') {
    void deps.prompts.info(t('No model line to pin in {0}: open the file where {1} names its model ({2}) and run "Pin the Mistral model" again.', store.path, toolDisplayName(tool), store.field));
  } else {
    void deps.prompts.info(t('No model to pin: run "Check Mistral key" with the model your tool uses, or open the tool\'s config file.'));
  }
  return { kind: 'nothing' };
}

async function applyConfigQuickFix(deps: PinDeps, tool: ToolId): Promise<Extract<PinOutcome, { kind: 'edited' }> | null> {
  let targets = modelDiagnostics();
  if (targets.length === 0) {
    const file = knownModelFile(tool);
    if (file) targets = await openAndWaitForDiagnostics(file);
  }
  for (const [uri, diagnostic] of targets) {
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>(
      'vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value,
    );
    const fix = actions?.find((action) => action.isPreferred && action.edit);
    const model = fix?.edit ? writtenModel(fix.edit) : null;
    if (!fix?.edit || !model) continue;
    const refusal = await writeRefusal(fix.edit);
    if (refusal) {
      deps.log.info(refusal);
      void deps.prompts.info(refusal);
      continue;
    }
    if (!(await vscode.workspace.applyEdit(fix.edit))) continue;
    // Shown, not saved: the user sees the change in its file and saves it.
    await vscode.window.showTextDocument(uri, { preview: false });
    deps.log.info(`Applied the quick fix "${fix.title}" in ${vscode.workspace.asRelativePath(uri)}.`);
    return { kind: 'edited', uri, model, title: fix.title };
  }
  return null;
}

/** Why the edit may not be applied: a file it changes is a symlink or lies outside the workspace and the tools' folders. */
export async function writeRefusal(edit: vscode.WorkspaceEdit, folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath)): Promise<string | null> {
  const roots = [...folders, ...toolConfigFolders()];
  for (const [uri] of edit.entries()) {
    if (uri.scheme !== 'file') continue;
    const target = await checkWriteTarget(uri.fsPath, roots);
    if (!target.ok) return target.reason;
  }
  return null;
}

/** The model id an edit writes (its first replacement, quotes removed), when it is a plain id. */
export function writtenModel(edit: vscode.WorkspaceEdit): string | null {
  for (const [, edits] of edit.entries()) {
    for (const change of edits) {
      const text = change.newText.trim().replace(/^["']|["']$/g, '');
      if (MODEL_ID.test(text)) return text;
    }
  }
  return null;
}

function modelDiagnostics(): [vscode.Uri, vscode.Diagnostic][] {
  return vscode.languages.getDiagnostics().flatMap(([uri, diagnostics]) => diagnostics.filter(isModelDiagnostic).map((diagnostic) => [uri, diagnostic] as [vscode.Uri, vscode.Diagnostic]));
}

/** The tool's model file: in a workspace folder when there, else under the home folder. */
export function knownModelFile(tool: ToolId, home = os.homedir(), folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath)): string[] {
  const store = rowFor(tool).row.modelStore;
  if (store.kind !== 'file') return [];
  const file = store.path;
  if (file.startsWith('~/')) {
    const relative = file.slice(2);
    return [...folders.map((folder) => path.join(folder, relative)), path.join(home, relative)];
  }
  return folders.map((folder) => path.join(folder, file));
}

async function openAndWaitForDiagnostics(files: string[]): Promise<[vscode.Uri, vscode.Diagnostic][]> {
  for (const file of files) {
    const uri = vscode.Uri.file(file);
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      continue;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: false });
    const found = await new Promise<[vscode.Uri, vscode.Diagnostic][]>((resolve) => {
      const done = (value: [vscode.Uri, vscode.Diagnostic][]) => {
        clearTimeout(timer);
        listener.dispose();
        resolve(value);
      };
      const forFile = () => vscode.languages.getDiagnostics(uri).filter(isModelDiagnostic).map((diagnostic) => [uri, diagnostic] as [vscode.Uri, vscode.Diagnostic]);
      const listener = vscode.languages.onDidChangeDiagnostics(() => {
        const now = forFile();
        if (now.length > 0) done(now);
      });
      const timer = setTimeout(() => done(forFile()), DIAGNOSTICS_WAIT_MS);
      const already = forFile();
      if (already.length > 0) done(already);
    });
    if (found.length > 0) return found;
  }
  return [];
}
