// Proves the harness: the extension under development is loaded into a real extension host,
// activates, and registers the commands the rest of the suite drives.
import assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'mistral-key-doctor.mistral-key-doctor';
const FIXED_COMMANDS = [
  'mistralKeyDoctor.checkKey',
  'mistralKeyDoctor.setKey',
  'mistralKeyDoctor.removeKey',
  'mistralKeyDoctor.showDiagnostics',
  'mistralKeyDoctor.showLog',
];

suite('extension host harness', () => {
  test('loads the extension under development from this checkout', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not among ${vscode.extensions.all.length} loaded extensions`);
    assert.equal(extension.packageJSON.name, 'mistral-key-doctor');
  });

  test('opens the fixture workspace', () => {
    const folders = vscode.workspace.workspaceFolders ?? [];
    assert.equal(folders.length, 1);
    assert.match(folders[0]?.uri.path ?? '', /workspace/);
  });

  test('activates and registers every command it contributes', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    await extension?.activate();
    assert.equal(extension?.isActive, true);
    const registered = new Set(await vscode.commands.getCommands(true));
    const contributed = (extension?.packageJSON.contributes?.commands ?? []) as { command: string }[];
    for (const id of FIXED_COMMANDS) assert.ok(contributed.some((c) => c.command === id), `package.json does not contribute ${id}`);
    const missing = contributed.map((c) => c.command).filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], 'contributed commands that activate() did not register');
  });
});
