// The extension's state and flows: which key was checked last and what the hosts said, the
// automatic checks and their bounds, and what the commands and the panel ask for.
import { createHash } from 'node:crypto';
import * as os from 'node:os';
import * as vscode from 'vscode';
import type { ToolId } from '../core/diagnosis';
import { validateBaseUrl } from '../core/hosts';
import { inspectKey, RESIDUAL_FINDINGS } from '../core/hygiene';
import { isAllowedLink } from '../core/links';
import { hostForTool, toolDisplayName } from '../core/tools';
import type { FoundKeys } from '../sources';
import type { FromWebviewMessage } from '../shared/webviewProtocol';
import { ACTIVATION_WINDOW_MS, ActivationWatch } from './activationWatch';
import { mergeCandidates, storedCandidate, type CheckCandidate } from './candidates';
import type { CheckResult } from './checkResult';
import { DiagnosticsPanel, type PanelRecorder } from './diagnosticsPanel';
import type { Engine } from './engineLoader';
import { HostConsent } from './hostConsent';
import { InFlight } from './inFlight';
import { KeyStore } from './keyStore';
import { describeError, redact, type Log } from './log';
import { loopbackDirectFetch } from './loopbackFetch';
import { buildPanelView } from './panelView';
import type { Prompts } from './prompts';
import { readSettings, SETTINGS_SECTION, type DoctorSettings } from './settings';
import { describeStatus, type StatusView } from './statusView';
import { Throttle } from './throttle';

export const AUTO_CHECK_MIN_INTERVAL_MS = 60_000;

export interface KeyDoctorDeps {
  context: vscode.ExtensionContext;
  log: Log;
  prompts: Prompts;
  loadEngine: () => Engine;
  showStatus: (view: StatusView) => void;
  panelRecorder?: PanelRecorder;
}

interface CheckOptions {
  /** True when the user asked for this check: prompts may be shown. */
  interactive: boolean;
  signal?: AbortSignal;
  /** False for a watched tool's key: its verdict goes to the watch, not to the panel and the status item. */
  remember?: boolean;
  /** How long ago the key appeared, when known from elsewhere than the key store. */
  keyAgeMs?: number | null;
}

export class KeyDoctor implements vscode.Disposable {
  readonly keyStore: KeyStore;
  readonly panel: DiagnosticsPanel;
  private result: CheckResult | null = null;
  private lastCandidate: CheckCandidate | null = null;
  private runningChecks = 0;
  private readonly inFlight = new InFlight<CheckResult | null>();
  private readonly autoCheck: Throttle;
  private readonly watch: ActivationWatch;
  private readonly consent: HostConsent;
  private readonly checkListeners: ((result: CheckResult) => void)[] = [];
  /** Fingerprint of the key this window just stored, so its own change event is not treated as news. */
  private storedHere: string | null = null;

  constructor(private readonly deps: KeyDoctorDeps) {
    const { context } = deps;
    this.keyStore = new KeyStore(context.secrets, context.globalState);
    this.consent = new HostConsent(context.globalState, deps.prompts);
    this.autoCheck = new Throttle(() => void this.checkStoredKeyAutomatically(), AUTO_CHECK_MIN_INTERVAL_MS);
    this.watch = new ActivationWatch(() => this.requestAutoCheck(), () => this.refresh());
    this.panel = new DiagnosticsPanel(context.extensionUri, () => buildPanelView({
      tool: this.settings().tool,
      checking: this.runningChecks > 0,
      result: this.result,
      nextCheckAt: this.result?.storedKey ? this.watch.nextCheckAt : null,
    }), {
      onMessage: (message) => void this.handlePanelMessage(message),
      onInvalidMessage: (issue) => deps.log.warn(`Dropped a message from the panel that failed validation: ${issue}`),
    }, deps.panelRecorder);
  }

  get lastResult(): CheckResult | null {
    return this.result;
  }

  statusView(): StatusView {
    const forStoredKey = this.result?.storedKey === true;
    return describeStatus({
      checking: this.runningChecks > 0,
      result: this.result,
      waitingUntil: forStoredKey ? this.watch.waitingUntil : null,
      nextCheckAt: forStoredKey ? this.watch.nextCheckAt : null,
    });
  }

  onDidCheck(listener: (result: CheckResult) => void): vscode.Disposable {
    this.checkListeners.push(listener);
    return new vscode.Disposable(() => this.checkListeners.splice(this.checkListeners.indexOf(listener), 1));
  }

  settings(): DoctorSettings {
    return readSettings(vscode.workspace.getConfiguration(SETTINGS_SECTION), vscode.workspace.isTrusted);
  }

