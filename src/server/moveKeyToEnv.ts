// The "move the key to .env" fix for Continue YAML configs: the key goes to `.continue/.env` (which
// Continue reads for `${{ secrets.NAME }}`), the config references it, and `.env` is added to
// `.gitignore` when git would not ignore it. It refuses when git tracks that `.env` (the key would
// be committed) or when git may not run (untrusted workspace), saying which file it is about.
import fs from 'node:fs/promises';
import { workspaceConfigFolder } from '../core/catalogue';
import { MISTRAL_KEY_VARIABLE } from '../core/catalogue/keyVariables';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { t } from '../core/l10n';
import type { TextValue } from './configFacts';
import { readDotenvAssignments } from './formats/dotenvFile';
import type { GitStatus } from './gitStatus';
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
  const lines = state.text.split('\n');
  const end = { line: lines.length - 1, character: (lines[lines.length - 1] ?? '').length };
  const eol = state.text.includes('\r\n') ? '\r\n' : '\n';
  const prefix = state.text === '' || state.text.endsWith('\n') ? '' : eol;
  return { uri: state.uri, version: state.version, edits: [TextEdit.insert(end, `${prefix}${line}${eol}`)] };
}

function dotenvLine(name: string, key: string): string {
  return /[\s#"'`]/.test(key) ? `${name}=${JSON.stringify(key)}` : `${name}=${key}`;
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
}

export async function moveKeyToEnvEdit(request: MoveKeyRequest): Promise<MovedKey> {
  const { document, key, openDocument, git } = request;
  const envPath = continueEnvPath(request.configPath);
  const env = await fileState(envPath, openDocument);
  if (env.text !== null) {
    const tracked = await git.isTracked(envPath);
    if (tracked === null) return { ok: false, reason: t('The key was not moved: git could not check whether {0} is tracked (an untrusted workspace runs no git). Trust the workspace, or move the key by hand to a file git ignores.', envPath) };
    if (tracked) return { ok: false, reason: t('The key was not moved: git tracks {0}, so the key would be committed. Run "git rm --cached" on it and add it to .gitignore first.', envPath) };
  }
  const variable = chooseVariable(env.text, key.value);
  const reference = `\${{ secrets.${variable.name} }}`;
  const keyRange = { start: document.positionAt(key.span.start), end: document.positionAt(key.span.end) };
  const files: FileEdit[] = [{ uri: document.uri, version: document.version, edits: [TextEdit.replace(keyRange, reference)] }];
  if (!variable.present) files.push(appendLine(env, dotenvLine(variable.name, key.value)));
  const root = await git.root(path.dirname(envPath));
  if (root && (await git.isIgnored(envPath, root)) === false) {
    files.push(appendLine(await fileState(path.join(root, '.gitignore'), openDocument), '.env'));
  }
  const edit = workspaceEdit(files, request.capabilities);
  return edit ? { ok: true, edit, reference } : { ok: false, reason: null };
}
