// Issue 10 in the real workbench, journey by journey: a user with Cline installed (detected, not
// asked), the base URLs in the window's user settings (in code-server: the remote machine's), the
// status menu, the key box that speaks while typing, the answer-first panel in four themes at two
// widths, the tool picker's settings write, focus after Re-check, and the panel after a reload.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { TEST_KEYS } from '../../src/emulator';
import { repoRoot } from '../harness/repoRoot';
import { waitFor } from '../harness/poll';
import { textContrast, visibleWithoutScrolling } from './panelContrast';
import { useWorkbench } from './useWorkbench';
import { editorTab, notification, pickQuickPickItem, quickInput, runCommand, saveScreenshot, statusBarItem, useColorTheme, webviewFrame, type ThemeName } from './workbench';

const THEMES: [ThemeName, string][] = [
  ['Default Dark Modern', 'dark'],
  ['Default Light Modern', 'light'],
  ['Default High Contrast', 'hc-dark'],
  ['Default High Contrast Light', 'hc-light'],
];
const WIDTHS = [1280, 800];
const PANEL_TEXT = ['#verdict', '#severity', '#cause-title', '#cause-explanation', '#fix-steps li', '#detection', '.facts dt', '.facts dd', '#key-line', 'table.hosts td', 'button.primary', 'button.secondary'];

async function textOf(locator: Locator): Promise<string> {
  await locator.first().waitFor({ timeout: 30_000 });
  return ((await locator.first().textContent()) ?? '').trim();
}

async function assertKeyNotShown(page: Page, panel: FrameLocator, key: string): Promise<void> {
  assert.ok(!(await page.locator('body').innerText()).includes(key), 'the workbench shows the key');
  assert.ok(!(await panel.locator('body').innerText()).includes(key), 'the panel shows the key');
}

/** The status item, whatever it says, as a user clicks it. */
function mistralItem(page: Page, text: string | RegExp = /Mistral/): Locator {
  return statusBarItem(page, text).first();
}

