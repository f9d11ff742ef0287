// Which key "Check Mistral key" checks: the stored one and every key other tools are set up with
// (workspace files in an untrusted workspace only with consent), listed once each; the user picks
// when there are several.
import * as os from 'node:os';
import { toolFileStores, workspaceConfigFolder } from '../../core/catalogue';
import * as vscode from 'vscode';
import type { FoundKeys } from '../../sources';
import type { KeyCandidate } from '../../sources';
import { candidateLabel, mergeCandidates } from './candidates';
import type { Engine } from './engineLoader';
import type { KeyStore } from '../key/keyStore';
import { describeError, type Log } from '../log';
import type { Prompts } from '../prompts';

export interface PickerDeps {
  keyStore: KeyStore;
  log: Log;
  prompts: Prompts;
  loadEngine: () => Engine;
  offerLog: (message: string) => Promise<void>;
}

/** The candidate to check; `none` when no key exists anywhere; undefined when the user cancelled. */
export async function chooseCandidate(deps: PickerDeps): Promise<KeyCandidate | 'none' | undefined> {
  const stored = await deps.keyStore.read();
  const found = await findOtherKeys(deps);
  const candidates = mergeCandidates(stored, found);
  if (candidates.length === 0) return 'none';
  if (candidates.length === 1) return candidates[0];
  const t = vscode.l10n.t;
  const items = candidates.map((candidate) => ({ label: candidate.fingerprint, description: candidateLabel(candidate), candidate }));
  const picked = await deps.prompts.pick(items, {
    title: t('Check Mistral key'),
    placeHolder: t('Several keys were found. Which one should be checked?'),
  });
  return picked?.candidate;
}

async function findOtherKeys(deps: PickerDeps): Promise<FoundKeys> {
  const t = vscode.l10n.t;
  const workspaceFolders = (vscode.workspace.workspaceFolders ?? [])
    .filter((folder) => folder.uri.scheme === 'file')
    .map((folder) => folder.uri.fsPath);
  let includeWorkspaceFiles = workspaceFolders.length > 0;
  if (includeWorkspaceFiles && !vscode.workspace.isTrusted) {
    const read = t('Read workspace files');
    const answer = await deps.prompts.ask(
      t('Look for Mistral keys in this untrusted workspace too?'),
      t('Other tools\' files in the workspace ({0}) could point your key elsewhere. Without your consent only your home folder and environment are searched.', workspaceFileNames().join(', ')),
      read,
    );
    includeWorkspaceFiles = answer === read;
  }
  try {
    const found = await deps.loadEngine().findKeyCandidates({
      home: os.homedir(),
      workspaceFolders,
      env: process.env,
      includeToolFiles: true,
      includeWorkspaceFiles,
    });
    for (const problem of found.problems) deps.log.warn(`Skipped ${problem.path}: ${problem.message}`);
    if (found.problems.length > 0) {
      void deps.offerLog(t('{0} configuration file(s) could not be read and were skipped: {1}', String(found.problems.length), found.problems.map((p) => p.path).join(', ')));
    }
    return found;
  } catch (error) {
    deps.log.error(`Looking for keys in other tools' files failed: ${describeError(error)}`);
    return { candidates: [], problems: [] };
  }
}

/** The workspace files other tools read, as the tools catalogue names them (`.continue/`, `.env`, `.aider.conf.yml`). */
function workspaceFileNames(): string[] {
  const names = new Set<string>([`${workspaceConfigFolder('continue')}/`]);
  for (const tool of ['litellm', 'aider'] as const) {
    for (const store of toolFileStores(tool)) if (!store.path.startsWith('~/')) names.add(store.path);
  }
  return [...names];
}
