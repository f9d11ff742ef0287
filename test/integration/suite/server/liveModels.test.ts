// What a check learns reaches the config language server: once the api host has listed the models
// for the user's key, a model id missing from that list is flagged where the config names it.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as vscode from 'vscode';
import { MODELS_CURRENT, scenarioNamed, TEST_KEYS, type Emulator } from '../../../../src/emulator';
import { activateTestApi, emulatorBehindExtension, removeKeyAndEmulator } from '../../testExtension/connect';
import type { KeyDoctorTestApi } from '../../testExtension/testApi';
import { waitFor } from '../../../harness/poll';

const UNLISTED_MODEL = 'mistral-medium-2611';

function codesOn(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === 'Mistral Key Doctor')
    .map((diagnostic) => (typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code)));
}

suite('config language server: live models list from the last check', () => {
  let api: KeyDoctorTestApi;
  let emulator: Emulator;

  suiteSetup(async () => {
    api = await activateTestApi();
    emulator = await emulatorBehindExtension({ tool: 'vibe', autoCheck: false });
  });

  suiteTeardown(async () => removeKeyAndEmulator(api, emulator));

  async function checkConsoleKey(): Promise<void> {
    const fingerprint = `${TEST_KEYS.console.slice(0, 4)}…${TEST_KEYS.console.slice(-4)}`;
    const before = api.lastResult();
    api.answer({ kind: 'pick', match: fingerprint });
    await vscode.commands.executeCommand('mistralKeyDoctor.checkKey');
    await waitFor(() => {
      const result = api.lastResult();
      return result !== before && result?.diagnosis.key.fingerprint === fingerprint && result.diagnosis.liveModels?.length;
    }, { what: 'a check of the console key that listed the models' });
  }

  test('a model missing from the models list of the last check is an error, and clears when the list offers it', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'no workspace folder open');
    const uri = vscode.Uri.joinPath(folder, '.continue', 'models', 'unlisted.yaml');
    fs.mkdirSync(vscode.Uri.joinPath(uri, '..').fsPath, { recursive: true });
    fs.writeFileSync(uri.fsPath, `name: Unlisted\nversion: 1.0.0\nschema: v1\nmodels:\n  - name: Medium\n    provider: mistral\n    model: ${UNLISTED_MODEL}\n  - name: Autocomplete\n    provider: mistral\n    model: codestral-latest\n`);
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      // The built-in lifecycle table has no word on this id; only a live list can say the key lacks it.
      await waitFor(() => codesOn(uri).includes('model-moving-alias'), { what: 'the first diagnostics pass', timeoutMs: 20_000 });

      api.answer({ kind: 'input', value: TEST_KEYS.console });
      await vscode.commands.executeCommand('mistralKeyDoctor.setKey');

      await checkConsoleKey();
      await waitFor(() => codesOn(uri).includes('model-not-listed'),
        { what: `model-not-listed on ${UNLISTED_MODEL} after a check whose list lacks it`, timeoutMs: 20_000 });

      // The same key, now offered the model: the next check's list clears the error.
      const offered = [...MODELS_CURRENT, { ...MODELS_CURRENT[1]!, id: UNLISTED_MODEL, aliases: [] }];
      emulator.setScenario({ ...scenarioNamed('normal'), models: offered });
      await checkConsoleKey();
      await waitFor(() => !codesOn(uri).includes('model-not-listed'),
        { what: `model-not-listed to clear once the list offers ${UNLISTED_MODEL}`, timeoutMs: 20_000 });
    } finally {
      fs.rmSync(uri.fsPath, { force: true });
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
