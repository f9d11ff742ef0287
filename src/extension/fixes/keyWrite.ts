// After "Set a new key", tools that read the key from a `.env` file (Continue, Mistral Vibe before
// 2.17, aider, litellm) are offered the key in that file, as `<Mistral key variable>=<key>`: the line is
// replaced or appended, every other line kept as it was. The one write rule (core/writeTarget)
// refuses symlinks and files outside the workspace and the tools' folders; a workspace `.env` is
// written only in a trusted workspace and only when git does not track it. Mistral Vibe 2.17 and
// later keep the key in the system keyring, which no other program should write: the user is told how.
import * as fs from 'node:fs/promises';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ToolId } from '../../core/diagnosis';
import { keyFiles, resolveStorePath, rowFor, toolDisplayName, toolSteps, type FileKeyStore } from '../../core/catalogue';
import { MISTRAL_KEY_VARIABLE } from '../../core/catalogue/keyVariables';
import { checkWriteTarget, toolConfigFolders } from '../../core/writeTarget';
import { gitStatus, type GitStatus } from '../../shared/gitStatus';
import { displayPath } from '../../sources/displayPath';
import type { Log } from '../log';
import type { Prompts } from '../prompts';

/** How Continue's config names a secret of its `.env` (core/config/yaml/LocalPlatformClient.ts). */
const CONTINUE_SECRET_REFERENCE = `\${{ secrets.${MISTRAL_KEY_VARIABLE} }}`;

export interface KeyWriteDeps {
  prompts: Prompts;
  log: Log;
  /** Runs the check again with the stored key, so the panel shows the verdict. */
  recheck(): Promise<unknown>;
  home?: string;
  env?: Record<string, string | undefined>;
  git?: Pick<GitStatus, 'isTracked'>;
}

export type KeyWriteOutcome =
  | { kind: 'written'; file: string }
  | { kind: 'refused'; reason: string }
  | { kind: 'keyring' }
  | { kind: 'declined' }
  | { kind: 'not-a-file-tool' };

interface Target {
  file: string;
  /** Relative to a workspace folder: git may track it. */
  inWorkspace: boolean;
}

/** Offers to write `key` where `tool` (at `version`) reads it; never logs the key, only its fingerprint. */
export async function offerKeyWrite(deps: KeyWriteDeps, inUse: { tool: ToolId; version: string | null }, key: string, fingerprint: string): Promise<KeyWriteOutcome> {
  const t = vscode.l10n.t;
  const { tool, version } = inUse;
  const name = toolDisplayName(tool);
  if (tool === 'vibe' && rowFor(tool, version).row.keyStores.some((store) => store.kind === 'keyring')) {
    const copy = t('Copy it for {0}', name);
    const answer = await deps.prompts.info(`${t('Mistral Vibe 2.17 and later keep the key in the system keyring, which this extension does not write.')} ${toolSteps(tool, version).setKey()}`, copy);
    if (answer === copy) {
      await vscode.env.clipboard.writeText(key);
      deps.log.info(`Copied key ${fingerprint} to the clipboard for ${name}.`);
    }
    return { kind: 'keyring' };
  }
  const home = deps.home ?? os.homedir();
  const folders = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.fsPath);
  const target = targetFor(tool, version, home, deps.env ?? process.env, folders[0]);
  if (!target) return { kind: 'not-a-file-tool' };
  const shown = displayPath(target.file, home, folders);
  const write = t('Write to {0}', shown);
  const answer = await deps.prompts.info(t('{0} reads the key from {1}: write key {2} there as {3}?', name, shown, fingerprint, MISTRAL_KEY_VARIABLE), write);
  if (answer !== write) return { kind: 'declined' };
  const checked = await writableFile(deps, target, shown, [...folders, ...toolConfigFolders(home, deps.env ?? process.env)]);
  if ('refusal' in checked) {
    const { refusal } = checked;
    deps.log.info(refusal);
    void deps.prompts.warn(refusal);
    return { kind: 'refused', reason: refusal };
  }
  try {
    await writeKeyLine(checked.realPath, key);
  } catch (error) {
    const reason = t('Nothing was written to {0}: {1}', shown, error instanceof Error ? error.message : String(error));
    deps.log.warn(reason);
    void deps.prompts.warn(reason);
    return { kind: 'refused', reason };
  }
  deps.log.info(`Wrote key ${fingerprint} to ${shown} as ${MISTRAL_KEY_VARIABLE}.`);
  const reference = tool === 'continue' ? ` ${t('Continue uses it only where its config names {0} as the apiKey of the Mistral model; the config was not changed.', CONTINUE_SECRET_REFERENCE)}` : '';
  void deps.prompts.info(t('Key {0} written to {1}.', fingerprint, shown) + reference);
  await deps.recheck();
  return { kind: 'written', file: target.file };
}

