// "Pin the model" for Continue in the real workbench: the check names the moving alias, the panel's
// button changes the model in Continue's config through the language server's quick fix, and the
// panel checks again with the pinned id.
import assert from 'node:assert/strict';
import path from 'node:path';
import { TEST_KEYS } from '../../src/emulator';
import { repoRoot } from '../harness/repoRoot';
import { useWorkbench } from './useWorkbench';
import { editorTab, pressNotificationButton, runCommand, typeInInputBox, webviewFrame } from './workbench';

suite('UI: pin the model into a Continue config', () => {
  const ui = useWorkbench((emulator) => ({
    workspaceFixture: path.join(repoRoot(), 'test/e2e/fixtures/continue-workspace'),
    settings: { 'workbench.colorTheme': 'Default Dark Modern' },
    workspaceSettings: {
      'mistralKeyDoctor.tool': 'continue',
      'mistralKeyDoctor.model': 'codestral-latest',
      'mistralKeyDoctor.apiBaseUrl': emulator.apiUrl,
      'mistralKeyDoctor.codestralBaseUrl': emulator.codestralUrl,
      'mistralKeyDoctor.autoCheck': false,
    },
  }));

  test('the panel\'s "Pin the model" edits .continue/config.yaml and the panel shows the dated model', async () => {
    const { page } = ui.session;
    await runCommand(page, 'Set Mistral API key');
    await typeInInputBox(page, TEST_KEYS.console, { password: true });
    await pressNotificationButton(page, 'stored', 'Check now');
    await editorTab(page, 'Mistral Key Doctor').waitFor();
    const panel = webviewFrame(page);
    await panel.locator('#model-line', { hasText: 'codestral-latest' }).waitFor({ timeout: 30_000 });
    await panel.locator('#pin-model').click();

    const editor = page.locator('.editor-instance .monaco-editor').first();
    const pinned = editor.locator('.view-line', { hasText: /model:\s+codestral-\d{4}/ });
    await pinned.waitFor({ timeout: 60_000 });
    const id = /codestral-\d{4}/.exec(await pinned.innerText())![0];
    await editorTab(page, 'Mistral Key Doctor').click();
    const line = await webviewFrame(page).locator('#model-line', { hasText: id }).textContent({ timeout: 30_000 });
    assert.ok(line?.startsWith(`${id}:`), `the panel does not show the pinned model: ${line}`);
  });
});
