// The extension as the extension-host tests run it: the real start (src/extension/startExtension.ts)
// with scripted prompts, a log and a panel that record, and a short watch window. The test build
// bundles this as the test extension's dist/extension.js (test/harness/buildTestExtension.mjs).
import * as vscode from 'vscode';
import { startExtension } from '../../../src/extension/startExtension';
import { RecordingLog } from '../../harness/recordingLog';
import { ScriptedPrompts } from '../../harness/scriptedPrompts';
import { createTestApi, RecordingPanel, WATCH_CHECK_WINDOW_MS, type KeyDoctorTestApi } from './testApi';

export function activate(context: vscode.ExtensionContext): KeyDoctorTestApi {
  const prompts = new ScriptedPrompts();
  const log = new RecordingLog(() => vscode.window.createOutputChannel('Mistral Key Doctor', { log: true }));
  const panel = new RecordingPanel();
  const started = startExtension(context, { prompts, log, panelRecorder: panel, watchCheckWindowMs: WATCH_CHECK_WINDOW_MS });
  return createTestApi(started, { prompts, log, panel, globalState: context.globalState });
}

export function deactivate(): void {}
