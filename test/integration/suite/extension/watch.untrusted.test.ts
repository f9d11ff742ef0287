// The watch in a window whose folder is not trusted: home files are watched and checked, workspace
// files (a .env, a Continue config) are neither watched, read nor sent, even with watchToolKeys "always".
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { TEST_KEYS, type Emulator } from '../../../../src/emulator';
import { activateTestApi, configure, emulatorBehindExtension } from '../../testExtension/connect';
import { WATCH_CHECK_WINDOW_MS, type KeyDoctorTestApi } from '../../testExtension/testApi';
import { waitFor } from '../../../harness/poll';

/** The test extension's watch window (test/integration/testExtension/testApi.ts). */
const WINDOW_MS = WATCH_CHECK_WINDOW_MS;

suite('watch in an untrusted workspace', () => {
  let api: KeyDoctorTestApi;
  let emulator: Emulator;
  const continueFile = path.join(os.homedir(), '.continue', 'config.yaml');
  let workspaceEnv: string;

  suiteSetup(async () => {
    api = await activateTestApi();
    emulator = await emulatorBehindExtension();
    workspaceEnv = path.join(vscode.workspace.workspaceFolders![0]!.uri.fsPath, '.env');
  });

  suiteTeardown(async () => {
    await configure({ apiBaseUrl: undefined, codestralBaseUrl: undefined, watchToolKeys: undefined });
    for (const file of [continueFile, workspaceEnv]) fs.rmSync(file, { force: true });
    await emulator?.close();
  });

  test('the window really is untrusted', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  test('no workspace file is read or checked; the key in the home folder is', async () => {
    fs.writeFileSync(workspaceEnv, `MISTRAL_API_KEY=${TEST_KEYS.codestral}\n`);
    fs.mkdirSync(path.dirname(continueFile), { recursive: true });
    fs.writeFileSync(continueFile, `models:\n  - name: Chat\n    provider: mistral\n    model: mistral-large-latest\n    apiKey: ${TEST_KEYS.console}\n`);
    await configure({ watchToolKeys: 'always' });
    await waitFor(() => api.watch.verdicts().some((v) => v.sourceId === 'continue' && v.diagnosis?.cause.id === 'ok'), { what: "the home Continue key's verdict", timeoutMs: 15_000 });
    // The workspace .env changes too: still nothing is read or sent from it.
    fs.writeFileSync(workspaceEnv, `MISTRAL_API_KEY=${TEST_KEYS.both}\n`);
    await new Promise((resolve) => setTimeout(resolve, WINDOW_MS + 1000));
    await api.watch.settled();
    const sent = new Set(emulator.requests.map((request) => request.authorization));
    assert.ok(sent.has(`Bearer ${TEST_KEYS.console}`));
    assert.ok(!sent.has(`Bearer ${TEST_KEYS.codestral}`) && !sent.has(`Bearer ${TEST_KEYS.both}`), 'a workspace key reached a host');
    assert.ok(!api.watch.watchedSources().includes('dotenv'));
    assert.ok(api.watch.verdicts().every((v) => v.sourceId === 'continue' && v.place.includes('~/.continue/config.yaml')));
    assert.ok(api.logLines().some((line) => line.startsWith("Watching Continue's files: ~/.continue/config.yaml") && line.includes('untrusted workspace: workspace files are not watched')));
  });
});
