// The watch of other tools' keys in a real extension host, against the emulator on loopback: consent
// per source, a key change in Continue's config and in a workspace .env reaching the status item
// within one throttle window (shortened through the test API, never waited out), the warning
// clearing after the fix, a declined source never read again, and nothing persisted but fingerprints.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import { TEST_KEYS, type Emulator } from '../../../../src/emulator';
import { activateTestApi, configure, emulatorBehindExtension } from '../../testExtension/connect';
import { WATCH_CHECK_WINDOW_MS, type KeyDoctorTestApi } from '../../testExtension/testApi';
import { waitFor } from '../../../harness/poll';

const SECTION = 'mistralKeyDoctor';
/** The test extension's watch window (test/integration/testExtension/testApi.ts). */
const WINDOW_MS = WATCH_CHECK_WINDOW_MS;
/** One throttle window, plus the time a file event, a read and a loopback check take. */
const WITHIN_ONE_WINDOW = { timeoutMs: WINDOW_MS + 7000 };

function fingerprintOf(key: string): string {
  return `${key.slice(0, 4)}…${key.slice(-4)}`;
}

function continueConfig(key: string): string {
  return `name: Local\nversion: 1.0.0\nschema: v1\nmodels:\n  - name: Chat\n    provider: mistral\n    model: mistral-large-latest\n    apiBase: https://api.mistral.ai/v1\n    apiKey: ${key}\n`;
}

