// Wires the extension together: commands, the status item, the panel serializer, listeners. The
// engine (SDK, probe) loads on the first check; tool detection and the first automatic check run
// right after activation returns. `activate` (extension.ts) gives the window's prompts and log; the
// extension-host tests give their own through the same parts.
import * as vscode from 'vscode';
import { useL10nBundle } from '../core/l10n';
import { COMMANDS } from '../shared/commands';
import { checkKeyInFileArgsSchema } from '../shared/lspProtocol';
import * as commands from './commands';
import { Ctx } from './ctx';
import { createEngineLoader } from './check/engineLoader';
import { registerConfigLanguageClient } from './languageClient/languageClient';
import { describeError, type ExtensionLog } from './log';
import type { PanelRecorder } from './panel/diagnosticsPanel';
import { routePanelMessage } from './panel/panelRouting';
import type { Prompts } from './prompts';
import { SETTINGS_SECTION } from './settings';
import { TOOLTIP_COMMANDS, type StatusView } from './status/statusView';
import { createToolKeyWatch } from './watch/createWatch';
import type { ToolKeyWatch } from './watch/toolKeyWatch';
import { watchCommands } from './watch/watchCommands';

export interface ExtensionParts {
  prompts: Prompts;
  log: ExtensionLog;
  panelRecorder?: PanelRecorder;
  /** How often one watched key may be checked; a minute unless given. */
  watchCheckWindowMs?: number;
}

export interface StartedExtension {
  ctx: Ctx;
  watch: ToolKeyWatch;
  /** How long the start took, in milliseconds. */
  activationMs: number;
}

/** Long enough for the window's own start-up to finish first; loading the engine sends nothing. */
const ENGINE_WARM_UP_DELAY_MS = 3_000;

export function startExtension(context: vscode.ExtensionContext, parts: ExtensionParts): StartedExtension {
  const started = performance.now();
  try {
    useL10nBundle(vscode.l10n.bundle);
    const { log, prompts } = parts;
    const statusItem = vscode.window.createStatusBarItem('mistralKeyDoctor.status', vscode.StatusBarAlignment.Right, 100);
    statusItem.name = 'Mistral Key Doctor';
    statusItem.command = COMMANDS.statusMenu;
    const loadEngine = createEngineLoader(context.asAbsolutePath('dist/engine.js'), vscode.l10n.bundle, (ms) => log.info(`Loaded the engine in ${ms.toFixed(1)} ms.`));
    const ctx = new Ctx({
      context,
      log,
      prompts,
      loadEngine,
      showStatus: (view) => showStatus(statusItem, view),
      onPanelMessage: routePanelMessage,
      panelRecorder: parts.panelRecorder,
    });
    // The keys other tools use, checked when they change; the status item speaks for the worst one.
    const watch = createToolKeyWatch({
      globalState: context.globalState,
      log,
      prompts,
      loadEngine,
      check: (candidate, keyStoredAgoMs) => ctx.checker.check(candidate, { interactive: false, remember: false, keyStoredAgoMs }),
      onDidChange: () => ctx.refresh(),
      checkWindowMs: parts.watchCheckWindowMs,
    });
    ctx.watched = watch;

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
      ctx,
      watch,
      ...Object.entries(watchCommands(watch, { pick: (items, options) => prompts.menu(items, options), checkWithProgress: (candidate) => commands.checkWithProgress(ctx, candidate) }))
        .map(([id, run]) => command(id, run)),
      ctx.panel.registerSerializer(),
      command(COMMANDS.checkKey, () => commands.checkKey(ctx)),
      command(COMMANDS.setKey, () => commands.setKey(ctx)),
      command(COMMANDS.removeKey, () => commands.removeKey(ctx)),
      command(COMMANDS.showDiagnostics, () => ctx.panel.show()),
      command(COMMANDS.showLog, () => log.channel.show(true)),
      command(COMMANDS.pinModel, () => commands.pin(ctx)),
      command(COMMANDS.selectTool, () => commands.chooseTool(ctx)),
      command(COMMANDS.statusMenu, () => commands.statusMenu(ctx)),
      command(COMMANDS.checkKeyInFile, (raw) => {
        const args = checkKeyInFileArgsSchema.parse(raw);
        return commands.checkKeyInFile(ctx, vscode.Uri.parse(args.uri, true), new vscode.Position(args.line, args.character));
      }),
      ctx.keyStore.onDidChange(() => void ctx.noteKeyStored().then(() => ctx.autoChecks.storedKeyChanged())),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SETTINGS_SECTION)) ctx.refresh();
        if (event.affectsConfiguration(`${SETTINGS_SECTION}.watchToolKeys`) || event.affectsConfiguration(`${SETTINGS_SECTION}.watchDeclinedSources`)) void watch.reconcile({ ask: false });
      }),
      vscode.extensions.onDidChange(() => void ctx.detectTools()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        void ctx.autoChecks.startUp();
        void watch.trustChanged();
      }),
    );
    ctx.refresh();
    const activationMs = performance.now() - started;
    // Right after activation, not inside it: the language client's document watch, detection and the first check.
    setTimeout(() => {
      log.info(`Activated in ${activationMs.toFixed(1)} ms.`);
      const configClient = registerConfigLanguageClient(context, log, prompts);
      context.subscriptions.push(ctx.checker.onDidCheck((result) => configClient.notifyProbeLearnt(result.diagnosis, result.diagnosis.liveModels ?? null)));
      void ctx.noteKeyStored();
      void ctx.detectTools();
      void ctx.autoChecks.startUp();
      void watch.reconcile();
    }, 0);
    // The first "Check Mistral key" should not wait for the engine's require: load it once the window is idle.
    const warmUp = setTimeout(() => {
      try {
        loadEngine();
      } catch (error) {
        log.warn(`Loading the engine ahead of the first check failed: ${describeError(error)}`);
      }
    }, ENGINE_WARM_UP_DELAY_MS);
    context.subscriptions.push({ dispose: () => clearTimeout(warmUp) });
    return { ctx, watch, activationMs };
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Mistral Key Doctor failed to start: {0}', describeError(error)));
    throw error;
  }
}

function showStatus(item: vscode.StatusBarItem, view: StatusView): void {
  if (!view.visible) {
    item.hide();
    return;
  }
  item.text = view.text;
  item.accessibilityInformation = { label: view.words, role: 'button' };
  const tooltip = new vscode.MarkdownString(view.tooltip);
  tooltip.isTrusted = { enabledCommands: TOOLTIP_COMMANDS };
  tooltip.supportThemeIcons = true;
  item.tooltip = tooltip;
  item.backgroundColor = view.background ? new vscode.ThemeColor(`statusBarItem.${view.background}Background`) : undefined;
  item.show();
}
