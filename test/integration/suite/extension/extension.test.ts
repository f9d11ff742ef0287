// The extension in a real extension host, against the emulator on loopback: the key round trip
// through SecretStorage, the seed's case (Codestral key, tool = Cline), the status item, the panel,
// a new key that becomes active, refused base URLs, and a scan of everything shown for the key.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import * as vscode from 'vscode';
import { startEmulator, TEST_KEYS, type Emulator } from '../../../../src/emulator';
import type { KeyDoctorTestApi } from '../../../../src/extension/testApi';
import { waitFor } from '../../../harness/poll';

const EXTENSION_ID = 'mistral-key-doctor.mistral-key-doctor';
const SECTION = 'mistralKeyDoctor';
const ALL_KEYS = Object.values(TEST_KEYS);

function fingerprintOf(key: string): string {
  return `${key.slice(0, 4)}…${key.slice(-4)}`;
}

async function configure(values: Record<string, unknown>): Promise<void> {
  const config = vscode.workspace.getConfiguration(SECTION);
  for (const [name, value] of Object.entries(values)) await config.update(name, value, vscode.ConfigurationTarget.Global);
}

suite('extension: key storage, check, status item and panel', () => {
  let api: KeyDoctorTestApi;
  let emulator: Emulator;

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension<KeyDoctorTestApi | undefined>(EXTENSION_ID);
    assert.ok(extension, 'the extension under test is not loaded');
    const exported = await extension.activate();
    assert.ok(exported, 'activate() returned no test API: is the extension host in test mode?');
    api = exported;
    emulator = await startEmulator();
    await configure({ apiBaseUrl: emulator.apiUrl, codestralBaseUrl: emulator.codestralUrl, tool: 'cline', model: 'codestral-latest', autoCheck: false });
  });

  suiteTeardown(async () => {
    api?.answer({ kind: 'message', action: 'Remove' });
    await vscode.commands.executeCommand('mistralKeyDoctor.removeKey');
    api?.clearAnswers();
    await configure({ apiBaseUrl: undefined, codestralBaseUrl: undefined, tool: undefined, model: undefined, autoCheck: undefined });
    await emulator?.close();
  });

  teardown(() => api.clearAnswers());

  async function storeKey(raw: string): Promise<void> {
    api.answer({ kind: 'input', value: raw });
    await vscode.commands.executeCommand('mistralKeyDoctor.setKey');
  }

  async function checkStoredKey(fingerprint: string): Promise<NonNullable<ReturnType<KeyDoctorTestApi['lastResult']>>> {
    const before = api.lastResult();
    // Other tools' keys may exist on this machine: pick the stored one by fingerprint when asked.
    api.answer({ kind: 'pick', match: fingerprint });
    await vscode.commands.executeCommand('mistralKeyDoctor.checkKey');
    return waitFor(() => {
      const result = api.lastResult();
      return result !== before && result?.diagnosis.key.fingerprint === fingerprint && result;
    }, { what: `a diagnosis of key ${fingerprint}` });
  }

  test('a pasted key with stray spaces is cleaned, stored and read back from SecretStorage for the check', async () => {
    const key = TEST_KEYS.codestral;
    await storeKey(`  ${key}\n`);
    assert.ok(api.notifications().some((m) => m.startsWith(`Saved as ${fingerprintOf(key)}, cleaned:`)), 'the box noted what it removed');
    emulator.requests.length = 0;
    const result = await checkStoredKey(fingerprintOf(key));
    assert.equal(result.sourceLabel.startsWith('VS Code secret storage'), true);
    assert.equal(result.storedKey, true);
    const authorizations = new Set(emulator.requests.map((request) => request.authorization));
    assert.deepEqual([...authorizations], [`Bearer ${key}`]);
  });

  test('the seed case: a Codestral key for Cline gets the codestral-key-on-api-host verdict, a status item naming the cause, and the panel', async () => {
    const result = await checkStoredKey(fingerprintOf(TEST_KEYS.codestral));
    const { diagnosis } = result;
    assert.equal(diagnosis.keyKind, 'codestral');
    assert.equal(diagnosis.cause.id, 'codestral-key-on-api-host');
    assert.equal(diagnosis.target, 'api');
    assert.equal(diagnosis.worksForTarget, false);
    assert.equal(diagnosis.hosts.api.status, 401);
    assert.equal(diagnosis.hosts.codestral.outcome, 'accepted');

    const status = await waitFor(() => { const view = api.statusBar(); return view.background === 'error' && view; }, { what: 'the status item error state' });
    assert.equal(status.visible, true);
    assert.equal(status.text, '$(error) Mistral: legacy Mistral Code key, Cline needs a Studio key');
    assert.match(status.tooltip, /command:mistralKeyDoctor\.showDiagnostics/);

    assert.equal(api.panelOpen(), true);
    const rendered = await waitFor(() => [...api.panelMessages()].reverse().find((m) => m.view.result?.causeTitle === diagnosis.cause.title), { what: 'the panel to render the verdict (ready handshake)' });
    const view = rendered.view;
    assert.equal(view.tool, 'cline');
    assert.deepEqual(view.result?.hosts.map((h) => [h.id, h.status]), [['api', '401'], ['codestral', String(diagnosis.hosts.codestral.status)]]);
    assert.ok((view.result?.fixSteps.length ?? 0) > 0, 'fix steps for Cline');
    assert.ok(view.result?.consoleLink?.url.startsWith('https://console.mistral.ai'), 'a console link for the fix');
  });

  test('pin the model for Cline copies the dated id and writes no setting; the panel checks again with it', async () => {
    const suggestion = api.lastResult()?.diagnosis.model.suggestion;
    assert.ok(suggestion, 'codestral-latest gets a pin suggestion');
    await vscode.env.clipboard.writeText('');
    api.sendFromPanel({ type: 'pinModel' });
    await waitFor(async () => (await vscode.env.clipboard.readText()) === suggestion.id, { what: `the clipboard to hold ${suggestion.id}` });
    await waitFor(() => api.lastResult()?.diagnosis.model.id === suggestion.id, { what: 'the re-check with the pinned model' });
    assert.ok(api.notifications().some((m) => m.includes('API Provider → Mistral → Model')), 'the message names Cline\'s setting');
    assert.equal(vscode.workspace.getConfiguration(SECTION).get('model'), 'codestral-latest');
  });

  test('pin the model in an open Continue config goes through the language server\'s preferred quick fix', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const uri = vscode.Uri.joinPath(folder.uri, '.continue', 'config.yaml');
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
    try {
      await waitFor(() => vscode.languages.getDiagnostics(uri).some((d) => d.source === 'Mistral Key Doctor' && String(typeof d.code === 'object' ? d.code.value : d.code).startsWith('model-')),
        { what: 'the language server\'s model diagnostic', timeoutMs: 30_000 });
      await vscode.commands.executeCommand('mistralKeyDoctor.pinModel');
      await waitFor(() => /model: codestral-\d{4}\b/.test(document.getText()) && !document.getText().includes('codestral-latest'), { what: 'the config to name a dated model' });
      assert.equal(vscode.workspace.getConfiguration(SECTION).get('model'), 'codestral-latest', 'the setting is left alone when a config file was fixed');
    } finally {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });

  test('the panel HTML has a strict CSP with a nonce on every script', () => {
    const html = api.panelHtml().at(-1) ?? '';
    const csp = /Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
    assert.match(csp, /default-src 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
    assert.ok(nonce, 'a script nonce');
    const scripts = (html.match(/<script\b[^>]*>/g) ?? []).filter((tag) => !tag.includes('type="application/json"'));
    assert.ok(scripts.length > 0 && scripts.every((tag) => tag.includes(`nonce="${nonce}"`)));
  });

  test('messages from the panel that fail validation are dropped and logged; links outside the allowlist are refused', async () => {
    api.sendFromPanel({ type: 'runCommand', command: 'workbench.action.terminal.new' });
    api.sendFromPanel({ type: 'openLink', url: 'https://evil.example/phish' });
    await waitFor(() => api.logLines().some((line) => line.includes('failed validation')), { what: 'the dropped message in the log' });
    await waitFor(() => api.logLines().some((line) => line.includes('Refused to open a link outside the allowlist (evil.example)')), { what: 'the refused link in the log' });
  });

  test('the support report goes to the clipboard with the fingerprint and without the key', async () => {
    await vscode.env.clipboard.writeText('');
    api.sendFromPanel({ type: 'copyReport' });
    const report = await waitFor(async () => { const text = await vscode.env.clipboard.readText(); return text.includes('Mistral Key Doctor') && text; }, { what: 'the support report on the clipboard' });
    assert.ok(report.includes(fingerprintOf(TEST_KEYS.codestral)));
    assert.ok(!report.includes(TEST_KEYS.codestral));
  });

  test('check this key: the key written at a position in a file, named by file and line', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder);
    const file = vscode.Uri.joinPath(folder.uri, 'check-key-in-file.env');
    await vscode.workspace.fs.writeFile(file, Buffer.from(`# litellm\nMISTRAL_API_KEY=${TEST_KEYS.console}\n`));
    try {
      await vscode.commands.executeCommand('mistralKeyDoctor.checkKeyInFile', { uri: file.toString(), line: 1, character: 20 });
      const result = await waitFor(() => { const r = api.lastResult(); return r?.diagnosis.key.fingerprint === fingerprintOf(TEST_KEYS.console) && r; }, { what: 'the check of the key in the file' });
      assert.equal(result.storedKey, false);
      assert.equal(result.sourceLabel, 'check-key-in-file.env:2');
      assert.equal(result.diagnosis.keyKind, 'console');
    } finally {
      await vscode.workspace.fs.delete(file);
    }
  });

  test('a key stored a moment ago that the hosts refuse is "refused, may still be activating": the item waits with automatic re-checks and goes once the host accepts the key', async () => {
    await configure({ autoCheck: true });
    try {
      const key = TEST_KEYS.fresh;
      await storeKey(key);
      const first = await checkStoredKey(fingerprintOf(key));
      assert.equal(first.diagnosis.worksForTarget, false);
      // Storing a key says nothing of when it was created: no "not active yet" without evidence.
      assert.equal(first.diagnosis.cause.id, 'key-rejected');
      assert.ok(first.diagnosis.cause.explanation.includes('may still be activating'));
      const waiting = await waitFor(() => { const view = api.statusBar(); return view.text.includes('waiting for the key to become active') && view; }, { what: 'the waiting state' });
      assert.equal(waiting.background, null);
      const countdown = await waitFor(() => [...api.panelMessages()].reverse().find((m) => m.view.nextCheckAt !== null), { what: 'the panel countdown' });
      assert.ok(countdown.view.nextCheckAt! > Date.now());
      emulator.activateKey(key);
      api.sendFromPanel({ type: 'recheck' });
      const second = await waitFor(() => { const r = api.lastResult(); return r !== first && r?.diagnosis.worksForTarget && r; }, { what: 'the re-check to find the key active' });
      assert.equal(second.diagnosis.hosts.api.outcome, 'accepted');
      await waitFor(() => api.statusBar().background === null && api.statusBar().text.includes('works for Cline'), { what: 'the waiting state to give way to the OK state' });
    } finally {
      await configure({ autoCheck: false });
    }
  });

  test('a base URL that is not https is refused with a message and nothing is sent', async () => {
    await configure({ apiBaseUrl: 'http://api.example.test' });
    try {
      const before = emulator.requests.length;
      const shown = api.notifications().length;
      await checkStoredKeyExpectingNoResult();
      await waitFor(() => api.notifications().slice(shown).some((m) => m.includes('api.example.test') && m.includes('https')), { what: 'the refusal message' });
      assert.equal(emulator.requests.length, before);
    } finally {
      await configure({ apiBaseUrl: emulator.apiUrl });
    }
  });

  test('an https host that is not Mistral\'s needs a confirmation naming it; declined, the key goes nowhere', async () => {
    await configure({ codestralBaseUrl: 'https://gateway.example.test' });
    try {
      const shown = api.notifications().length;
      const logged = api.logLines().length;
      api.answer({ kind: 'message', action: undefined, match: 'gateway.example.test' });
      await checkStoredKeyExpectingNoResult();
      assert.ok(api.notifications().slice(shown).some((m) => m.includes('gateway.example.test')), 'the confirmation names the host');
      assert.ok(api.logLines().slice(logged).some((line) => line.includes('host that was not confirmed')), 'the log says why nothing was sent');
    } finally {
      await configure({ codestralBaseUrl: emulator.codestralUrl });
    }
  });

  async function checkStoredKeyExpectingNoResult(): Promise<void> {
    const before = api.lastResult();
    api.answer({ kind: 'pick', match: fingerprintOf(TEST_KEYS.fresh) });
    await vscode.commands.executeCommand('mistralKeyDoctor.checkKey');
    assert.equal(api.lastResult(), before);
  }

  test('secret hygiene: no key in the log, notifications, panel, status item, settings or globalState; fingerprints are there', () => {
    const seen = {
      log: api.logLines().join('\n'),
      notifications: api.notifications().join('\n'),
      panelHtml: api.panelHtml().join('\n'),
      panelMessages: JSON.stringify(api.panelMessages()),
      statusBar: JSON.stringify(api.statusBar()),
      settings: JSON.stringify(vscode.workspace.getConfiguration(SECTION)),
      globalState: api.globalStateJson(),
    };
    for (const [where, text] of Object.entries(seen)) {
      for (const key of ALL_KEYS) assert.ok(!text.includes(key), `the key ${fingerprintOf(key)} appears in ${where}`);
    }
    assert.ok(seen.log.includes(fingerprintOf(TEST_KEYS.codestral)), 'the log names keys by fingerprint');
    assert.ok(seen.panelMessages.includes(fingerprintOf(TEST_KEYS.fresh)), 'the panel names the key by fingerprint');
  });

  test('secret hygiene on disk: no file of the run (every log channel, settings, state) holds a key; the logs name it by fingerprint', () => {
    const runDir = process.env.MKD_TEST_RUN_DIR;
    assert.ok(runDir, 'the runner passes MKD_TEST_RUN_DIR');
    const hits: string[] = [];
    const logsWithFingerprint: string[] = [];
    const visit = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) visit(file);
        else if (entry.isFile() && fs.statSync(file).size < 50 * 1024 * 1024) {
          const text = fs.readFileSync(file, 'utf8');
          for (const key of ALL_KEYS) if (text.includes(key)) hits.push(`${path.relative(runDir, file)} holds ${fingerprintOf(key)}`);
          if (file.endsWith('.log') && text.includes(fingerprintOf(TEST_KEYS.codestral))) logsWithFingerprint.push(path.relative(runDir, file));
        }
      }
    };
    visit(runDir);
    assert.deepEqual(hits, []);
    assert.ok(logsWithFingerprint.some((file) => file.includes('Mistral Key Doctor')), `the extension's log file names the key by fingerprint (logs with it: ${logsWithFingerprint.join(', ') || 'none'})`);
  });

  test('removing the stored key forgets it', async () => {
    api.answer({ kind: 'message', action: 'Remove', match: 'Remove the stored Mistral key' });
    await vscode.commands.executeCommand('mistralKeyDoctor.removeKey');
    await waitFor(() => api.logLines().some((line) => line.startsWith(`Removed stored key ${fingerprintOf(TEST_KEYS.fresh)}`)), { what: 'the removal' });
    assert.equal(api.lastResult()?.storedKey === true, false);
    assert.ok(!api.globalStateJson().includes(fingerprintOf(TEST_KEYS.fresh)));
  });

  test('activate() was measured', () => {
    assert.ok(Number.isFinite(api.activationMs) && api.activationMs > 0);
    console.log(`[bench] activate() took ${api.activationMs.toFixed(2)} ms in the extension host`);
  });
});
