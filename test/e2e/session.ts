// One UI-test session: a fresh code-server with the packaged .vsix installed, a workspace, user
// settings, and headless Chromium showing the workbench. Everything lives in its own run folder.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser, workbenchUrl } from '../harness/browser';
import { installExtension, startCodeServer, type CodeServer } from '../harness/codeServer';
import { repoRoot } from '../harness/repoRoot';
import { createRunDir, writeUserSettings, type RunDir } from '../harness/runDir';

export interface WorkbenchSession {
  page: Page;
  run: RunDir;
  workspace: string;
  close(): Promise<void>;
}

export interface SessionOptions {
  /** User settings on top of the harness's base settings. */
  settings?: Record<string, unknown>;
  /**
   * Settings of the workspace (.vscode/settings.json). The extension's settings go here: user
   * settings.json is rewritten by the workbench itself (e.g. when the color theme changes), and the
   * extension host may briefly see it without the settings a test depends on.
   */
  workspaceSettings?: Record<string, unknown>;
  /** A folder copied as the workspace (the copy may be edited by the test); empty when absent. */
  workspaceFixture?: string;
  /** Display language, e.g. `zh-cn` (code-server's --locale). */
  locale?: string;
  /** Folders of stand-in extensions (a package.json, nothing else) installed beside ours, e.g. to be detected. */
  stubExtensions?: string[];
}

/** Packs a stand-in extension folder into a .vsix inside the run folder. */
function packStub(run: RunDir, folder: string): string {
  const copy = path.join(run.dir, 'stubs', path.basename(folder));
  fs.cpSync(folder, copy, { recursive: true });
  const out = `${copy}.vsix`;
  execFileSync(process.execPath, [path.join(repoRoot(), 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', out], { cwd: copy, stdio: 'ignore' });
  return out;
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
  if (options.workspaceSettings) {
    fs.mkdirSync(path.join(workspace, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(workspace, '.vscode/settings.json'), JSON.stringify(options.workspaceSettings, null, 2));
  }
  writeUserSettings(run, options.settings);
  await installExtension(run, packagedExtension());
  for (const stub of options.stubExtensions ?? []) await installExtension(run, packStub(run, stub));

  let server: CodeServer | undefined;
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close().catch(() => undefined);
    await server?.stop();
    run.remove();
  };
  try {
    server = await startCodeServer(run, { locale: options.locale });
    const browser = await launchBrowser(run);
    context = browser.context;
    const { page } = browser;
    page.on('pageerror', (error) => console.error(`      [workbench error] ${error.message}`));
    await page.goto(workbenchUrl(server.baseUrl, workspace), { waitUntil: 'domcontentloaded' });
    await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60_000 });
    return { page, run, workspace, close };
  } catch (error) {
    const log = server ? `\n--- code-server log ---\n${server.log()}` : '';
    await close();
    throw new Error(`${(error as Error).message}${log}`);
  }
}
