// The config language server inside a real extension host: the client starts it when a Continue
// config opens, the diagnostic arrives, and the quick fix rewrites the model id.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE as SOURCE, PIN_MODEL_CODE_ACTION_KIND } from '../../../../src/shared/diagnosticCodes';
import { waitFor } from '../../../harness/poll';

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const { code } = diagnostic;
  return typeof code === 'object' ? String(code.value) : code === undefined ? undefined : String(code);
}

function ourDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((diagnostic) => diagnostic.source === SOURCE);
}

suite('config language server', () => {
  test('flags codestral-latest in a Continue config and pins it with the preferred quick fix', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    assert.ok(folder, 'no workspace folder open');
    const uri = vscode.Uri.joinPath(folder, '.continue', 'config.yaml');
    const original = fs.readFileSync(uri.fsPath, 'utf8');
    try {
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document);
      const diagnostic = await waitFor(
        () => ourDiagnostics(uri).find((candidate) => codeOf(candidate) === 'model-moving-alias'),
        { what: 'the moving-alias diagnostic on .continue/config.yaml', timeoutMs: 20_000 },
      );
      assert.equal(diagnostic.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(document.getText(diagnostic.range), 'codestral-latest');

      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value,
      );
      const fix = actions.find((action) => action.isPreferred);
      assert.ok(fix?.edit, `no preferred quick fix among: ${actions.map((action) => action.title).join(' | ')}`);
      // The extension can ask for the pin alone, by its code-action kind.
      const pins = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider', uri, diagnostic.range, PIN_MODEL_CODE_ACTION_KIND,
      );
      assert.deepEqual(pins.map((action) => action.title), [fix.title]);
      const pinned = /^Switch model to (codestral-\d{4})( \(.+\))?$/.exec(fix.title)?.[1];
      assert.ok(pinned, `unexpected quick-fix title: ${fix.title}`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'the editor refused the quick fix edit');
      assert.ok(await document.save(), 'could not save the fixed config');

      assert.equal(fs.readFileSync(uri.fsPath, 'utf8'), original.replace('model: codestral-latest', `model: ${pinned}`));
      await waitFor(() => !ourDiagnostics(uri).some((candidate) => codeOf(candidate) === 'model-moving-alias'),
        { what: 'the diagnostic to clear after the fix', timeoutMs: 20_000 });
    } finally {
      fs.writeFileSync(uri.fsPath, original);
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    }
  });
});
