import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { RunDir } from './runDir';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Headless system Chromium ($CHROMIUM, default /usr/bin/chromium) with a profile inside the run folder. */
export async function launchBrowser(run: RunDir, viewport = { width: 1400, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';
  const context = await chromium.launchPersistentContext(path.join(run.dir, 'chromium-profile'), {
    executablePath, headless: true, env: run.env, viewport, args: CHROMIUM_ARGS,
  }).catch((error: Error) => {
    throw new Error(`Could not start Chromium at ${executablePath} (${error.message}): run \`bash scripts/ensure-test-tools.sh\` or set CHROMIUM.`);
  });
  const page = context.pages()[0] ?? await context.newPage();
  return { context, page };
}

/** The workbench URL for a folder, with an optional development payload (extension under test + tests). */
export function workbenchUrl(baseUrl: string, folder: string, payload?: [string, string][]): string {
  const query = `folder=${encodeURIComponent(folder)}`;
  return `${baseUrl}/?${query}${payload ? `&payload=${encodeURIComponent(JSON.stringify(payload))}` : ''}`;
}
