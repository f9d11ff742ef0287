// Command → verdict in the real workbench (code-server + headless Chromium, the packaged .vsix, the
// emulator on loopback): from the click on "Check Mistral key" in the palette to the panel showing
// something, and to the verdict of this check painted. The extension host's own breakdown (key
// search, probe, engine load) comes from its log; the rest is the webview's share.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { startEmulator, TEST_KEYS } from '../src/emulator';
import { openWorkbench } from '../test/e2e/session';
import { notification, openCommandPalette, quickInput, runCommand, typeInInputBox, webviewFrame } from '../test/e2e/workbench';

export interface Sample {
  run: number;
  firstPaintMs: number;
  verdictMs: number;
  hostLine: string;
}

async function clickCommand(page: Page, title: string): Promise<number> {
  await openCommandPalette(page);
  await quickInput(page).locator('.quick-input-box input').fill(`>${title}`);
  const row = quickInput(page).locator('.monaco-list-row', { hasText: title }).first();
  await row.waitFor();
  const started = Date.now();
  await row.click();
  return started;
}

function logLines(userDataDir: string): string[] {
  const found: string[] = [];
  const visit = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) visit(file);
      else if (entry.name === 'Mistral Key Doctor.log') found.push(...fs.readFileSync(file, 'utf8').split('\n'));
    }
  };
  visit(path.join(userDataDir, 'logs'));
  return found;
}

export async function measure(runs: number): Promise<{ samples: Sample[]; engineLine: string | null }> {
  const emulator = await startEmulator({ scenario: 'normal' });
  const session = await openWorkbench({
    settings: { 'workbench.colorTheme': 'Default Dark Modern' },
    workspaceSettings: {
      'mistralKeyDoctor.tool': 'cline',
      'mistralKeyDoctor.apiBaseUrl': emulator.apiUrl,
      'mistralKeyDoctor.codestralBaseUrl': emulator.codestralUrl,
      'mistralKeyDoctor.autoCheck': false,
    },
  });
  try {
    const { page } = session;
    await runCommand(page, 'Set Mistral API key');
    await typeInInputBox(page, TEST_KEYS.codestral, { password: true });
    await notification(page, 'stored').first().waitFor();
    await runCommand(page, 'Clear All Notifications');
    const samples: Sample[] = [];
    for (let run = 1; run <= runs; run++) {
      const before = run === 1 ? '' : (await webviewFrame(page).locator('#key-line').textContent()) ?? '';
      const started = await clickCommand(page, 'Check Mistral key');
      const panel = webviewFrame(page);
      await panel.locator('#app > *').first().waitFor({ timeout: 60_000 });
      const firstPaintMs = Date.now() - started;
      await panel.locator('#key-line').filter({ hasNotText: before || '\u0000' }).first().waitFor({ timeout: 60_000 });
      await panel.locator('#app[aria-busy="false"] #verdict').waitFor({ timeout: 60_000 });
      const verdictMs = Date.now() - started;
      // The log line is written right after the verdict; give the log a moment to reach the disk.
      let hostLine = '';
      for (let i = 0; i < 50 && !hostLine; i++) {
        hostLine = logLines(session.run.userDataDir).filter((line) => line.includes('Timing of "Check Mistral key"'))[run - 1] ?? '';
        if (!hostLine) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      samples.push({ run, firstPaintMs, verdictMs, hostLine: hostLine.replace(/^.*Timing of "Check Mistral key": /, '') });
      // Different checkedAt text each run: wait past the clock's second.
      await new Promise((resolve) => setTimeout(resolve, 1100));
    }
    const engineLine = logLines(session.run.userDataDir).find((line) => line.includes('Loaded the engine')) ?? null;
    return { samples, engineLine: engineLine?.replace(/^.*Loaded/, 'Loaded') ?? null };
  } finally {
    await session.close();
    await emulator.close();
  }
}
