// In the real workbench: Continue keeps a Codestral key in ~/.continue/config.yaml for a model it
// sends to api.mistral.ai. The question to watch names Continue's files and where their key goes; once
// agreed, the status item shows a few words ("Mistral 401 · Continue"), its menu leads with the fix and
// lists Continue's key with the same verdict; after the fix in Continue's file the item turns OK.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { TEST_KEYS } from '../../src/emulator';
import { useWorkbench } from './useWorkbench';
import { notification, pressNotificationButton, quickInput, runCommand, saveScreenshot, statusBarItem } from './workbench';

function continueConfig(key: string): string {
  return `name: Local\nversion: 1.0.0\nschema: v1\nmodels:\n  - name: Chat\n    provider: mistral\n    model: mistral-large-latest\n    apiBase: https://api.mistral.ai/v1\n    apiKey: ${key}\n`;
}

suite('UI: the status item speaks for the key Continue uses', () => {
  let continueFile: string;
  const ui = useWorkbench((emulator) => ({
    settings: { 'workbench.colorTheme': 'Default Dark Modern' },
    workspaceSettings: {
      'mistralKeyDoctor.apiBaseUrl': emulator.apiUrl,
      'mistralKeyDoctor.codestralBaseUrl': emulator.codestralUrl,
      'mistralKeyDoctor.autoCheck': false,
    },
  }));

  suiteSetup(async () => {
    continueFile = path.join(ui.session.run.home, '.continue', 'config.yaml');
  });

  test('a watched Continue key that changes: the consent names the files, the item stays a few words, the menu leads with the fix', async () => {
    const { page } = ui.session;
    fs.mkdirSync(path.dirname(continueFile), { recursive: true });
    fs.writeFileSync(continueFile, continueConfig(TEST_KEYS.codestral));
    await runCommand(page, "Watch other tools' Mistral keys");
    const question = /Watch Continue's files \(~\/\.continue\/config\.yaml/;
    const toast = notification(page, question);
    await toast.waitFor({ timeout: 30_000 });
    assert.match(await toast.innerText(), /sends it to Mistral's hosts \(api\.mistral\.ai, codestral\.mistral\.ai\)/);
    await saveScreenshot(page, 'watch-consent', { quantize: true });
    await pressNotificationButton(page, question, 'Watch');

    const item = statusBarItem(page, /Mistral 401 · Continue/);
    await item.waitFor({ timeout: 30_000 });
    assert.match((await item.getAttribute('class')) ?? '', /error-kind/);
    // A few words: what the user reads is at most 25 characters and far narrower than the old sentence (about 470 px).
    const words = (await item.innerText()).trim();
    assert.ok(words.length <= 25, `the item reads "${words}"`);
    const box = await item.boundingBox();
    assert.ok(box && box.width < 200, `the item is ${box?.width} px wide`);
    assert.ok(!(await page.locator('body').innerText()).includes(TEST_KEYS.codestral), 'the workbench shows the key');
    await runCommand(page, 'Clear All Notifications');
    await saveScreenshot(page, 'watched-continue-key-401', { quantize: true });

    await item.click();
    const rows = quickInput(page).locator('.monaco-list-row');
    await rows.first().waitFor({ timeout: 30_000 });
    // The fix first (the cause's first step as an action), then re-check; Continue's key tells the same story as the item.
    assert.match(await rows.first().innerText(), /Open API keys/);
    assert.match(await rows.nth(1).innerText(), /Check again/);
    const keyRows = quickInput(page).locator('.monaco-list-row', { hasText: "Continue's key:" });
    assert.equal(await keyRows.count(), 1);
    assert.match(await keyRows.first().innerText(), /It does not work for Continue\./);
    assert.equal(await quickInput(page).locator('.monaco-list-row', { hasText: "Watching Continue's files" }).count(), 1);
    await saveScreenshot(page, 'watched-keys-menu', { quantize: true });
    await page.keyboard.press('Escape');

    fs.writeFileSync(continueFile, continueConfig(TEST_KEYS.console));
    await item.waitFor({ state: 'detached', timeout: 90_000 });
    const ok = statusBarItem(page, /Mistral · Continue/);
    await ok.waitFor({ timeout: 30_000 });
  });
});
