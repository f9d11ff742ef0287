// Page helpers for driving the VS Code workbench (code-server in Chromium) the way a user does.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { repoRoot } from '../harness/repoRoot';

const UI_TIMEOUT_MS = 30_000;

/** The quick input (command palette, input boxes, quick picks). */
export function quickInput(page: Page): Locator {
  return page.locator('.quick-input-widget');
}

/**
 * Opens the command palette. Tries the key press where the focus is first; then clicks an empty
 * spot of the activity bar (which runs nothing) so the next press reaches the workbench.
 */
export async function openCommandPalette(page: Page): Promise<void> {
  const widget = quickInput(page);
  for (let attempt = 0; attempt < 6; attempt++) {
    if (attempt > 0) {
      const bar = page.locator('.part.activitybar');
      const box = await bar.boundingBox();
      await bar.click({ position: { x: (box?.width ?? 48) / 2, y: (box?.height ?? 800) * 0.6 } });
    }
    await page.keyboard.press(attempt % 2 === 0 ? 'F1' : 'Control+Shift+P');
    try {
      await widget.waitFor({ state: 'visible', timeout: 3_000 });
      return;
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  throw new Error('The command palette did not open after 6 tries (F1 / Ctrl+Shift+P).');
}

/**
 * Runs a command from the palette by its title, as a user would type it. Reopens the palette while
 * the command is not listed yet: an extension's commands appear once the extension host has read it.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    await openCommandPalette(page);
    await quickInput(page).locator('.quick-input-box input').fill(`>${title}`);
    const row = quickInput(page).locator('.monaco-list-row', { hasText: title }).first();
    try {
      await row.waitFor({ timeout: 5_000 });
      await row.click();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`The command palette does not list "${title}": ${(error as Error).message}`);
      await page.keyboard.press('Escape');
    }
  }
}

/** Opens a workspace file through Quick Open (the palette without its ">"), by its path relative to the workspace. */
export async function openFile(page: Page, relativePath: string): Promise<void> {
  await openCommandPalette(page);
  const input = quickInput(page).locator('.quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  await input.fill(relativePath); // without the palette's ">": Quick Open's file search
  const row = quickInput(page).locator('.monaco-list-row', { hasText: path.basename(relativePath) }).first();
  await row.waitFor({ timeout: UI_TIMEOUT_MS });
  await row.click();
}

/** Types into the open input box (e.g. the password box of "Set Mistral API key") and presses Enter. */
export async function typeInInputBox(page: Page, text: string, options: { password?: boolean } = {}): Promise<void> {
  const input = quickInput(page).locator(options.password ? '.quick-input-box input[type="password"]' : '.quick-input-box input');
  await input.waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  await input.fill(text);
  await input.press('Enter');
  await quickInput(page).waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
}

/** Picks the quick-pick row that contains `text`. */
export async function pickQuickPickItem(page: Page, text: string): Promise<void> {
  const row = quickInput(page).locator('.monaco-list-row', { hasText: text }).first();
  await row.waitFor({ timeout: UI_TIMEOUT_MS });
  await row.click();
}

/** The document inside the visible webview editor: outer `iframe.webview.ready`, inner `#active-frame`. */
export function webviewFrame(page: Page): FrameLocator {
  return page.locator('iframe.webview.ready:visible').first().contentFrame().locator('#active-frame').contentFrame();
}

/** The status-bar entry showing `text` (codicons render as icons, so match the words only). */
export function statusBarItem(page: Page, text: string | RegExp): Locator {
  return page.locator('.statusbar-item', { hasText: text });
}

/** A notification toast containing `text`. */
export function notification(page: Page, text: string | RegExp): Locator {
  return page.locator('.notification-toast', { hasText: text });
}

/** Presses a button of a notification toast. */
export async function pressNotificationButton(page: Page, message: string | RegExp, button: string): Promise<void> {
  await notification(page, message).locator('.monaco-button', { hasText: button }).first().click({ timeout: UI_TIMEOUT_MS });
}

/** The row of the open action widget (the Ctrl+. quick-fix menu) that contains `text`. */
export function actionWidgetItem(page: Page, text: string | RegExp): Locator {
  return page.locator('.action-widget .monaco-list-row.action', { hasText: text }).first();
}

/**
 * Runs the action-widget row containing `text` with the keyboard, as mouse clicks land on the
 * widget's pointer shield: moves the focus down to it and presses Enter.
 */
export async function chooseActionWidgetItem(page: Page, text: string | RegExp): Promise<void> {
  await actionWidgetItem(page, text).waitFor({ timeout: UI_TIMEOUT_MS });
  const rows = await page.locator('.action-widget .monaco-list-row.action').count();
  for (let moves = 0; moves <= rows; moves++) {
    if (await page.locator('.action-widget .monaco-list-row.action.focused', { hasText: text }).count()) {
      await page.keyboard.press('Enter');
      await page.locator('.action-widget').waitFor({ state: 'hidden', timeout: UI_TIMEOUT_MS });
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`The keyboard focus never reached the action "${text}".`);
}

export type ThemeName = 'Default Light Modern' | 'Default Dark Modern' | 'Default High Contrast' | 'Default High Contrast Light';

const THEME_CLASS: Record<ThemeName, string> = {
  'Default Light Modern': 'vs',
  'Default Dark Modern': 'vs-dark',
  'Default High Contrast': 'hc-black',
  'Default High Contrast Light': 'hc-light',
};

/** Switches the color theme with "Preferences: Color Theme", as a user does, and waits until the workbench shows it. */
export async function useColorTheme(page: Page, theme: ThemeName): Promise<void> {
  await runCommand(page, 'Preferences: Color Theme');
  await quickInput(page).locator('.quick-input-box input').fill(theme);
  // Rows show the theme's label with its id as description; "Default High Contrast" is also the
  // start of "Default High Contrast Light": match the whole id.
  await quickInput(page).locator('.monaco-list-row').filter({ has: page.locator('.label-description').getByText(theme, { exact: true }) }).first().click({ timeout: UI_TIMEOUT_MS });
  await page.locator(`.monaco-workbench.${THEME_CLASS[theme]}`).waitFor({ timeout: UI_TIMEOUT_MS });
}

/** The editor tab with this label. */
export function editorTab(page: Page, label: string | RegExp): Locator {
  return page.locator('.tabs-container .tab', { hasText: label });
}

/**
 * Saves a screenshot as test/e2e/screenshots/<name>.png (git-ignored) and, with --update-screenshots
 * (or MKD_UPDATE_SCREENSHOTS=1), also into media/screenshots/, the set the README shows. `quantize`
 * passes it through pngquant (Debian's `pngquant`) when installed: a whole workbench then weighs
 * about 30 KB instead of 90. A `failure` screenshot stays in test/e2e/screenshots/.
 */
export async function saveScreenshot(page: Page, name: string, options: { failure?: boolean; quantize?: boolean } = {}): Promise<string> {
  const root = repoRoot();
  const file = path.join(root, 'test/e2e/screenshots', `${name.replace(/[^\w-]+/g, '-')}.png`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  await page.screenshot({ path: file });
  if (options.quantize) {
    try {
      execFileSync('pngquant', ['--quality', '40-80', '--speed', '3', '--force', '--output', file, file], { stdio: 'ignore' });
    } catch {
      // Without pngquant the full-colour PNG is kept.
    }
  }
  if (!options.failure && process.env.MKD_UPDATE_SCREENSHOTS === '1') {
    const kept = path.join(root, 'media/screenshots', `${name}.png`);
    fs.mkdirSync(path.dirname(kept), { recursive: true });
    fs.copyFileSync(file, kept);
  }
  return file;
}
