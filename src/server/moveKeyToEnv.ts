// The "move the key to .env" fix for Continue YAML configs: the key goes to `.continue/.env` (which
// Continue reads for `${{ secrets.NAME }}`), the config references it, and `.env` is added to
// `.gitignore` when git would not ignore it. It refuses when git tracks that `.env` (the key would
// be committed), when git may not run (untrusted workspace), or when a file it would write is a
// symlink or lies outside the workspace and the tools' config folders, saying which file it is about.
// A file open in the editor is edited at the version read; a file on disk gets its line at the
// start, where a change made before the edit is applied cannot split a line.
import fs from 'node:fs/promises';
import { workspaceConfigFolder } from '../core/catalogue';
import { MISTRAL_KEY_VARIABLE } from '../core/catalogue/keyVariables';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { t } from '../core/l10n';
import { checkWriteTarget, toolConfigFolders } from '../core/writeTarget';
import type { TextValue } from './configFacts';
import { readDotenvAssignments } from './formats/dotenvFile';
import { inFlowCollection, parseYaml } from './formats/yamlSource';
import type { GitStatus } from '../shared/gitStatus';
import { workspaceEdit, type EditCapabilities, type FileEdit } from './workspaceEdits';
import type { WorkspaceEdit } from 'vscode-languageserver';

const BASE_NAME = MISTRAL_KEY_VARIABLE;

/** The current text (and version, when open in the editor) of another file. */
export type OpenDocumentLookup = (uri: string) => TextDocument | undefined;

interface FileState {
  uri: string;
  text: string | null;
  version: number | null;
}

async function fileState(filePath: string, openDocument: OpenDocumentLookup): Promise<FileState> {
  const uri = pathToFileURL(filePath).toString();
  const open = openDocument(uri);
  if (open) return { uri, text: open.getText(), version: open.version };
  const text = await fs.readFile(filePath, 'utf8').catch(() => null);
  return { uri, text, version: null };
}

/** `.continue/.env` for `.continue/config.yaml` and for `.continue/models/x.yaml`. */
export function continueEnvPath(configPath: string): string {
  let directory = path.dirname(configPath);
  const folder = workspaceConfigFolder('continue');
  while (path.basename(directory) !== folder && path.dirname(directory) !== directory) directory = path.dirname(directory);
  return path.join(path.basename(directory) === folder ? directory : path.dirname(configPath), '.env');
}

function chooseVariable(envText: string | null, key: string): { name: string; present: boolean } {
  const assignments = envText ? readDotenvAssignments(envText, 'node') : [];
  for (let index = 1; ; index++) {
    const name = index === 1 ? BASE_NAME : `${BASE_NAME}_${index}`;
    const existing = assignments.find((assignment) => assignment.name === name);
    if (!existing) return { name, present: false };
    if (existing.value.value === key) return { name, present: true };
  }
}

function appendLine(state: FileState, line: string): FileEdit {
  if (state.text === null) return { uri: state.uri, version: null, create: true, edits: [TextEdit.insert({ line: 0, character: 0 }, `${line}\n`)] };
  if (state.version === null) {
    const eol = state.text.includes('\r\n') ? '\r\n' : '\n';
    return { uri: state.uri, version: null, edits: [TextEdit.insert({ line: 0, character: 0 }, `${line}${eol}`)] };
  }
  const lines = state.text.split('\n');
  const end = { line: lines.length - 1, character: (lines[lines.length - 1] ?? '').length };
  const eol = state.text.includes('\r\n') ? '\r\n' : '\n';
  const prefix = state.text === '' || state.text.endsWith('\n') ? '' : eol;
  return { uri: state.uri, version: state.version, edits: [TextEdit.insert(end, `${prefix}${line}${eol}`)] };
}

function dotenvLine(name: string, key: string): string {
  return /[\s#"'`]/.test(key) ? `${name}=${JSON.stringify(key)}` : `${name}=${key}`;
}

/**
 * The key replaced by the reference in the scalar's own style: inside its quotes when quoted; plain
 * in a block mapping (as Continue's docs write it); double-quoted in a flow collection, where the
 * braces of `${{ … }}` would end a plain scalar.
 */
function referenceEdit(document: TextDocument, key: TextValue, reference: string): TextEdit {
  const quoted = key.inner.start !== key.span.start;
  const span = quoted ? key.inner : key.span;
  const range = { start: document.positionAt(span.start), end: document.positionAt(span.end) };
  if (quoted) return TextEdit.replace(range, reference);
  const text = document.getText();
  const shift = text.startsWith('\uFEFF') ? 1 : 0;
  const parsed = parseYaml(shift ? text.slice(1) : text);
  const flow = parsed.ok && inFlowCollection(parsed.tree, shift ? text.slice(1) : text, key.span.start - shift);
  return TextEdit.replace(range, flow ? JSON.stringify(reference) : reference);
}

export type MovedKey =
  | { ok: true; edit: WorkspaceEdit; /** What the config now says instead of the key, e.g. `${{ secrets.<name> }}`. */ reference: string }
  /** Not moved, with the reason naming the file; `reason` null when the client simply cannot apply it. */
  | { ok: false; reason: string | null };

export interface MoveKeyRequest {
  document: TextDocument;
  configPath: string;
  key: TextValue;
  openDocument: OpenDocumentLookup;
  git: GitStatus;
  capabilities: EditCapabilities;
  /** The workspace folders; without them, the folder that holds the `.continue` folder. */
  workspaceFolders?: readonly string[];
}

/** Where the fix may write: the workspace (or the config's project folder) and the tools' own folders. */
function writeRoots(request: MoveKeyRequest, envPath: string): string[] {
  const folders = request.workspaceFolders?.length ? request.workspaceFolders : [path.dirname(path.dirname(envPath))];
  return [...folders, ...toolConfigFolders()];
}

export async function moveKeyToEnvEdit(request: MoveKeyRequest): Promise<MovedKey> {
  const { document, key, openDocument, git } = request;
  const envPath = continueEnvPath(request.configPath);
  const roots = writeRoots(request, envPath);
  const envTarget = await checkWriteTarget(envPath, roots);
  if (!envTarget.ok) return { ok: false, reason: envTarget.reason };
  const env = await fileState(envPath, openDocument);
  if (envTarget.exists) {
    const tracked = await git.isTracked(envPath);
    if (tracked === null) return { ok: false, reason: t('The key was not moved: git could not check whether {0} is tracked (an untrusted workspace runs no git). Trust the workspace, or move the key by hand to a file git ignores.', envPath) };
    if (tracked) return { ok: false, reason: t('The key was not moved: git tracks {0}, so the key would be committed. Run "git rm --cached" on it and add it to .gitignore first.', envPath) };
  }
  const variable = chooseVariable(env.text, key.value);
  const reference = `\${{ secrets.${variable.name} }}`;
  const files: FileEdit[] = [{ uri: document.uri, version: document.version, edits: [referenceEdit(document, key, reference)] }];
  if (!variable.present) files.push(appendLine(env, dotenvLine(variable.name, key.value)));
  const root = await git.root(path.dirname(envPath));
  if (root && (await git.isIgnored(envPath, root)) === false) {
    const gitignore = path.join(root, '.gitignore');
    const target = await checkWriteTarget(gitignore, roots);
    if (!target.ok) return { ok: false, reason: target.reason };
    files.push(appendLine(await fileState(gitignore, openDocument), '.env'));
  }
  const edit = workspaceEdit(files, request.capabilities);
  return edit ? { ok: true, edit, reference } : { ok: false, reason: null };
}
