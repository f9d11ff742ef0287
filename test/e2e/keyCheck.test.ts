// Issue 3 in the real workbench: a user sets a Codestral key through the password box, checks it
// for Cline from the palette, reads the verdict and the fix in the panel and the 401 warning in the
// status bar; then sets a new key, re-checks once the emulator accepts it, and the warning goes.
import assert from 'node:assert/strict';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { startEmulator, TEST_KEYS, type Emulator } from '../../src/emulator';
import { openWorkbench, type WorkbenchSession } from './session';
import { editorTab, notification, pressNotificationButton, runCommand, saveScreenshot, statusBarItem, typeInInputBox, useColorTheme, webviewFrame } from './workbench';

async function textOf(locator: Locator): Promise<string> {
  await locator.first().waitFor({ timeout: 30_000 });
  return (await locator.first().textContent()) ?? '';
}

/** No key may ever be shown: neither in the workbench nor in the panel. */
async function assertKeyNotShown(page: Page, panel: FrameLocator, key: string): Promise<void> {
  assert.ok(!(await page.locator('body').innerText()).includes(key), 'the workbench shows the key');
  assert.ok(!(await panel.locator('body').innerText()).includes(key), 'the panel shows the key');
}

suite('UI: checking a Mistral key in the workbench', () => {
  let emulator: Emulator;
  let session: WorkbenchSession;

  suiteSetup(async () => {
    emulator = await startEmulator({ scenario: 'normal' });
    session = await openWorkbench({
      settings: { 'workbench.colorTheme': 'Default Dark Modern' },
      workspaceSettings: {
        'mistralKeyDoctor.tool': 'cline',
        'mistralKeyDoctor.apiBaseUrl': emulator.apiUrl,
        'mistralKeyDoctor.codestralBaseUrl': emulator.codestralUrl,
        // Checks happen only when the test asks for them.
        'mistralKeyDoctor.autoCheck': false,
      },
    });
  });

  teardown(async function () {
    if (this.currentTest?.state === 'failed') await saveScreenshot(session.page, `failure-${this.currentTest.title.slice(0, 40)}`, { failure: true });
  });

  suiteTeardown(async () => {
    await session?.close();
    await emulator?.close();
  });

  test('a Codestral key checked for Cline: the panel explains the 401 and the status bar warns', async () => {
    const { page } = session;
    await runCommand(page, 'Set Mistral API key');
    await typeInInputBox(page, TEST_KEYS.codestral, { password: true });
    await notification(page, 'stored').waitFor();

    await runCommand(page, 'Check Mistral key');
    await editorTab(page, 'Mistral Key Doctor').waitFor();
    const panel = webviewFrame(page);
    assert.equal(await textOf(panel.locator('#verdict')), 'Codestral key (accepted by codestral.mistral.ai only)');
    assert.equal(await textOf(panel.locator('#verdict-tool')), 'It does not work for Cline.');
    assert.equal(await textOf(panel.locator('#cause-title')), 'A legacy Mistral Code key was sent to api.mistral.ai');
    assert.equal(await panel.locator('tr[data-host="api"]').getAttribute('data-outcome'), 'rejected');
    assert.equal(await textOf(panel.locator('tr[data-host="api"] .host-status')), '401');
    assert.equal(await panel.locator('tr[data-host="codestral"]').getAttribute('data-outcome'), 'accepted');
    assert.equal(await panel.locator('#tool-select').inputValue(), 'cline');
    const steps = await panel.locator('#fix-steps li').allInnerTexts();
    assert.match(steps[0] ?? '', /Cline sends Mistral keys only to api\.mistral\.ai, so it cannot use a legacy Mistral Code key/);
    assert.ok(steps.some((step) => step.includes('Create a Studio key')), `no step creates a Studio key: ${steps.join(' | ')}`);
    assert.ok(steps.some((step) => step.includes('In Cline settings')), `no Cline settings step: ${steps.join(' | ')}`);

    const warning = statusBarItem(page, 'Mistral key: 401');
    await warning.waitFor();
    assert.match((await warning.getAttribute('class')) ?? '', /warning-kind/);
    await assertKeyNotShown(page, panel, TEST_KEYS.codestral);

    await runCommand(page, 'Clear All Notifications');
    await saveScreenshot(page, 'codestral-key-for-cline-dark');
    await useColorTheme(page, 'Default Light Modern');
    await saveScreenshot(page, 'codestral-key-for-cline-light');
  });

  test('a new key: the warning stays until the emulator accepts it, then a re-check clears it', async () => {
    const { page } = session;
    const panel = webviewFrame(page);
    await panel.locator('#set-key').click();
    await typeInInputBox(page, TEST_KEYS.fresh, { password: true });
    await pressNotificationButton(page, 'stored', 'Check now');
    assert.equal(await textOf(panel.locator('#cause-title', { hasText: 'not active yet' })), 'The key is not active yet');
    assert.equal(await panel.locator('tr[data-host="api"]').getAttribute('data-outcome'), 'rejected');
    await statusBarItem(page, 'Mistral key: 401').waitFor();

    emulator.activateKey(TEST_KEYS.fresh);
    await panel.locator('#recheck').click();
    assert.equal(await textOf(panel.locator('#verdict-tool', { hasText: 'It works' })), 'It works for Cline.');
    assert.equal(await textOf(panel.locator('#verdict')), 'General API key (accepted by api.mistral.ai only)');
    await statusBarItem(page, 'Mistral key').waitFor({ state: 'hidden' });
    await assertKeyNotShown(page, panel, TEST_KEYS.fresh);

    await runCommand(page, 'Clear All Notifications');
    await saveScreenshot(page, 'new-key-works-light');
    await useColorTheme(page, 'Default Dark Modern');
    await saveScreenshot(page, 'new-key-works-dark');
  });
});
