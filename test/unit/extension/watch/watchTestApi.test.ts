import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, TEST_KEYS, type Emulator } from '../../../../src/emulator';
import { watchTestApi } from '../../../../src/extension/watch/watchTestApi';
import { shim } from '../../vscode-shim';
import { continueConfig, watchOnShim } from './watchFixture';

let emulator: Emulator;
beforeAll(async () => { emulator = await startEmulator(); });
afterAll(async () => { await emulator.close(); });

describe('watchTestApi', () => {
  let w: ReturnType<typeof watchOnShim>;
  beforeEach(() => {
    shim.reset();
    shim.configuration.set('mistralKeyDoctor.watchToolKeys', 'always');
    w = watchOnShim(emulator);
  });
  afterEach(() => w.dispose());

  it('shows integration tests the watched sources and verdicts once the watch has settled', async () => {
    const api = watchTestApi(w.watch);
    api.setCheckWindowMs(2000);
    fs.writeFileSync(w.configFile, continueConfig(TEST_KEYS.codestral));
    void w.watch.reconcile();
    for (let i = 0; i < 100 && api.watchedSources().length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await api.settled();
    expect(api.watchedSources()).toEqual(['continue']);
    expect(api.verdicts().map((v) => v.diagnosis?.cause.id)).toEqual(['codestral-key-on-api-host']);
  });
});
