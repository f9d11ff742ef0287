// The installed .vsix's page in the Extensions view: its README shows every screenshot. VS Code
// loads README images there only from https: and data: URLs, so a relative link would show nothing.
import assert from 'node:assert/strict';
import { useWorkbench } from './useWorkbench';
import { editorTab, runCommand, webviewFrame } from './workbench';

suite('UI: the extension\'s page', () => {
  const ui = useWorkbench();

  test('shows the README with every screenshot loaded', async () => {
    const { page } = ui.session;
    await runCommand(page, 'View: Show Extensions');
    await page.locator('.extensions-viewlet .monaco-list-row', { hasText: 'Mistral Key Doctor' }).first().click();
    await editorTab(page, /Mistral Key Doctor/).waitFor({ timeout: 30_000 });
    const readme = webviewFrame(page);
    await readme.locator('h1', { hasText: 'Mistral Key Doctor' }).waitFor({ timeout: 30_000 });
    const images = readme.locator('img');
    await images.first().waitFor({ timeout: 30_000 });
    const loaded = await images.evaluateAll((nodes) => nodes.map((node) => {
    const image = node as HTMLImageElement;
    return { alt: image.alt, width: image.complete ? image.naturalWidth : 0 };
  }));
    assert.ok(loaded.length >= 4, `the README page shows ${loaded.length} images`);
    for (const image of loaded) assert.ok(image.width > 0, `the image "${image.alt}" did not load`);
  });
});