  /** Automatic checks run only in a trusted workspace with `autoCheck` on. */
  autoChecksAllowed(): boolean {
    return vscode.workspace.isTrusted && this.settings().autoCheck;
  }

  /** Asks for an automatic check of the stored key; bursts collapse to at most one a minute. */
  requestAutoCheck(): void {
    if (this.autoChecksAllowed()) this.autoCheck.request();
  }

  /** At start-up: resume waiting for a key stored minutes ago, then check it once. */
  async startUp(): Promise<void> {
    if (!this.autoChecksAllowed()) return;
    const key = await this.keyStore.read();
    if (!key) return;
    const storedAt = this.keyStore.firstStoredAt(inspectKey(key).report.fingerprint);
    if (storedAt !== null && Date.now() - storedAt < ACTIVATION_WINDOW_MS) this.watch.start(storedAt);
    this.requestAutoCheck();
  }

  /** The stored key changed (here or in another window). */
  async storedKeyChanged(): Promise<void> {
    const key = await this.keyStore.read();
    if (!key) {
      this.forgetStoredKeyResult();
      return;
    }
    const fingerprint = inspectKey(key).report.fingerprint;
    if (fingerprint === this.storedHere) {
      this.storedHere = null;
    } else if (await this.keyStore.noteStored(fingerprint)) {
      this.deps.log.info(`The stored key changed to ${fingerprint} (in another window).`);
      if (this.autoChecksAllowed()) this.watch.start(this.keyStore.firstStoredAt(fingerprint) ?? Date.now());
    }
    this.requestAutoCheck();
  }

  // ---- Commands ----

  /** "Check Mistral key": every key we can find, the user's pick, a visible probe, the panel. */
  async checkKeyCommand(): Promise<void> {
    const t = vscode.l10n.t;
    const stored = await this.keyStore.read();
    const found = await this.findOtherKeys();
    const candidates = mergeCandidates(stored, found);
    if (candidates.length === 0) {
      const setKey = t('Set Mistral API key');
      const answer = await this.deps.prompts.info(t('No Mistral key found: none is stored in VS Code, none is in MISTRAL_API_KEY or CODESTRAL_API_KEY, and no other tool\'s configuration holds one.'), setKey);
      if (answer === setKey) await this.setKeyCommand();
      return;
    }
    const candidate = candidates.length === 1 ? candidates[0] : await this.pickCandidate(candidates);
    if (!candidate) return;
    await this.checkWithProgress(candidate);
  }

  async checkWithProgress(candidate: CheckCandidate): Promise<CheckResult | null> {
    const result = await vscode.window.withProgress({
      location: vscode.ProgressLocation.Notification,
      title: vscode.l10n.t('Checking Mistral key {0}…', candidate.fingerprint),
      cancellable: true,
    }, (_progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return this.check(candidate, { interactive: true, signal: abort.signal });
    });
    if (result) this.panel.show();
    return result;
  }

  async setKeyCommand(): Promise<void> {
    const t = vscode.l10n.t;
    const { prompts, log } = this.deps;
    const raw = await prompts.password({
      title: t('Set Mistral API key'),
      prompt: t('Paste the key from console.mistral.ai. It is kept in VS Code\'s secret storage, never in settings.'),
      placeHolder: t('32 letters and digits'),
    });
    if (raw === undefined) return;
    const inspected = inspectKey(raw);
    const { findings, fingerprint } = inspected.report;
    if (!inspected.usable) {
      void prompts.error(t('The key was not saved: {0}', findings.filter((f) => f.blocking).map((f) => f.message).join(' ')));
      return;
    }
    if (findings.length > 0) {
      const residual = findings.some((f) => RESIDUAL_FINDINGS.includes(f.id));
      const save = residual ? t('Save anyway') : t('Save the cleaned key');
      const answer = await prompts.ask(
        residual ? t('This does not look like a Mistral key ({0}).', fingerprint) : t('The pasted key had extra characters ({0}); they will be removed.', fingerprint),
        findings.map((f) => `• ${f.message}`).join('\n'),
        save,
      );
      if (answer !== save) return;
    }
    this.storedHere = fingerprint;
    const isNew = await this.keyStore.store(inspected.key, fingerprint);
    log.info(`Stored key ${fingerprint} in VS Code's secret storage${isNew ? ' (new key)' : ''}.`);
    if (isNew && this.autoChecksAllowed()) this.watch.start(this.keyStore.firstStoredAt(fingerprint) ?? Date.now());
    if (this.result?.storedKey && this.result.diagnosis.key.fingerprint !== fingerprint) this.result = null;
    this.requestAutoCheck();
    this.refresh();
    const checkNow = t('Check now');
    const answer = await prompts.info(t('Mistral key {0} stored.', fingerprint), checkNow);
    if (answer === checkNow) await this.checkWithProgress(storedCandidate(inspected.key));
  }

