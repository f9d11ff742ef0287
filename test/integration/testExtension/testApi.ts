// What the test extension's `activate` returns: enough for the extension-host tests to drive prompts
// and read back what a user would have seen. None of it ships: the test build bundles it (entry.ts)
// in place of src/extension/extension.ts.
import type * as vscode from 'vscode';
import type { CheckResult } from '../../../src/extension/check/checkResult';
import type { PanelRecorder } from '../../../src/extension/panel/diagnosticsPanel';
import type { StartedExtension } from '../../../src/extension/startExtension';
import type { StatusView } from '../../../src/extension/status/statusView';
import type { KeyStatus } from '../../../src/extension/status/keyStatus';
import type { WatchedSourceId } from '../../../src/extension/watch/watchedSources';
import type { ToWebviewMessage } from '../../../src/shared/webviewProtocol';
import type { RecordingLog } from '../../harness/recordingLog';
import type { ScriptedAnswer, ScriptedPrompts } from '../../harness/scriptedPrompts';

/** How often the test extension lets the watch check one key (the product's window is a minute). */
export const WATCH_CHECK_WINDOW_MS = 3000;

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
  watch: {
    verdicts(): KeyStatus[];
    watchedSources(): WatchedSourceId[];
    /** Resolves when no read or check of the watch is running. */
    settled(): Promise<void>;
    /** True when no read or check runs or waits (a pending read after a file event, a throttled check). */
    idle(): boolean;
  };
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

export function createTestApi(started: StartedExtension, parts: { prompts: ScriptedPrompts; log: RecordingLog; panel: RecordingPanel; globalState: vscode.Memento }): KeyDoctorTestApi {
  const { ctx, watch } = started;
  const { prompts, log, panel, globalState } = parts;
  return {
    activationMs: started.activationMs,
    answer: (answer) => prompts.enqueue(answer),
    lastResult: () => ctx.checker.result,
    statusBar: () => ctx.statusView(),
    panelOpen: () => ctx.panel.isOpen,
    panelHtml: () => panel.htmls,
    panelMessages: () => panel.messages,
    sendFromPanel: (message) => ctx.panel.receive(message),
    logLines: () => log.lines,
    notifications: () => prompts.shownMessages,
    clearAnswers: () => prompts.clearAnswers(),
    globalStateJson: () => JSON.stringify(Object.fromEntries(globalState.keys().map((key) => [key, globalState.get(key)]))),
    watch: {
      verdicts: () => watch.keys(),
      watchedSources: () => watch.watchedSources(),
      settled: () => watch.settled(),
      idle: () => watch.idle(),
    },
  };
}
