import fs from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import { startEmulator, TEST_KEYS, type Emulator } from '../../../../src/emulator';
import { summarizeWatchedVerdicts } from '../../../../src/extension/watch/statusSummary';
import { shim } from '../../vscode-shim';
import { continueConfig, watchOnShim } from './watchFixture';

let emulator: Emulator;
beforeAll(async () => { emulator = await startEmulator(); });
afterAll(async () => { await emulator.close(); });

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('createToolKeyWatch', () => {
  let w: ReturnType<typeof watchOnShim>;
  beforeEach(() => {
    shim.reset();
    shim.configuration.set('mistralKeyDoctor.watchToolKeys', 'always');
    w = watchOnShim(emulator);
  });
  afterEach(() => w.dispose());

  it('watches home files through a RelativePattern on their folder, and a change reaches the check', async () => {
    fs.writeFileSync(w.configFile, continueConfig(TEST_KEYS.codestral));
    await w.watch.reconcile();
    await w.watch.settled();
    const watcher = shim.fileWatchers.find((fw) => fw.pattern.baseUri.fsPath === path.join(w.home, '.continue') && fw.pattern.pattern === 'config.yaml');
    expect(watcher).toBeDefined();
    fs.writeFileSync(w.configFile, continueConfig(TEST_KEYS.console));
    watcher!.changed.fire(vscode.Uri.file(w.configFile));
    await until(() => w.checked.length === 2);
    await w.watch.settled();
    expect(w.checked.map((c) => [c.candidate.fingerprint, c.candidate.stored, c.candidate.target])).toEqual([['CdSt…j5Ga', false, 'api'], ['CnsL…j5Ue', false, 'api']]);
    expect(w.checked[1]?.keyStoredAgoMs).not.toBeNull();
    expect(summarizeWatchedVerdicts(w.watch.verdicts()).worst?.text).toBe("Continue's key: works");
  });

  it('stops the watchers of a source when it is no longer allowed', async () => {
    fs.writeFileSync(w.configFile, continueConfig(TEST_KEYS.codestral));
    await w.watch.reconcile();
    shim.configuration.set('mistralKeyDoctor.watchToolKeys', 'never');
    await w.watch.reconcile({ ask: false });
    expect(shim.fileWatchers.length).toBeGreaterThan(0);
    expect(shim.fileWatchers.every((fw) => fw.disposed)).toBe(true);
    expect(w.watch.verdicts()).toEqual([]);
  });
});