suite('UI: the extension at a glance', () => {
  const ui = useWorkbench((emulator) => ({
    stubExtensions: [path.join(repoRoot(), 'test/e2e/fixtures/stub-cline')],
    // The base URLs sit in the window's user settings: in code-server that is the remote machine's.
    settings: {
      'workbench.colorTheme': 'Default Dark Modern',
      'mistralKeyDoctor.apiBaseUrl': emulator.apiUrl,
      'mistralKeyDoctor.codestralBaseUrl': emulator.codestralUrl,
      // The stub Cline would make the watch ask about Cline's files; these journeys are not about it.
      'mistralKeyDoctor.watchToolKeys': 'never',
    },
    workspaceSettings: { 'mistralKeyDoctor.autoCheck': false },
  }));

  test('the status menu, a key box that refuses a masked copy and cleans a pasted key, and Cline detected', async () => {
    const { page } = ui.session;
    await mistralItem(page, 'Mistral: set a key').click();
    await quickInput(page).locator('.monaco-list-row', { hasText: 'Open log' }).waitFor();
    const menu = await quickInput(page).locator('.monaco-list-row').allInnerTexts();
    for (const entry of ['Check again', 'Set a new key', 'Tool', 'Show diagnostics', 'Open log']) assert.ok(menu.some((row) => row.includes(entry)), `the menu lacks "${entry}": ${menu.join(' | ')}`);
    assert.ok(menu.some((row) => row.includes('Cline (detected)')), `the menu does not name the detected tool: ${menu.join(' | ')}`);
    await pickQuickPickItem(page, 'Set a new key');

    const box = quickInput(page).locator('.quick-input-box input[type="password"]');
    await box.fill('CdSt...j5Ga');
    const message = quickInput(page).locator('.quick-input-message');
    await message.filter({ hasText: 'masked form' }).waitFor();
    await box.press('Enter');
    assert.ok(await box.isVisible(), 'the box accepted a masked copy');

    await box.fill(` "${TEST_KEYS.codestral}"`);
    await message.filter({ hasText: 'Enter saves it as CdSt…j5Ga, cleaned' }).waitFor();
    await box.press('Enter');
    await quickInput(page).waitFor({ state: 'hidden' });
    await notification(page, 'stored').first().waitFor();
    await runCommand(page, 'Clear All Notifications');

    await mistralItem(page, 'Mistral: key not checked').click();
    await pickQuickPickItem(page, 'Check again');
    await editorTab(page, 'Mistral Key Doctor').waitFor();
    const panel = webviewFrame(page);
    assert.equal(await textOf(panel.locator('#verdict', { hasText: 'Cline' })), 'It does not work for Cline.');
    assert.equal(await textOf(panel.locator('#severity')), 'Error');
    assert.equal(await textOf(panel.locator('#detection')), 'Cline 3.17.0 detected: it sends keys to api.mistral.ai. Advice checked against Cline up to 3.2.13; you have 3.17.0, which was not checked.');
    assert.equal(await panel.locator('tr[data-host="api"]').getAttribute('data-outcome'), 'rejected');
    assert.ok((await textOf(panel.locator('#urls'))).includes(ui.emulator.apiUrl.replace(/\/$/, '')), 'the panel shows the URL the check used');
    // 401 with Cline: a few words on the item, even at 800 px, and the menu leads with the fix.
    await runCommand(page, 'Clear All Notifications');
    await page.setViewportSize({ width: 800, height: 800 });
    const item = mistralItem(page, 'Mistral 401 · Cline');
    await item.waitFor();
    const words = (await item.innerText()).trim();
    assert.ok(words.length <= 25, `the item reads "${words}"`);
    assert.ok(((await item.boundingBox())?.width ?? Infinity) < 200, 'the item is wider than a few words');
    await saveScreenshot(page, 'status-401-cline-800', { quantize: true });
    await item.click();
    const rows = quickInput(page).locator('.monaco-list-row');
    await rows.first().waitFor();
    assert.match(await rows.first().innerText(), /Open API keys/);
    assert.match(await quickInput(page).locator('.monaco-list-row', { hasText: 'The stored key:' }).first().innerText(), /It does not work for Cline\./);
    await saveScreenshot(page, 'status-menu-401-cline', { quantize: true });
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1280, height: 800 });
    await assertKeyNotShown(page, panel, TEST_KEYS.codestral);
  });

  test('the answer and the fix steps are visible without scrolling at 1280 and 800 px, with AA contrast in four themes', async () => {
    const { page } = ui.session;
    const panel = webviewFrame(page);
    for (const [theme, slug] of THEMES) {
      await useColorTheme(page, theme);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        await panel.locator('#fix-steps li').first().waitFor();
        await waitFor(async () => (await panel.locator('body').evaluate(() => document.body.classList.length)) > 0, { what: 'the webview to take the theme' });
        assert.ok(await visibleWithoutScrolling(panel, '#fix-steps li'), `the fix steps need scrolling at ${width} px in ${theme}`);
        const low = (await textContrast(panel, PANEL_TEXT)).filter((reading) => reading.ratio < 4.5);
        assert.deepEqual(low, [], `text below 4.5:1 in ${theme} at ${width} px`);
        await saveScreenshot(page, `panel-${slug}-${width}`, { quantize: true });
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await useColorTheme(page, 'Default Dark Modern');
  });

  test('the tool picker writes the tool and the re-check still goes to the base URLs of the user settings', async () => {
    const { page } = ui.session;
    const panel = webviewFrame(page);
    const before = ui.emulator.requests.length;
    await panel.locator('#tool-select').selectOption('roo');
    await waitFor(() => ui.emulator.requests.length > before, { what: 'the re-check for Roo Code to reach the emulator' });
    await panel.locator('#verdict', { hasText: 'Roo Code' }).waitFor();
    assert.ok((await textOf(panel.locator('#urls'))).includes(ui.emulator.codestralUrl.replace(/\/$/, '')));
    const settings = fs.readFileSync(path.join(ui.session.run.userDataDir, 'User', 'settings.json'), 'utf8');
    assert.ok(settings.includes(ui.emulator.apiUrl) && settings.includes('"mistralKeyDoctor.tool": "roo"'), `user settings lost a value: ${settings}`);
    await panel.locator('#tool-select').selectOption('cline');
    await panel.locator('#verdict', { hasText: 'Cline' }).waitFor();
  });

  test('after Re-check the keyboard focus is back on Re-check, and one live region says the verdict', async () => {
    const { page } = ui.session;
    const panel = webviewFrame(page);
    await panel.locator('#recheck').focus();
    const before = ui.emulator.requests.length;
    await page.keyboard.press('Enter');
    // The live region still holds the previous check's words: wait for this check to reach the hosts first.
    await waitFor(() => ui.emulator.requests.length > before, { what: 'the re-check to reach the emulator' });
    await waitFor(async () => (await panel.locator('#app').getAttribute('aria-busy')) === 'false' && (await panel.locator('#live').textContent())?.includes('It does not work for Cline'), { what: 'the check to end and be announced' });
    await waitFor(async () => (await panel.locator('body').evaluate(() => document.activeElement?.id)) === 'recheck', { what: 'the keyboard focus to be back on Re-check', timeoutMs: 3_000 });
    assert.equal(await panel.locator('[aria-live]').count(), 1);
  });

  test('reloading the window brings the panel back with the last result', async () => {
    const { page } = ui.session;
    await runCommand(page, 'Developer: Reload Window');
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
    await editorTab(page, 'Mistral Key Doctor').waitFor({ timeout: 60_000 });
    const panel = webviewFrame(page);
    assert.equal(await textOf(panel.locator('#verdict', { hasText: 'Cline' })), 'It does not work for Cline.');
    assert.equal(await textOf(panel.locator('#key-line')).then((line) => line.includes('CdSt…j5Ga')), true);
    await assertKeyNotShown(page, panel, TEST_KEYS.codestral);
  });
});