suite('watch: the keys other tools use', () => {
  let api: KeyDoctorTestApi;
  let emulator: Emulator;
  const home = os.homedir();
  const continueFile = path.join(home, '.continue', 'config.yaml');
  const vibeFile = path.join(home, '.vibe', '.env');
  let workspaceEnv: string;

  suiteSetup(async () => {
    api = await activateTestApi();
    emulator = await emulatorBehindExtension({ autoCheck: false });
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    workspaceEnv = path.join(folder.uri.fsPath, '.env');
    assert.ok(home.includes('.test-runs'), `the extension host runs with the run's own HOME (${home})`);
  });

  suiteTeardown(async () => {
    for (const id of api?.watch.watchedSources() ?? []) await vscode.commands.executeCommand('mistralKeyDoctor.stopWatching', id);
    await configure({ apiBaseUrl: undefined, codestralBaseUrl: undefined, autoCheck: undefined, watchDeclinedSources: undefined, watchToolKeys: undefined });
    // The run folder is scanned for keys by the hygiene test: leave none behind.
    for (const file of [continueFile, vibeFile, workspaceEnv]) fs.rmSync(file, { force: true });
    await emulator?.close();
  });

  teardown(() => api.clearAnswers());

  const statusText = () => api.statusBar().text;
  /**
   * The verdict of this key in this source once its own check ended: not stale (a changed key is
   * stale until then) and not being checked. Status assertions come after it, never instead of it.
   */
  const settledVerdict = (sourceId: string, key: string, what: string) => waitFor(
    () => api.watch.verdicts().find((v) => v.sourceId === sourceId && v.place.endsWith(fingerprintOf(key)) && v.diagnosis !== null && !v.stale && !v.checking),
    { what, ...WITHIN_ONE_WINDOW },
  );
  const requestsWith = (key: string) => emulator.requests.filter((request) => request.authorization === `Bearer ${key}`).length;

  test('consent: asked once for Continue\'s files; allowed, its key is checked and the status item names Continue and the cause', async () => {
    fs.mkdirSync(path.dirname(continueFile), { recursive: true });
    fs.writeFileSync(continueFile, continueConfig(TEST_KEYS.codestral));
    const shown = api.notifications().length;
    api.answer({ kind: 'message', action: 'Watch', match: "Continue's files" });
    await vscode.commands.executeCommand('mistralKeyDoctor.watchToolKeys');
    // The question names the files it will read and says where their key goes.
    assert.ok(api.notifications().slice(shown).some((m) => m.startsWith("Watch Continue's files (~/.continue/config.yaml") && m.includes("sends it to Mistral's hosts (api.mistral.ai, codestral.mistral.ai)")));
    assert.deepEqual(api.watch.watchedSources().includes('continue'), true);
    const status = await waitFor(() => { const view = api.statusBar(); return view.worst?.sourceId === 'continue' && view; }, { what: "the status item to speak for Continue's key", ...WITHIN_ONE_WINDOW });
    assert.equal(status.text, '$(error) Mistral 401 · Continue');
    assert.match(status.tooltip, /Continue's key\*\*: It does not work for Continue\./);
    assert.equal(status.background, 'error');
    assert.ok(requestsWith(TEST_KEYS.codestral) > 0, 'the key reached the emulator');
    assert.ok(api.logLines().some((line) => line.startsWith("Watching Continue's files: ~/.continue/config.yaml")), 'the log names the watched files by displayed path');
  });

  test('the fix in Continue\'s config clears the warning within one throttle window; a change back warns again', async () => {
    const codestralRequests = requestsWith(TEST_KEYS.codestral);
    fs.writeFileSync(continueFile, continueConfig(TEST_KEYS.console));
    assert.equal((await settledVerdict('continue', TEST_KEYS.console, 'the fixed key\'s own verdict')).diagnosis?.cause.id, 'ok');
    assert.ok(requestsWith(TEST_KEYS.console) > 0, 'the fixed key reached the emulator');
    assert.equal(statusText(), '$(check) Mistral · Continue');
    assert.equal(api.statusBar().background, null);
    // The codestral key was checked moments ago: this check waits for the window, and comes within it.
    fs.writeFileSync(continueFile, continueConfig(TEST_KEYS.codestral));
    assert.equal((await settledVerdict('continue', TEST_KEYS.codestral, 'the changed-back key\'s own verdict')).diagnosis?.cause.id, 'codestral-key-on-api-host');
    assert.ok(requestsWith(TEST_KEYS.codestral) > codestralRequests, 'the changed-back key was checked again');
    assert.equal(statusText(), '$(error) Mistral 401 · Continue');
    fs.writeFileSync(continueFile, continueConfig(TEST_KEYS.console));
    assert.equal((await settledVerdict('continue', TEST_KEYS.console, 'the fixed key\'s verdict again')).diagnosis?.cause.id, 'ok');
    assert.equal(api.statusBar().background, null);
  });

  test('a burst of saves: at most one check per key per throttle window', async () => {
    await api.watch.settled();
    const before = requestsWith(TEST_KEYS.both);
    const started = Date.now();
    for (let i = 0; i < 30; i++) {
      fs.writeFileSync(continueFile, continueConfig(i % 2 === 0 ? TEST_KEYS.both : TEST_KEYS.console));
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    fs.writeFileSync(continueFile, continueConfig(TEST_KEYS.console));
    await settledVerdict('continue', TEST_KEYS.console, 'the last key of the burst to get its own verdict');
    // Trailing checks of the burst's keys come at the end of their windows: wait for the watch to have none left.
    await waitFor(() => api.watch.idle(), { what: 'the watch to have no read or check running or waiting', timeoutMs: 3 * WINDOW_MS + 7000 });
    const windows = Math.ceil((Date.now() - started) / WINDOW_MS);
    // Each check of a key costs one request per host; at most one check per key per window started.
    const checksOfBoth = (requestsWith(TEST_KEYS.both) - before) / 2;
    assert.ok(checksOfBoth <= windows, `${checksOfBoth} checks of one key in ${windows} windows`);
    assert.ok(checksOfBoth >= 1, 'the key in the burst was checked');
  });

  test('a key change in a workspace .env reaches the status item within one throttle window, and clears after the fix', async () => {
    fs.writeFileSync(workspaceEnv, `MISTRAL_API_KEY=${TEST_KEYS.codestral}\n`);
    api.answer({ kind: 'message', action: 'Watch', match: "the workspace's .env files" });
    await vscode.commands.executeCommand('mistralKeyDoctor.watchToolKeys');
    assert.ok(api.watch.watchedSources().includes('dotenv'));
    assert.equal((await settledVerdict('dotenv', TEST_KEYS.codestral, 'the .env key\'s verdict')).diagnosis?.cause.id, 'codestral-key-on-api-host');
    assert.equal(statusText(), '$(error) Mistral 401 · litellm');
    fs.writeFileSync(workspaceEnv, `MISTRAL_API_KEY=${TEST_KEYS.both}\n`);
    assert.equal((await settledVerdict('dotenv', TEST_KEYS.both, 'the fixed .env key\'s own verdict')).diagnosis?.cause.id, 'ok');
    assert.ok(requestsWith(TEST_KEYS.both) > 0, 'the fixed .env key reached the emulator');
    assert.notEqual(api.statusBar().worst?.sourceId, 'dotenv');
    assert.equal(api.statusBar().background, null);
  });

  test('a declined source is never read again: Mistral Vibe\'s key never reaches a host', async () => {
    fs.mkdirSync(path.dirname(vibeFile), { recursive: true });
    fs.writeFileSync(vibeFile, `MISTRAL_API_KEY=${TEST_KEYS.revoked}\n`);
    api.answer({ kind: 'message', action: 'Not this one', match: "Mistral Vibe's files" });
    await vscode.commands.executeCommand('mistralKeyDoctor.watchToolKeys');
    assert.deepEqual(vscode.workspace.getConfiguration(SECTION).get('watchDeclinedSources'), ['vibe']);
    const logged = api.logLines().length;
    fs.writeFileSync(vibeFile, `MISTRAL_API_KEY=${TEST_KEYS.fresh}\n`);
    await vscode.commands.executeCommand('mistralKeyDoctor.watchToolKeys');
    // An absence is proved after a later event: a change in a watched file, written after Vibe's, got
    // its own verdict and the watch has nothing left to do, so anything Vibe's change caused is done.
    fs.writeFileSync(continueFile, continueConfig(TEST_KEYS.both));
    await settledVerdict('continue', TEST_KEYS.both, 'the verdict of a later change in a watched file');
    await waitFor(() => api.watch.idle(), { what: 'the watch to have no read or check running or waiting', timeoutMs: 3 * WINDOW_MS + 7000 });
    assert.equal(requestsWith(TEST_KEYS.revoked) + requestsWith(TEST_KEYS.fresh), 0);
    assert.ok(!api.watch.watchedSources().includes('vibe'));
    assert.deepEqual(api.logLines().slice(logged).filter((line) => line.includes('.vibe')), []);
  });

  test('"Stop watching" from the status menu drops the source\'s keys and leaves the setting declined', async () => {
    api.answer({ kind: 'pick', match: "Watching the workspace's .env files" });
    await vscode.commands.executeCommand('mistralKeyDoctor.statusMenu');
    assert.ok(!api.watch.watchedSources().includes('dotenv'));
    assert.ok(!api.watch.verdicts().some((v) => v.sourceId === 'dotenv'));
    assert.deepEqual(vscode.workspace.getConfiguration(SECTION).get('watchDeclinedSources'), ['vibe', 'dotenv']);
  });

  test('nothing persisted or logged holds a watched key; the log names them by fingerprint', () => {
    const seen = { globalState: api.globalStateJson(), log: api.logLines().join('\n'), status: JSON.stringify(api.statusBar()), settings: JSON.stringify(vscode.workspace.getConfiguration(SECTION)) };
    for (const [where, text] of Object.entries(seen)) {
      for (const key of Object.values(TEST_KEYS)) assert.ok(!text.includes(key), `${fingerprintOf(key)} appears in ${where}`);
    }
    const watched = api.watch.verdicts().find((v) => v.sourceId === 'continue');
    const fingerprint = watched?.place.split(' · ').at(-1);
    assert.ok(fingerprint && seen.globalState.includes(fingerprint), `the watch keeps the fingerprint of Continue's key (${fingerprint})`);
    assert.ok(seen.log.includes(`Watched key ${fingerprintOf(TEST_KEYS.codestral)}`));
  });
});
