// How a suite reaches the test extension: its test API, its settings, the emulator behind it.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { startEmulator, type Emulator } from '../../../src/emulator';
import type { KeyDoctorTestApi } from './testApi';

export const EXTENSION_ID = 'mistral-key-doctor.mistral-key-doctor';

/** Activates the test extension (once per window) and returns its test API. */
export async function activateTestApi(): Promise<KeyDoctorTestApi> {
  const extension = vscode.extensions.getExtension<KeyDoctorTestApi | undefined>(EXTENSION_ID);
  assert.ok(extension, 'the extension under test is not loaded');
  const api = await extension.activate();
  assert.ok(api, 'activate() returned no test API: is the test extension (.test-build/extension) loaded?');
  return api;
}

/** Writes `mistralKeyDoctor.*` settings into user settings; `undefined` removes one. */
export async function configure(values: Record<string, unknown>): Promise<void> {
  const config = vscode.workspace.getConfiguration('mistralKeyDoctor');
  for (const [name, value] of Object.entries(values)) await config.update(name, value, vscode.ConfigurationTarget.Global);
}

/** Starts the emulator and points the extension's base URLs at it, with the other settings given. */
export async function emulatorBehindExtension(settings: Record<string, unknown> = {}): Promise<Emulator> {
  const emulator = await startEmulator();
  await configure({ apiBaseUrl: emulator.apiUrl, codestralBaseUrl: emulator.codestralUrl, ...settings });
  return emulator;
}

/** Undoes `emulatorBehindExtension` for a suite that stored a key: the key removed, the settings back, the emulator closed. */
export async function removeKeyAndEmulator(api: KeyDoctorTestApi, emulator: Emulator | undefined): Promise<void> {
  api.answer({ kind: 'message', action: 'Remove' });
  await vscode.commands.executeCommand('mistralKeyDoctor.removeKey');
  api.clearAnswers();
  await configure({ apiBaseUrl: undefined, codestralBaseUrl: undefined, tool: undefined, autoCheck: undefined });
  await emulator?.close();
}
