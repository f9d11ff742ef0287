// Entry point. activate() only wires things up: commands, the status item, listeners. The engine
// (SDK, probe) loads on the first check; the first automatic check runs after activation returns.
import * as vscode from 'vscode';
import { useL10nBundle } from '../core/l10n';
import { checkKeyInFileArgsSchema } from '../shared/lspProtocol';
import { createEngineLoader } from './engineLoader';
import { KeyDoctor } from './keyDoctor';
import { registerConfigLanguageClient } from './languageClient';
import { ExtensionLog, describeError } from './log';
import { Prompts } from './prompts';
import { SETTINGS_SECTION } from './settings';
import { TOOLTIP_COMMANDS, type StatusView } from './statusView';
import { createTestApi, RecordingPanel, type KeyDoctorTestApi } from './testApi';
import { createToolKeyWatch } from './watch/createWatch';
import { summarizeWatchedVerdicts } from './watch/statusSummary';
import type { ToolKeyWatch } from './watch/toolKeyWatch';
import { watchCommands } from './watch/watchCommands';
import { WATCH_TOOLTIP_COMMANDS, withWatchedKeys, type WatchStatusView } from './watch/watchStatus';
import { watchTestApi } from './watch/watchTestApi';

export function activate(context: vscode.ExtensionContext): KeyDoctorTestApi | undefined {
  const started = performance.now();
  try {
    useL10nBundle(vscode.l10n.bundle);
    const testMode = context.extensionMode === vscode.ExtensionMode.Test;
    const log = new ExtensionLog(() => vscode.window.createOutputChannel('Mistral Key Doctor', { log: true }), testMode);
    const prompts = new Prompts(testMode);
    const statusItem = vscode.window.createStatusBarItem('mistralKeyDoctor.status', vscode.StatusBarAlignment.Right, 100);
    statusItem.name = 'Mistral Key Doctor';
    statusItem.command = 'mistralKeyDoctor.showDiagnostics';
    const recorder = testMode ? new RecordingPanel() : undefined;
    const loadEngine = createEngineLoader(context.asAbsolutePath('dist/engine.js'), vscode.l10n.bundle);
    // The status item speaks for the worst key: the one checked here or a watched tool's key.
    let watch: ToolKeyWatch | undefined;
    const statusFor = (view: StatusView): WatchStatusView => withWatchedKeys(view, summarizeWatchedVerdicts(watch?.verdicts() ?? []), doctor.lastResult?.diagnosis.cause.severity ?? null);
    const doctor: KeyDoctor = new KeyDoctor({
      context,
      log,
      prompts,
      loadEngine,
      showStatus: (view) => showStatus(statusItem, statusFor(view)),
      panelRecorder: recorder,
    });
    watch = createToolKeyWatch({
      globalState: context.globalState,
      log,
      prompts,
      loadEngine,
      check: (candidate, keyAgeMs) => doctor.check(candidate, { interactive: false, remember: false, keyAgeMs }),
      onDidChange: () => doctor.refresh(),
    });
    const toolKeyWatch = watch;

    const command = (id: string, run: (...args: unknown[]) => unknown) => vscode.commands.registerCommand(id, async (...args: unknown[]) => {
      try {
        await run(...args);
      } catch (error) {
        log.error(`${id} failed: ${describeError(error)}`);
        void prompts.error(vscode.l10n.t('Mistral Key Doctor could not finish: {0}. See the log for details.', describeError(error)));
      }
    });
    context.subscriptions.push(
      log,
      statusItem,
      doctor,
      toolKeyWatch,
      ...Object.entries(watchCommands(toolKeyWatch, { pick: (items, options) => prompts.pick(items, options), checkWithProgress: (candidate) => doctor.checkWithProgress(candidate) }))
        .map(([id, run]) => command(id, run)),
      command('mistralKeyDoctor.checkKey', () => doctor.checkKeyCommand()),
      command('mistralKeyDoctor.setKey', () => doctor.setKeyCommand()),
      command('mistralKeyDoctor.removeKey', () => doctor.removeKeyCommand()),
      command('mistralKeyDoctor.showDiagnostics', () => doctor.panel.show()),
      command('mistralKeyDoctor.showLog', () => log.channel.show(true)),
      command('mistralKeyDoctor.pinModel', () => doctor.pinModel()),
      command('mistralKeyDoctor.checkKeyInFile', (raw) => {
        const args = checkKeyInFileArgsSchema.parse(raw);
        return doctor.checkKeyInFile(vscode.Uri.parse(args.uri, true), new vscode.Position(args.line, args.character));
      }),
      doctor.keyStore.onDidChange(() => void doctor.storedKeyChanged()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SETTINGS_SECTION)) doctor.refresh();
        if (event.affectsConfiguration(`${SETTINGS_SECTION}.watchToolKeys`) || event.affectsConfiguration(`${SETTINGS_SECTION}.watchDeclinedSources`)) void toolKeyWatch.reconcile({ ask: false });
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        void doctor.startUp();
        void toolKeyWatch.trustChanged();
      }),
    );
    const activationMs = performance.now() - started;
    // Right after activation, not inside it: the language client's document watch and the first check.
    setTimeout(() => {
      log.info(`Activated in ${activationMs.toFixed(1)} ms.`);
      const configClient = registerConfigLanguageClient(context, log);
      context.subscriptions.push(doctor.onDidCheck((result) => configClient.notifyProbeLearnt(result.diagnosis, result.diagnosis.liveModels ?? null)));
      void doctor.startUp();
      void toolKeyWatch.reconcile();
    }, 0);
    return testMode && recorder
      ? createTestApi(activationMs, doctor, prompts, log, recorder, context.globalState, { statusBar: () => statusFor(doctor.statusView()), watch: watchTestApi(toolKeyWatch) })
      : undefined;
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Mistral Key Doctor failed to start: {0}', describeError(error)));
    throw error;
  }
}

export function deactivate(): void {}

function showStatus(item: vscode.StatusBarItem, view: WatchStatusView): void {
  if (!view.visible) {
    item.hide();
    return;
  }
  item.text = view.text;
  item.accessibilityInformation = { label: view.text.replace(/\$\([^)]*\)\s*/g, ''), role: 'button' };
  const tooltip = new vscode.MarkdownString(view.tooltip);
  tooltip.isTrusted = { enabledCommands: [...TOOLTIP_COMMANDS, ...WATCH_TOOLTIP_COMMANDS] };
  tooltip.supportThemeIcons = true;
  item.tooltip = tooltip;
  item.command = view.command ?? 'mistralKeyDoctor.showDiagnostics';
  item.backgroundColor = view.warning ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
  item.show();
}
