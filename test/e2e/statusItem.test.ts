// The status item in an 800 px window, with the keyboard only: Roo Code sends codestral-latest to
// codestral.mistral.ai, and the key is a Studio key, which that host refuses. The item stays a few
// words ("Mistral 401 · Roo Code"), the menu opens from the palette and leads with the fix, and the
// stored key's row tells the same story as the panel.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { TEST_KEYS } from '../../src/emulator';
import { useWorkbench } from './useWorkbench';
import { notification, openCommandPalette, quickInput, saveScreenshot, statusBarItem, typeInInputBox, webviewFrame } from './workbench';

/** Runs a command from the palette with the keyboard alone: type its title, press Enter. */
async function runCommandByKeyboard(page: Page, title: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    await openCommandPalette(page);
    await page.keyboard.type(title);
    try {
      // The extension's commands are listed once the extension host has read it: reopen until then.
      await quickInput(page).locator('.monaco-list-row', { hasText: title }).first().waitFor({ timeout: 5_000 });
      await page.keyboard.press('Enter');
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`The command palette does not list "${title}": ${(error as Error).message}`);
      await page.keyboard.press('Escape');
    }
  }
}

suite('UI: the status item, keyboard only, at 800 px', () => {
  const ui = useWorkbench((emulator) => ({
    settings: {
      'workbench.colorTheme': 'Default Dark Modern',
      'mistralKeyDoctor.apiBaseUrl': emulator.apiUrl,
      'mistralKeyDoctor.codestralBaseUrl': emulator.codestralUrl,
      'mistralKeyDoctor.watchToolKeys': 'never',
    },
    workspaceSettings: { 'mistralKeyDoctor.autoCheck': false, 'mistralKeyDoctor.tool': 'roo', 'mistralKeyDoctor.model': 'codestral-latest' },
  }));

  suiteSetup(async () => {
    await ui.session.page.setViewportSize({ width: 800, height: 800 });
  });

  test('a Studio key with Roo Code on codestral-latest: "Mistral 401 · Roo Code", the fix first, one story for the key', async () => {
    const { page } = ui.session;
    await runCommandByKeyboard(page, 'Set Mistral API key');
    await typeInInputBox(page, TEST_KEYS.console, { password: true });
    await notification(page, 'stored').first().waitFor({ timeout: 30_000 });
    await runCommandByKeyboard(page, 'Clear All Notifications');
    await runCommandByKeyboard(page, 'Check Mistral key');

    const item = statusBarItem(page, 'Mistral 401 · Roo Code');
    await item.waitFor({ timeout: 60_000 });
    const words = (await item.innerText()).trim();
    assert.ok(words.length <= 25, `the item reads "${words}"`);
    assert.ok(((await item.boundingBox())?.width ?? Infinity) < 200, 'the item is wider than a few words');
    const verdict = (await webviewFrame(page).locator('#verdict').textContent())?.trim();
    assert.equal(verdict, 'It does not work for Roo Code.');

    await runCommandByKeyboard(page, 'Mistral Key Doctor menu');
    const rows = quickInput(page).locator('.monaco-list-row');
    await rows.first().waitFor({ timeout: 30_000 });
    // The key is fine and the host is wrong: the fix is not a new key.
    const first = await rows.first().innerText();
    assert.doesNotMatch(first, /Set a new key/);
    assert.match(await quickInput(page).locator('.monaco-list-row', { hasText: 'The stored key:' }).first().innerText(), /It does not work for Roo Code\./);
    await saveScreenshot(page, 'status-menu-roo-800', { quantize: true });
    await page.keyboard.press('Enter');
    await quickInput(page).waitFor({ state: 'hidden', timeout: 30_000 });
  });
});
