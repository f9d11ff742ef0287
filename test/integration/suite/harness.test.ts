// Proves the harness: the extension under development is loaded into a real extension host,
// activates, and registers the commands the rest of the suite drives.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { COMMANDS } from '../../../src/shared/commands';

const EXTENSION_ID = 'mistral-key-doctor.mistral-key-doctor';
const FIXED_COMMANDS = [COMMANDS.checkKey, COMMANDS.setKey, COMMANDS.removeKey, COMMANDS.showDiagnostics, COMMANDS.showLog];

suite('extension host harness', () => {
  test('loads the extension under development from this checkout', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not among ${vscode.extensions.all.length} loaded extensions`);
    assert.equal((extension.packageJSON as { name?: string }).name, 'mistral-key-doctor');
  });

  test('opens a copy of the fixture workspace', async () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1);
    const folder = folders[0]!.uri;
    assert.doesNotMatch(folder.path, /test\/integration\/fixtures/, 'tests must not edit the fixture itself');
    const readme = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'README.md'));
    assert.match(Buffer.from(readme).toString('utf8'), /extension-host tests open/);
  });

  test('activates and registers every command it contributes', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    await extension?.activate();
    assert.equal(extension?.isActive, true);
    const registered = new Set(await vscode.commands.getCommands(true));
    const manifest = extension?.packageJSON as { contributes?: { commands?: { command: string }[] } } | undefined;
    const contributed = manifest?.contributes?.commands ?? [];
    for (const id of FIXED_COMMANDS) assert.ok(contributed.some((c) => c.command === id), `package.json does not contribute ${id}`);
    const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], 'contributed commands that activate() did not register');
  });
});
