// The config language server comes back after its process dies: restarted with what the last checks
// learnt, and, once it died too often for the client to restart it, announced with a button and
// started again by the next config file opened. The process is killed for real.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import * as vscode from 'vscode';
import { TEST_KEYS, type Emulator } from '../../../../src/emulator';
import { MAX_RESTARTS } from '../../../../src/extension/languageClient/restartPolicy';
import { activateTestApi, emulatorBehindExtension, removeKeyAndEmulator } from '../../testExtension/connect';
import type { KeyDoctorTestApi } from '../../testExtension/testApi';
import { waitFor } from '../../../harness/poll';

const UNLISTED_MODEL = 'mistral-medium-2611';
const GAVE_UP = 'config server stopped too often';

function codesOn(uri: vscode.Uri): string[] {
  return vscode.languages.getDiagnostics(uri)
    .filter((diagnostic) => diagnostic.source === 'Mistral Key Doctor')
    .map((diagnostic) => (typeof diagnostic.code === 'object' ? String(diagnostic.code.value) : String(diagnostic.code)));
}

/** The config servers this extension host runs (children of this process running dist/server.js). */
function serverPids(): number[] {
  return execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' }).split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([, ppid, ...args]) => Number(ppid) === process.pid && args.join(' ').includes('dist/server.js'))
    .map(([pid]) => Number(pid));
}

/** Kills the running server; resolves once it is replaced, or once `gaveUp()` says the client will not replace it. */
async function killServer(gaveUp: () => boolean = () => false): Promise<'restarted' | 'gave-up'> {
  const [pid] = await waitFor(() => (serverPids().length === 1 ? serverPids() : undefined), { what: 'one running config server', timeoutMs: 20_000 });
  process.kill(pid!, 'SIGKILL');
  return waitFor(() => (gaveUp() ? 'gave-up' : serverPids().some((other) => other !== pid) ? 'restarted' : undefined),
    { what: `a server to replace ${pid}, or the notice that none will`, timeoutMs: 20_000 });
}

suite('config language server: recovery after its process dies', () => {
  let api: KeyDoctorTestApi;
  let emulator: Emulator;
  let folder: vscode.Uri;
  const files: string[] = [];

  suiteSetup(async () => {
    api = await activateTestApi();
    const workspace = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(workspace, 'no workspace folder open');
    folder = workspace;
    emulator = await emulatorBehindExtension({ tool: 'vibe', autoCheck: false });
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const file of files) fs.rmSync(file, { force: true });
    await removeKeyAndEmulator(api, emulator);
  });

  function modelsFile(name: string, model: string): vscode.Uri {
    const uri = vscode.Uri.joinPath(folder, '.continue', 'models', `${name}.yaml`);
    fs.mkdirSync(vscode.Uri.joinPath(uri, '..').fsPath, { recursive: true });
    fs.writeFileSync(uri.fsPath, `name: ${name}\nversion: 1.0.0\nschema: v1\nmodels:\n  - name: Medium\n    provider: mistral\n    model: ${model}\n  - name: Autocomplete\n    provider: mistral\n    model: codestral-latest\n`);
    files.push(uri.fsPath);
    return uri;
  }

  test('a restarted server starts with what the last check learnt (the live models list)', async () => {
    const uri = modelsFile('restart-unlisted', UNLISTED_MODEL);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor(() => codesOn(uri).includes('model-moving-alias'), { what: 'the first diagnostics pass', timeoutMs: 20_000 });
    api.answer({ kind: 'input', value: TEST_KEYS.console });
    await vscode.commands.executeCommand('mistralKeyDoctor.setKey');
    const fingerprint = `${TEST_KEYS.console.slice(0, 4)}…${TEST_KEYS.console.slice(-4)}`;
    api.answer({ kind: 'pick', match: fingerprint });
    await vscode.commands.executeCommand('mistralKeyDoctor.checkKey');
    await waitFor(() => codesOn(uri).includes('model-not-listed'), { what: 'model-not-listed after the check', timeoutMs: 20_000 });

    assert.equal(await killServer(), 'restarted');
    // The restarted server publishes afresh; the moving alias shows its first pass has arrived.
    await waitFor(() => codesOn(uri).includes('model-moving-alias'), { what: 'diagnostics from the restarted server', timeoutMs: 20_000 });
    assert.ok(codesOn(uri).includes('model-not-listed'), `the restarted server forgot the live models list: ${codesOn(uri).join(', ')}`);
  });

  test('after dying too often it is announced with a restart button, and the next config file opened starts it again', async () => {
    const notice = () => api.notifications().find((message) => message.includes(GAVE_UP));
    let deaths = 0;
    while ((await killServer(() => notice() !== undefined)) === 'restarted') {
      deaths++;
      assert.ok(deaths <= MAX_RESTARTS, `the server was restarted after ${deaths} deaths in a row`);
    }
    assert.match(notice() ?? '', /restarts when you open a config file/);
    await waitFor(() => serverPids().length === 0, { what: 'no config server left running' });

    const uri = modelsFile('restart-next', 'codestral-latest');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
    await waitFor(() => serverPids().length === 1, { what: 'a server started by the config file opened', timeoutMs: 20_000 });
    await waitFor(() => codesOn(uri).includes('model-moving-alias'), { what: 'diagnostics on the config file opened after the restart', timeoutMs: 20_000 });
  });
});
