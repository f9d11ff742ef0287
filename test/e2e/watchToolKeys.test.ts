// Issue 13 in the real workbench: Continue keeps a Codestral key in ~/.continue/config.yaml for a
// model it sends to api.mistral.ai. The user agrees once to have Continue's files watched; the status
// item then names Continue's key and the cause, its menu lists the key; after the fix in Continue's
// file the warning goes by itself.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startEmulator, TEST_KEYS, type Emulator } from '../../src/emulator';
import { openWorkbench, type WorkbenchSession } from './session';
import { notification, pressNotificationButton, quickInput, runCommand, saveScreenshot, statusBarItem } from './workbench';

function continueConfig(key: string): string {
  return `name: Local\nversion: 1.0.0\nschema: v1\nmodels:\n  - name: Chat\n    provider: mistral\n    model: mistral-large-latest\n    apiBase: https://api.mistral.ai/v1\n    apiKey: ${key}\n`;
}

suite('UI: the status item speaks for the key Continue uses', () => {
  let emulator: Emulator;
  let session: WorkbenchSession;
  let continueFile: string;

  suiteSetup(async () => {
    emulator = await startEmulator({ scenario: 'normal' });
    session = await openWorkbench({
      settings: { 'workbench.colorTheme': 'Default Dark Modern' },
      workspaceSettings: {
        'mistralKeyDoctor.apiBaseUrl': emulator.apiUrl,
        'mistralKeyDoctor.codestralBaseUrl': emulator.codestralUrl,
        'mistralKeyDoctor.autoCheck': false,
      },
    });
    continueFile = path.join(session.run.home, '.continue', 'config.yaml');
  });

  teardown(async function () {
    if (this.currentTest?.state === 'failed') await saveScreenshot(session.page, `failure-${this.currentTest.title.slice(0, 40)}`, { failure: true });
  });

  suiteTeardown(async () => {
    await session?.close();
    await emulator?.close();
  });

  test('after one consent, a Codestral key in Continue\'s config shows as "Continue\'s key: 401 (…)"; the fix clears it', async () => {
    const { page } = session;
    fs.mkdirSync(path.dirname(continueFile), { recursive: true });
    fs.writeFileSync(continueFile, continueConfig(TEST_KEYS.codestral));
    await runCommand(page, "Watch other tools' Mistral keys");
    const question = "Check the Mistral key in Continue's files when it changes?";
    await notification(page, question).waitFor({ timeout: 30_000 });
    await pressNotificationButton(page, question, 'Watch');

    const warning = statusBarItem(page, "Continue's key: 401 (legacy Mistral Code key, Continue needs a Studio key)");
    await warning.waitFor({ timeout: 30_000 });
    assert.match((await warning.getAttribute('class')) ?? '', /error-kind/);
    assert.ok(!(await page.locator('body').innerText()).includes(TEST_KEYS.codestral), 'the workbench shows the key');
    await runCommand(page, 'Clear All Notifications');
    await saveScreenshot(page, 'watched-continue-key-401');

    await warning.click();
    const row = quickInput(page).locator('.monaco-list-row', { hasText: "Continue's key: 401" }).first();
    await row.waitFor({ timeout: 30_000 });
    assert.equal(await quickInput(page).locator('.monaco-list-row', { hasText: "Stop watching Continue's files" }).count(), 1);
    await saveScreenshot(page, 'watched-keys-menu');
    await page.keyboard.press('Escape');

    fs.writeFileSync(continueFile, continueConfig(TEST_KEYS.console));
    await warning.waitFor({ state: 'detached', timeout: 90_000 });
    assert.equal(await statusBarItem(page, "Continue's key").count(), 0);
  });
});
