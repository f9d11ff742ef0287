// The "move the key to .env" fix for Continue configs: the key goes to `.continue/.env` (which
// Continue reads for `${{ secrets.NAME }}`), the config references it, and `.env` is added to
// `.gitignore` when git would not ignore it.
import fs from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CreateFile, TextDocumentEdit, TextEdit, type Range, type WorkspaceEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextValue } from './configFacts';
import { readDotenvAssignments } from './formats/dotenvFile';
import { gitRoot, isIgnoredByGit } from './gitStatus';

const BASE_NAME = 'MISTRAL_API_KEY';

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
  while (path.basename(directory) !== '.continue' && path.dirname(directory) !== directory) directory = path.dirname(directory);
  return path.join(path.basename(directory) === '.continue' ? directory : path.dirname(configPath), '.env');
}

function chooseVariable(envText: string | null, key: string): { name: string; present: boolean } {
  const assignments = envText ? readDotenvAssignments(envText) : [];
  for (let index = 1; ; index++) {
    const name = index === 1 ? BASE_NAME : `${BASE_NAME}_${index}`;
    const existing = assignments.find((assignment) => assignment.name === name);
    if (!existing) return { name, present: false };
    if (existing.value.value === key) return { name, present: true };
  }
}

function appendLine(state: FileState, line: string): (CreateFile | TextDocumentEdit)[] {
  const identifier = { uri: state.uri, version: state.version };
  if (state.text === null) {
    return [CreateFile.create(state.uri, { ignoreIfExists: true }), TextDocumentEdit.create(identifier, [TextEdit.insert({ line: 0, character: 0 }, `${line}\n`)])];
  }
  const lines = state.text.split('\n');
  const end = { line: lines.length - 1, character: (lines[lines.length - 1] ?? '').length };
  const eol = state.text.includes('\r\n') ? '\r\n' : '\n';
  const prefix = state.text === '' || state.text.endsWith('\n') ? '' : eol;
  return [TextDocumentEdit.create(identifier, [TextEdit.insert(end, `${prefix}${line}${eol}`)])];
}

function dotenvLine(name: string, key: string): string {
  return /[\s#"'`]/.test(key) ? `${name}=${JSON.stringify(key)}` : `${name}=${key}`;
}

export interface MovedKey {
  edit: WorkspaceEdit;
  /** What the config now says instead of the key, e.g. `${{ secrets.MISTRAL_API_KEY }}`. */
  reference: string;
}

export async function moveKeyToEnvEdit(document: TextDocument, configPath: string, key: TextValue,
  openDocument: OpenDocumentLookup): Promise<MovedKey> {
  const envPath = continueEnvPath(configPath);
  const env = await fileState(envPath, openDocument);
  const variable = chooseVariable(env.text, key.value);
  const keyRange: Range = { start: document.positionAt(key.span.start), end: document.positionAt(key.span.end) };
  const reference = `\${{ secrets.${variable.name} }}`;
  const documentChanges: WorkspaceEdit['documentChanges'] = [
    TextDocumentEdit.create({ uri: document.uri, version: document.version }, [TextEdit.replace(keyRange, reference)]),
  ];
  if (!variable.present) documentChanges.push(...appendLine(env, dotenvLine(variable.name, key.value)));
  const root = await gitRoot(path.dirname(envPath));
  if (root && !(await isIgnoredByGit(envPath, root))) {
    documentChanges.push(...appendLine(await fileState(path.join(root, '.gitignore'), openDocument), '.env'));
  }
  return { edit: { documentChanges }, reference };
}
