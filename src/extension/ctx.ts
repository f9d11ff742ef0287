// The extension's shared state and wiring: the key store, the checker, the automatic checks, the
// panel, the tool in use (chosen or detected) and what the status item shows. Commands
// (commands.ts) and the panel's messages (panelRouting.ts) act through it.
import * as vscode from 'vscode';
import type { Target, ToolId } from '../core/diagnosis';
import { inspectKey } from '../core/hygiene';
import { hostForTool } from '../core/tools';
import { AutoChecks } from './check/autoChecks';
import { Checker } from './check/checker';
import { RecentProbes } from './check/recentProbes';
import { DiagnosticsPanel, type PanelRecorder } from './panel/diagnosticsPanel';
import type { Engine } from './check/engineLoader';
import { HostConsent } from './check/hostConsent';
import { KeyStore } from './key/keyStore';
import type { Log } from './log';
import { buildPanelView } from './panel/panelView';
import type { Prompts } from './prompts';
import { ResultMemory } from './panel/resultMemory';
import { currentSettings, type DoctorSettings } from './settings';
import { describeStatus, type StatusView } from './status/statusView';
import type { StatusMenuItem } from './status/statusMenu';
import { detectionSentence, detectTools, type DetectedTool } from './check/toolDetection';
import type { FromWebviewMessage } from '../shared/webviewProtocol';

export interface CtxDeps {
  context: vscode.ExtensionContext;
  log: Log;
  prompts: Prompts;
  loadEngine: () => Engine;
  showStatus: (view: StatusView) => void;
  /** Where the panel's messages go (panelRouting.ts). */
  onPanelMessage: (ctx: Ctx, message: Exclude<FromWebviewMessage, { type: 'ready' }>) => Promise<void>;
  panelRecorder?: PanelRecorder;
  /** Installed tools; tests pass a fixed list. */
  detect?: () => Promise<DetectedTool[]>;
}

export interface ToolInUse {
  tool: ToolId;
  /** The installed extension's version, when known (Cline's host depends on it). */
  version: string | null;
  detected: DetectedTool | null;
}

export class Ctx implements vscode.Disposable {
  readonly keyStore: KeyStore;
  readonly checker: Checker;
  readonly autoChecks: AutoChecks;
  readonly panel: DiagnosticsPanel;
  readonly consent: HostConsent;
  private detected: DetectedTool[] = [];
  private keyStored = false;
  /** Other keys the status item and its menu speak for: the watch of other tools' keys (src/extension/watch/). */
  statusExtras: { decorate(view: StatusView): StatusView; menuItems(): StatusMenuItem[] } | null = null;

  constructor(readonly deps: CtxDeps) {
    const { context, log } = deps;
    this.keyStore = new KeyStore(context.secrets, context.globalState);
    this.consent = new HostConsent(context.globalState, deps.prompts);
    this.checker = new Checker({
      log,
      prompts: deps.prompts,
      keyStore: this.keyStore,
      consent: this.consent,
      memory: new ResultMemory(context.workspaceState ?? context.globalState),
      loadEngine: deps.loadEngine,
      settings: () => this.settings(),
      target: (model) => this.target(model),
      onChange: () => this.refresh(),
    });
    this.autoChecks = new AutoChecks({
      checker: this.checker, keyStore: this.keyStore, log, settings: () => this.settings(), onChange: () => this.refresh(),
      recentProbes: new RecentProbes(context.globalState),
    });
    this.panel = new DiagnosticsPanel(context.extensionUri, () => this.panelView(), {
      onMessage: (message) => void deps.onPanelMessage(this, message),
      onInvalidMessage: (issue) => log.warn(`Dropped a message from the panel that failed validation: ${issue}`),
    }, deps.panelRecorder);
  }

  get log(): Log {
    return this.deps.log;
  }

  get prompts(): Prompts {
    return this.deps.prompts;
  }

  settings(): DoctorSettings {
    return currentSettings();
  }

  /** The tool the user chose; else the first one detected; else `other`. */
  toolInUse(): ToolInUse {
    const settings = this.settings();
    if (settings.toolChosen) {
      const detected = this.detected.find((entry) => entry.tool === settings.tool) ?? null;
      return { tool: settings.tool, version: detected?.version ?? null, detected };
    }
    const first = this.detected[0] ?? null;
    return first ? { tool: first.tool, version: first.version, detected: first } : { tool: 'other', version: null, detected: null };
  }

  target(model: string | null): { tool: ToolId; host: Target } {
    const inUse = this.toolInUse();
    return { tool: inUse.tool, host: hostForTool(inUse.tool, model, inUse.version) };
  }

  get detectedTools(): readonly DetectedTool[] {
    return this.detected;
  }

  async detectTools(): Promise<void> {
    try {
      this.detected = await (this.deps.detect ?? detectTools)();
      if (this.detected.length > 0) this.log.info(`Detected: ${this.detected.map((entry) => `${entry.tool}${entry.version ? ` ${entry.version}` : ''} (${entry.evidence})`).join(', ')}.`);
    } catch (error) {
      this.log.warn(`Detecting installed tools failed: ${String(error)}`);
    }
    this.refresh();
  }

  /** Re-reads whether a key is stored (for the status item's "set a key" state). */
  async noteKeyStored(): Promise<string | null> {
    const key = await this.keyStore.read();
    this.keyStored = key !== undefined;
    this.refresh();
    return key === undefined ? null : inspectKey(key).report.fingerprint;
  }

  statusView(): StatusView {
    const result = this.checker.result;
    const settings = this.settings();
    const view = describeStatus({
      checking: this.checker.checking,
      sources: result ? [{ label: result.sourceLabel, result }] : [],
      keyStored: this.keyStored,
      alwaysVisible: settings.statusAlwaysVisible,
      waitingUntil: result?.storedKey ? this.autoChecks.watch.waitingUntil : null,
      nextCheckAt: this.autoChecks.nextCheckAt,
    });
    return this.statusExtras?.decorate(view) ?? view;
  }

  panelView() {
    const inUse = this.toolInUse();
    const settings = this.settings();
    const result = this.checker.result;
    return buildPanelView({
      tool: inUse.tool,
      detection: inUse.detected ? detectionSentence(inUse.detected, result?.diagnosis.model.id ?? settings.model) : null,
      settingsNotes: settings.ignored,
      checking: this.checker.checking,
      result,
      nextCheckAt: this.autoChecks.nextCheckAt,
    });
  }

  refresh(): void {
    this.deps.showStatus(this.statusView());
    this.panel.refresh();
  }

  dispose(): void {
    this.autoChecks.dispose();
    this.panel.dispose();
  }
}
