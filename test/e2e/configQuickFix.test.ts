// Issue 4 in the real workbench: a Continue config that uses the moving alias `codestral-latest`
// shows the warning and its lightbulb; the quick fix "Switch model to …" pins the model.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../harness/repoRoot';
import { waitFor } from '../harness/poll';
import { useWorkbench } from './useWorkbench';
import { actionWidgetItem, chooseActionWidgetItem, editorTab, openFile, saveScreenshot } from './workbench';

const CONFIG = '.continue/config.yaml';

suite('UI: quick fix for a moving model alias in a Continue config', () => {
  const ui = useWorkbench(() => ({
    workspaceFixture: path.join(repoRoot(), 'test/e2e/fixtures/continue-workspace'),
    settings: { 'workbench.colorTheme': 'Default Dark Modern' },
  }));

  test('the lightbulb offers "Switch model to …" on codestral-latest and applying it pins the model', async () => {
    const { page } = ui.session;
    await openFile(page, CONFIG);
    await editorTab(page, 'config.yaml').waitFor();
    const editor = page.locator('.editor-instance .monaco-editor').first();
    await editor.locator('.squiggly-warning').first().waitFor({ timeout: 60_000 });

    await editor.locator('.view-line span', { hasText: /^codestral-latest$/ }).first().click();
    await editor.locator('.lightBulbWidget').waitFor({ state: 'visible' });
    await page.keyboard.press('Control+.');
    const fix = actionWidgetItem(page, 'Switch model to');
    await fix.waitFor();
    await saveScreenshot(page, 'quick-fix-switch-model', { quantize: true });
    const title = (await fix.innerText()).trim();
    const pinned = /Switch model to (codestral-\d{4})/.exec(title)?.[1];
    assert.ok(pinned, `the quick fix does not name a dated codestral id: "${title}"`);

    await chooseActionWidgetItem(page, 'Switch model to');
    await editor.locator('.view-line', { hasText: `model: ${pinned}` }).waitFor();
    await page.keyboard.press('Control+S');
    const file = path.join(ui.session.workspace, CONFIG);
    const saved = await waitFor(() => {
      const text = fs.readFileSync(file, 'utf8');
      return text.includes(`model: ${pinned}`) && text;
    }, { what: `${CONFIG} saved with model ${pinned}`, timeoutMs: 15_000 });
    assert.doesNotMatch(saved, /codestral-latest/);
    await editor.locator('.squiggly-warning').first().waitFor({ state: 'hidden' });
  });
});
