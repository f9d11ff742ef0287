// One UI-test session: a fresh code-server with the packaged .vsix installed, a workspace, user
// settings, and headless Chromium showing the workbench. Everything lives in its own run folder.
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, workbenchUrl } from '../harness/browser';
import { installExtension, startCodeServer, type CodeServer } from '../harness/codeServer';
import { createRunDir, writeUserSettings, type RunDir } from '../harness/runDir';

export interface WorkbenchSession {
  page: Page;
  run: RunDir;
  workspace: string;
  /** Rewrites the user settings (base settings + the session's + these); the workbench picks them up live. */
  updateSettings(extra: Record<string, unknown>): void;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** User settings on top of the harness's base settings. */
  settings?: Record<string, unknown>;
  /** A folder copied as the workspace (the copy may be edited by the test); empty when absent. */
  workspaceFixture?: string;
}

/** The .vsix that test/e2e/run.mjs packaged. */
function packagedExtension(): string {
  const vsix = process.env.MKD_VSIX;
  if (!vsix || !fs.existsSync(vsix)) throw new Error('MKD_VSIX does not name a packaged .vsix: run the UI tests with `npm run test:e2e`.');
  return vsix;
}

export async function openWorkbench(options: SessionOptions = {}): Promise<WorkbenchSession> {
  const run = createRunDir('e2e');
  const workspace = path.join(run.dir, 'workspace');
  if (options.workspaceFixture) fs.cpSync(options.workspaceFixture, workspace, { recursive: true });
  else fs.mkdirSync(workspace, { recursive: true });
  let settings = { ...options.settings };
  writeUserSettings(run, settings);
  await installExtension(run, packagedExtension());

  let server: CodeServer | undefined;
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close().catch(() => undefined);
    await server?.stop();
    run.remove();
  };
  try {
    server = await startCodeServer(run);
    const browser = await launchBrowser(run);
    context = browser.context;
    const { page } = browser;
    page.on('pageerror', (error) => console.error(`      [workbench error] ${error.message}`));
    await page.goto(workbenchUrl(server.baseUrl, workspace), { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
    return {
      page, run, workspace, close,
      updateSettings: (extra) => {
        settings = { ...settings, ...extra };
        writeUserSettings(run, settings);
      },
    };
  } catch (error) {
    const log = server ? `\n--- code-server log ---\n${server.log()}` : '';
    await close();
    throw new Error(`${(error as Error).message}${log}`);
  }
}

/** Switches the color theme through the user settings and waits until the workbench shows it. */
export async function useColorTheme(session: WorkbenchSession, theme: 'Default Light Modern' | 'Default Dark Modern'): Promise<void> {
  session.updateSettings({ 'workbench.colorTheme': theme });
  const themeClass = theme === 'Default Light Modern' ? 'vs' : 'vs-dark';
  await session.page.locator(`.monaco-workbench.${themeClass}`).waitFor({ timeout: 30_000 });
}
