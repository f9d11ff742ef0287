// The extension in Simplified Chinese in the real workbench: command titles, the status item, the
// key box's note, and the panel come in the display language.
import assert from 'node:assert/strict';
import path from 'node:path';
import { startEmulator, TEST_KEYS, type Emulator } from '../../src/emulator';
import { repoRoot } from '../harness/repoRoot';
import { openWorkbench, type WorkbenchSession } from './session';
import { editorTab, notification, quickInput, runCommand, saveScreenshot, statusBarItem, webviewFrame } from './workbench';

suite('UI: zh-cn', () => {
  let emulator: Emulator;
  let session: WorkbenchSession;

  suiteSetup(async () => {
    emulator = await startEmulator({ scenario: 'normal' });
    session = await openWorkbench({
      locale: 'zh-cn',
      // VS Code hands extensions a display language only when a language pack for it is installed.
      stubExtensions: [path.join(repoRoot(), 'test/e2e/fixtures/stub-zh-cn-language-pack')],
      settings: { 'workbench.colorTheme': 'Default Light Modern' },
      workspaceSettings: {
        'mistralKeyDoctor.tool': 'cline',
        'mistralKeyDoctor.apiBaseUrl': emulator.apiUrl,
        'mistralKeyDoctor.codestralBaseUrl': emulator.codestralUrl,
        'mistralKeyDoctor.autoCheck': true,
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

  test('commands, status item, key box and panel speak Chinese', async () => {
    const { page } = session;
    await statusBarItem(page, 'Mistral：设置密钥').waitFor({ timeout: 60_000 });
    await runCommand(page, '设置 Mistral API 密钥');
    const box = quickInput(page).locator('.quick-input-box input[type="password"]');
    await box.fill(`${TEST_KEYS.codestral} `);
    await quickInput(page).locator('.quick-input-message', { hasText: '将保存为' }).waitFor();
    await box.press('Enter');
    await notification(page, '正在检查').first().waitFor();
    await editorTab(page, 'Mistral Key Doctor').waitFor();
    const panel = webviewFrame(page);
    assert.equal((await panel.locator('#verdict', { hasText: 'Cline' }).textContent({ timeout: 30_000 }))?.trim(), '它不适用于 Cline。');
    await statusBarItem(page, 'Mistral：这是 Codestral 密钥，Cline 需要 Studio 密钥').waitFor();
    await saveScreenshot(page, 'panel-zh-cn-light-1280', { quantize: true });
  });
});
