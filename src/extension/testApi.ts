// What `activate` returns in the extension's test mode (and only there): enough for integration
// tests to drive prompts and read back what a user would have seen.
import type { Memento } from 'vscode';
import type { ToWebviewMessage } from '../shared/webviewProtocol';
import type { CheckResult } from './check/checkResult';
import type { Ctx } from './ctx';
import type { ExtensionLog } from './log';
import type { PanelRecorder } from './panel/diagnosticsPanel';
import type { Prompts, ScriptedAnswer } from './prompts';
import type { StatusView } from './status/statusView';
import type { WatchTestApi } from './watch/watchTestApi';

export interface KeyDoctorTestApi {
  /** How long `activate()` took, in milliseconds. */
  activationMs: number;
  /** Queues the answer the next prompt of that kind returns instead of asking a person. */
  answer(answer: ScriptedAnswer): void;
  lastResult(): CheckResult | null;
  statusBar(): StatusView;
  panelOpen(): boolean;
  /** Every HTML the panel was given and every message posted to it. */
  panelHtml(): readonly string[];
  panelMessages(): readonly ToWebviewMessage[];
  /** Feeds a message to the panel's host side as if the webview had sent it. */
  sendFromPanel(message: unknown): void;
  logLines(): readonly string[];
  notifications(): readonly string[];
  /** Forgets queued answers that no prompt took. */
  clearAnswers(): void;
  /** JSON of everything in globalState, to prove the key is not there. */
  globalStateJson(): string;
  watch: WatchTestApi;
}

export class RecordingPanel implements PanelRecorder {
  readonly htmls: string[] = [];
  readonly messages: ToWebviewMessage[] = [];
  html(html: string): void {
    this.htmls.push(html);
  }
  posted(message: ToWebviewMessage): void {
    this.messages.push(message);
  }
}

export function createTestApi(activationMs: number, ctx: Ctx, prompts: Prompts, log: ExtensionLog, panel: RecordingPanel, globalState: Memento, watch: WatchTestApi): KeyDoctorTestApi {
  return {
    activationMs,
    answer: (answer) => prompts.enqueue(answer),
    lastResult: () => ctx.checker.result,
    statusBar: () => ctx.statusView(),
    panelOpen: () => ctx.panel.isOpen,
    panelHtml: () => panel.htmls,
    panelMessages: () => panel.messages,
    sendFromPanel: (message) => ctx.panel.receiveForTest(message),
    logLines: () => log.lines,
    notifications: () => prompts.shownMessages,
    clearAnswers: () => prompts.clearAnswers(),
    globalStateJson: () => JSON.stringify(Object.fromEntries(globalState.keys().map((key) => [key, globalState.get(key)]))),
    watch,
  };
}
