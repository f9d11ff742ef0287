// Builds the watch on VS Code's own APIs (file watchers, trust, extensions, settings) and on the
// extension's check; extension.ts only wires the result to the status item and the commands.
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { Diagnosis } from '../../core/diagnosis';
import type { Engine } from '../check/engineLoader';
import type { Log } from '../log';
import { readSettings, SETTINGS_SECTION } from '../settings';
import type { CheckCandidate } from '../check/candidates';
import type { CheckResult } from '../check/checkResult';
import { ToolKeyWatch, type WatchCheckRequest } from './toolKeyWatch';
import { WatchConsent } from './watchConsent';

export interface WatchHost {
  globalState: vscode.Memento;
  log: Log;
  prompts: { info(message: string, ...actions: string[]): Thenable<string | undefined> };
  loadEngine: () => Engine;
  /** The extension's check, without prompts and without replacing the panel's result. */
  check(candidate: CheckCandidate, keyStoredAgoMs: number | null): Promise<CheckResult | null>;
  onDidChange(): void;
  /** The user's home folder; tests give a throw-away one. */
  home?: string;
}

export function createToolKeyWatch(host: WatchHost): ToolKeyWatch {
  const settings = () => vscode.workspace.getConfiguration(SETTINGS_SECTION);
  return new ToolKeyWatch({
    state: host.globalState,
    consent: new WatchConsent(host.globalState, settings, vscode.ConfigurationTarget.Global),
    prompts: host.prompts,
    log: host.log,
    environment: {
      home: host.home ?? os.homedir(),
      env: process.env,
      workspaceFolders: () => (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath),
      isTrusted: () => vscode.workspace.isTrusted,
      installedExtensionIds: () => vscode.extensions.all.map((extension) => extension.id),
      configuredTool: () => readSettings(settings(), vscode.workspace.isTrusted).tool,
    },
    findKeys: (options) => host.loadEngine().findKeyCandidates(options),
    check: async (request: WatchCheckRequest): Promise<Diagnosis | null> => {
      const candidate: CheckCandidate = { key: request.key, fingerprint: request.fingerprint, label: request.label, stored: false, target: request.target, model: request.model };
      return (await host.check(candidate, request.keyStoredAgoMs))?.diagnosis ?? null;
    },
    watchFiles: (pattern, onEvent) => {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.file(pattern.base), pattern.glob));
      const forward = (uri: vscode.Uri) => onEvent(uri.fsPath);
      return vscode.Disposable.from(watcher, watcher.onDidChange(forward), watcher.onDidCreate(forward), watcher.onDidDelete(forward));
    },
    onDidChange: () => host.onDidChange(),
  });
}