  async removeKeyCommand(): Promise<void> {
    const t = vscode.l10n.t;
    const key = await this.keyStore.read();
    if (!key) {
      void this.deps.prompts.info(t('No Mistral key is stored in VS Code.'));
      return;
    }
    const fingerprint = inspectKey(key).report.fingerprint;
    const remove = t('Remove');
    const answer = await this.deps.prompts.ask(t('Remove the stored Mistral key {0}?', fingerprint), t('Other tools keep their own copies; this removes only the one Mistral Key Doctor stored.'), remove);
    if (answer !== remove) return;
    this.storedHere = null;
    await this.keyStore.remove();
    this.deps.log.info(`Removed stored key ${fingerprint}.`);
    this.forgetStoredKeyResult();
  }

  /** `mistralKeyDoctor.checkKeyInFile`: the key written at a position the language server found. */
  async checkKeyInFile(uri: vscode.Uri, position: vscode.Position): Promise<void> {
    const document = await vscode.workspace.openTextDocument(uri);
    const range = document.getWordRangeAtPosition(position, /[^\s"'`,;=:{}[\]#]+/);
    const key = range ? document.getText(range) : '';
    if (!key) {
      void this.deps.prompts.warn(vscode.l10n.t('No key found at line {0} of {1}.', String(position.line + 1), vscode.workspace.asRelativePath(uri)));
      return;
    }
    await this.checkWithProgress({
      key,
      fingerprint: inspectKey(key).report.fingerprint,
      label: `${vscode.workspace.asRelativePath(uri)}:${position.line + 1}`,
      stored: false,
      target: null,
      model: null,
    });
  }

  async copySupportReport(): Promise<void> {
    const t = vscode.l10n.t;
    if (!this.result) {
      void this.deps.prompts.info(t('Run "Check Mistral key" first: the support report describes the last check.'));
      return;
    }
    const engine = this.deps.loadEngine();
    const extension = vscode.extensions.getExtension('mistral-key-doctor.mistral-key-doctor');
    const text = engine.renderSupportReport(this.result.diagnosis, {
      tool: this.result.tool,
      versions: {
        'Mistral Key Doctor': String(extension?.packageJSON?.version ?? 'unknown'),
        'VS Code': vscode.version,
      },
    });
    const safe = this.lastCandidate ? redact(text, this.lastCandidate.key, this.result.diagnosis.key.fingerprint) : text;
    await vscode.env.clipboard.writeText(safe);
    void this.deps.prompts.info(t('Support report copied. It names the key by its fingerprint {0} only.', this.result.diagnosis.key.fingerprint));
  }

  /**
   * Writes a dated model where this extension can: in open config files, through the language
   * server's preferred quick fix (it applies the same pin policy there); else in its own setting.
   */
  async pinModel(): Promise<void> {
    const t = vscode.l10n.t;
    if (await this.applyConfigQuickFix()) return;
    const suggestion = this.result?.diagnosis.model.suggestion;
    if (!suggestion) {
      void this.deps.prompts.info(t('No model to pin. Put the model your tool uses in the setting mistralKeyDoctor.model (or open its config file) and run "Check Mistral key": the check says whether it should change.'));
      return;
    }
    await vscode.workspace.getConfiguration(SETTINGS_SECTION).update('model', suggestion.id, vscode.ConfigurationTarget.Global);
    this.deps.log.info(`Pinned the model to ${suggestion.id} in the mistralKeyDoctor.model setting.`);
    void this.deps.prompts.info(t('Model set to {0} in the Mistral Key Doctor settings. Use the same model id in {1}.', suggestion.id, toolDisplayName(this.settings().tool)));
  }

  async openExternal(url: string): Promise<void> {
    if (!isAllowedLink(url)) {
      this.deps.log.warn(`Refused to open a link outside the allowlist (${safeHost(url)}).`);
      return;
    }
    await vscode.env.openExternal(vscode.Uri.parse(url, true));
  }

  refresh(): void {
    this.deps.showStatus(this.statusView());
    this.panel.refresh();
  }

  dispose(): void {
    this.autoCheck.dispose();
    this.watch.stop();
    this.panel.dispose();
  }

  // ---- Checks ----

  /** Probes both hosts with the key. Concurrent checks of the same key and settings share one probe. */
  async check(candidate: CheckCandidate, options: CheckOptions): Promise<CheckResult | null> {
    const { log, prompts } = this.deps;
    const settings = this.settings();
    const model = candidate.model ?? settings.model;
    const target = candidate.target ?? hostForTool(settings.tool, model);
    const apiUrl = validateBaseUrl(settings.apiBaseUrl);
    const codestralUrl = validateBaseUrl(settings.codestralBaseUrl);
    for (const [name, validation] of [['apiBaseUrl', apiUrl], ['codestralBaseUrl', codestralUrl]] as const) {
      if (validation.ok) continue;
      log.warn(`Not checking: mistralKeyDoctor.${name} is refused: ${validation.message}`);
      if (options.interactive) void this.offerSettings(validation.message, `${SETTINGS_SECTION}.${name}`);
      return null;
    }
    if (!apiUrl.ok || !codestralUrl.ok) return null;
    if (!(await this.consent.allow([apiUrl.url, codestralUrl.url], options.interactive))) {
      log.info(`Not checking key ${candidate.fingerprint}: a base URL points to a host that was not confirmed.`);
      return null;
    }
    const storedAt = candidate.stored ? this.keyStore.firstStoredAt(candidate.fingerprint) : null;
    const remember = options.remember !== false;
    const id = createHash('sha256')
      .update([candidate.key, target, model ?? '', apiUrl.url, codestralUrl.url, settings.preferredCodestralModel, settings.timeoutMs].join('\n'))
      .digest('hex');
    if (remember) this.lastCandidate = candidate;
    return this.inFlight.run(id, async () => {
      this.runningChecks += 1;
      this.refresh();
      log.info(`Checking key ${candidate.fingerprint} (${candidate.label}) for ${settings.tool}, target ${target}.`);
      try {
        const diagnosis = await this.deps.loadEngine().checkKey({
          rawKey: candidate.key,
          target,
          model,
          apiUrl: apiUrl.url,
          codestralUrl: codestralUrl.url,
          timeoutMs: settings.timeoutMs,
          keyAgeMs: storedAt === null ? options.keyAgeMs ?? null : Math.max(0, Date.now() - storedAt),
          preferredCodestralModel: settings.preferredCodestralModel,
          signal: options.signal,
          fetcher: loopbackDirectFetch(),
        });
        const result: CheckResult = { diagnosis, sourceLabel: candidate.label, storedKey: candidate.stored, tool: settings.tool, toolHost: target };
        if (remember) this.result = result;
        log.info(describeResultForLog(result));
        // Only a key the hosts call "not active yet" is worth waiting for; any other verdict ends the wait.
        if (candidate.stored) this.watch.recordResult(diagnosis.cause.id !== 'key-not-yet-active');
        for (const listener of [...this.checkListeners]) listener(result);
        return result;
      } catch (error) {
        if (options.signal?.aborted) {
          log.info(`The check of key ${candidate.fingerprint} was cancelled.`);
          return null;
        }
        const message = redact(describeError(error), candidate.key, candidate.fingerprint);
        log.error(`The check of key ${candidate.fingerprint} failed: ${message}`);
        if (options.interactive) void this.offerLog(vscode.l10n.t('The check of key {0} failed: {1}', candidate.fingerprint, message));
        return null;
      } finally {
        this.runningChecks -= 1;
        this.refresh();
      }
    });
  }

  private async checkStoredKeyAutomatically(): Promise<void> {
    if (!this.autoChecksAllowed()) return;
    const key = await this.keyStore.read();
    if (!key) return;
    await this.check(storedCandidate(key), { interactive: false });
  }

  private async findOtherKeys(): Promise<FoundKeys> {
    const t = vscode.l10n.t;
    const workspaceFolders = (vscode.workspace.workspaceFolders ?? [])
      .filter((folder) => folder.uri.scheme === 'file')
      .map((folder) => folder.uri.fsPath);
    let includeWorkspaceFiles = workspaceFolders.length > 0;
    if (includeWorkspaceFiles && !vscode.workspace.isTrusted) {
      const read = t('Read workspace files');
      const answer = await this.deps.prompts.ask(
        t('Look for Mistral keys in this untrusted workspace too?'),
        t('Other tools\' files in the workspace (.continue/, .env, .aider.conf.yml) could point your key elsewhere. Without your consent only your home folder and environment are searched.'),
        read,
      );
      includeWorkspaceFiles = answer === read;
    }
    try {
      const found = await this.deps.loadEngine().findKeyCandidates({
        home: os.homedir(),
        workspaceFolders,
        env: process.env,
        includeToolFiles: true,
        includeWorkspaceFiles,
      });
      for (const problem of found.problems) this.deps.log.warn(`Skipped ${problem.path}: ${problem.message}`);
      if (found.problems.length > 0) {
        void this.offerLog(t('{0} configuration file(s) could not be read and were skipped: {1}', String(found.problems.length), found.problems.map((p) => p.path).join(', ')));
      }
      return found;
    } catch (error) {
      this.deps.log.error(`Looking for keys in other tools' files failed: ${describeError(error)}`);
      return { candidates: [], problems: [] };
    }
  }

  private async pickCandidate(candidates: CheckCandidate[]): Promise<CheckCandidate | undefined> {
    const t = vscode.l10n.t;
    const items = candidates.map((candidate) => ({ label: candidate.fingerprint, description: candidate.label, candidate }));
    const picked = await this.deps.prompts.pick(items, {
      title: t('Check Mistral key'),
      placeHolder: t('Several keys were found. Which one should be checked?'),
    });
    return picked?.candidate;
  }

  private async applyConfigQuickFix(): Promise<boolean> {
    for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
      for (const diagnostic of diagnostics.filter(isModelDiagnostic)) {
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[] | undefined>(
          'vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value,
        );
        const fix = actions?.find((action) => action.isPreferred && action.edit);
        if (!fix?.edit || !(await vscode.workspace.applyEdit(fix.edit))) continue;
        // Shown, not saved: the user sees the change in its file and saves it.
        await vscode.window.showTextDocument(uri, { preview: false });
        this.deps.log.info(`Applied the quick fix "${fix.title}" in ${vscode.workspace.asRelativePath(uri)}.`);
        void this.deps.prompts.info(vscode.l10n.t('{0} in {1}.', fix.title, vscode.workspace.asRelativePath(uri)));
        return true;
      }
    }
    return false;
  }

  private async handlePanelMessage(message: Exclude<FromWebviewMessage, { type: 'ready' }>): Promise<void> {
    switch (message.type) {
      case 'recheck':
        if (this.lastCandidate) await this.checkWithProgress(this.lastCandidate);
        else await this.checkKeyCommand();
        return;
      case 'setKey':
        return this.setKeyCommand();
      case 'copyReport':
        return this.copySupportReport();
      case 'pinModel':
        return this.pinModel();
      case 'openLink':
        return this.openExternal(message.url);
      case 'selectTool':
        return this.selectTool(message.tool);
    }
  }

  private async selectTool(tool: ToolId): Promise<void> {
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
    const inspected = config.inspect<string>('tool');
    const scope = inspected?.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global;
    await config.update('tool', tool, scope);
    const settings = this.settings();
    const candidate = this.lastCandidate;
    this.refresh();
    // The verdict was reached for the old tool's host: ask the new tool's host.
    if (this.result && candidate && candidate.target === null && hostForTool(tool, candidate.model ?? settings.model) !== this.result.toolHost) {
      await this.check(candidate, { interactive: true });
    }
  }

  private forgetStoredKeyResult(): void {
    this.watch.stop();
    if (this.result?.storedKey) this.result = null;
    if (this.lastCandidate?.stored) this.lastCandidate = null;
    this.refresh();
  }

  private async offerSettings(message: string, setting: string): Promise<void> {
    const open = vscode.l10n.t('Open Settings');
    if ((await this.deps.prompts.error(message, open)) === open) {
      await vscode.commands.executeCommand('workbench.action.openSettings', setting);
    }
  }

  private async offerLog(message: string): Promise<void> {
    const show = vscode.l10n.t('Open Log');
    if ((await this.deps.prompts.warn(message, show)) === show) {
      await vscode.commands.executeCommand('mistralKeyDoctor.showLog');
    }
  }
}

function describeResultForLog(result: CheckResult): string {
  const { diagnosis } = result;
  const hosts = (['api', 'codestral'] as const).map((id) => {
    const host = diagnosis.hosts[id];
    return host.probed
      ? `${id} ${host.outcome} ${host.status ?? '-'} ${Math.round(host.latencyMs)} ms${host.requestId ? ` request ${host.requestId}` : ''}`
      : `${id} not probed`;
  });
  return `Key ${diagnosis.key.fingerprint}: ${diagnosis.keyKind} key, cause ${diagnosis.cause.id} (${diagnosis.cause.severity}); ${hosts.join('; ')}; ${Math.round(diagnosis.elapsedMs)} ms.`;
}

/** A language-server diagnostic about a model id (alias, deprecated, retired, not listed). */
function isModelDiagnostic(diagnostic: vscode.Diagnostic): boolean {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return diagnostic.source === 'Mistral Key Doctor' && String(code).startsWith('model-');
}

function safeHost(url: string): string {
  try {
    return new URL(url).host || 'no host';
  } catch {
    return 'not a URL';
  }
}