/** The `.env` file the tool reads the key from; null for tools that keep it elsewhere. */
function targetFor(tool: ToolId, version: string | null, home: string, env: Record<string, string | undefined>, workspaceFolder: string | undefined): Target | null {
  // Continue and Vibe: the `.env` in their own folder under home; aider and litellm: the workspace's.
  const inHome = tool === 'continue' || tool === 'vibe';
  const inWorkspace = tool === 'aider' || tool === 'litellm';
  const store: FileKeyStore | undefined = keyFiles(tool, version).find((known) =>
    (inHome && known.path.startsWith('~/') && known.path.endsWith('/.env')) || (inWorkspace && known.path === '.env'));
  if (!store) return null;
  const file = resolveStorePath(store, home, env, workspaceFolder);
  return file ? { file, inWorkspace: !store.path.startsWith('~/') } : null;
}

/** The real path to write, or why not. */
async function writableFile(deps: KeyWriteDeps, target: Target, shown: string, roots: string[]): Promise<{ realPath: string } | { refusal: string }> {
  const refused = (refusal: string) => ({ refusal });
  const checked = await checkWriteTarget(target.file, roots);
  if (!checked.ok) return refused(checked.reason);
  if (!target.inWorkspace) return checked;
  const t = vscode.l10n.t;
  // Git runs only in a trusted workspace; untrusted, whether the file is committed cannot be known.
  if (!vscode.workspace.isTrusted) return refused(t('Nothing was written: the workspace is not trusted, so git was not asked whether it tracks {0}. Trust the workspace, or add {1} to the file yourself.', shown, MISTRAL_KEY_VARIABLE));
  const git = deps.git ?? gitStatus(() => vscode.workspace.isTrusted);
  if (checked.exists && (await git.isTracked(checked.realPath))) {
    return refused(t('Nothing was written: git tracks {0}, so the key would be committed. Keep the key in a file git ignores.', shown));
  }
  return checked;
}

const KEY_LINE = new RegExp(`^\\s*(export\\s+)?${MISTRAL_KEY_VARIABLE}\\s*=`);

/** Replaces every line that sets the Mistral key variable (or appends one), keeping the other lines and the file's line ending. */
export function withKeyLine(text: string, key: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const line = `${MISTRAL_KEY_VARIABLE}=${key}`;
  const lines = text.split(eol);
  let replaced = false;
  const updated = lines.map((existing) => {
    if (!KEY_LINE.test(existing)) return existing;
    replaced = true;
    return line;
  });
  if (replaced) return updated.join(eol);
  if (text === '') return `${line}${eol}`;
  return `${text}${text.endsWith(eol) ? '' : eol}${line}${eol}`;
}

async function writeKeyLine(file: string, key: string): Promise<void> {
  const existing = await fs.readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  if (existing === null) {
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    // `wx`: a file (or a link) that appeared since the check is never written through.
    await fs.writeFile(file, withKeyLine('', key), { mode: 0o600, flag: 'wx' });
    return;
  }
  await fs.writeFile(file, withKeyLine(existing, key));
}
