import fs from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_KEYS } from '../../../../src/emulator';
import type { KeyCandidate } from '../../../../src/sources';
import { watchCommands } from '../../../../src/extension/watch/watchCommands';
import type { StatusMenuItem } from '../../../../src/extension/status/statusMenu';
import { shim } from '../../vscode-shim';
import { continueConfig, watchOnShim } from './watchFixture';
import { useEmulator } from '../../useEmulator';

const emulator = useEmulator();

describe('watchCommands', () => {
  let w: ReturnType<typeof watchOnShim>;
  let shownItems: StatusMenuItem[];
  let pickLabel: string | undefined;
  let checkedFromMenu: KeyCandidate[];
  let commands: ReturnType<typeof watchCommands>;

  beforeEach(async () => {
    shim.reset();
    w = watchOnShim(emulator);
    checkedFromMenu = [];
    pickLabel = undefined;
    commands = watchCommands(w.watch, {
      pick: async (items) => { shownItems = items; return items.find((item) => pickLabel !== undefined && item.label.includes(pickLabel)); },
      checkWithProgress: async (candidate) => { checkedFromMenu.push(candidate); },
    });
    fs.writeFileSync(w.configFile, continueConfig(TEST_KEYS.codestral));
    w.prompts.enqueue({ kind: 'message', action: 'Watch', match: "Continue's files" });
    await w.watch.reconcile();
    await w.watch.settled();
  });
  afterEach(() => w.dispose());

  it('the menu lists Continue\'s key with its verdict; its row checks that key with the panel', async () => {
    pickLabel = "Continue's key";
    await commands['mistralKeyDoctor.watchMenu']!();
    expect(shownItems[0]?.label).toBe("$(error) Continue's key: It does not work for Continue.");
    expect(shim.executed).toEqual([{ command: 'mistralKeyDoctor.checkWatchedKey', args: [0] }]);
    await commands['mistralKeyDoctor.checkWatchedKey']!(0);
    await commands['mistralKeyDoctor.checkWatchedKey']!(7);
    expect(checkedFromMenu.map((c) => [c.fingerprint, c.source.id === 'stored', c.source.target, c.source.tool])).toEqual([['CdSt…j5Ga', false, 'api', 'continue']]);
  });

  it('"Stop watching" declines the source; an unknown source id changes nothing', async () => {
    pickLabel = "Watching Continue's files";
    await commands['mistralKeyDoctor.watchMenu']!();
    expect(shim.executed).toEqual([{ command: 'mistralKeyDoctor.stopWatching', args: ['continue'] }]);
    await commands['mistralKeyDoctor.stopWatching']!('not-a-source');
    expect(w.watch.watchedSources()).toEqual(['continue']);
    await commands['mistralKeyDoctor.stopWatching']!('continue');
    expect(w.watch.watchedSources()).toEqual([]);
    expect(shim.configuration.get('mistralKeyDoctor.watchDeclinedSources')).toEqual(['continue']);
  });

  it('"Watch other tools\' keys…" asks again about a source left undecided', async () => {
    await commands['mistralKeyDoctor.stopWatching']!('continue');
    shim.configuration.delete('mistralKeyDoctor.watchDeclinedSources');
    w.prompts.enqueue({ kind: 'message', action: 'Watch', match: "Continue's files" });
    await commands['mistralKeyDoctor.watchToolKeys']!();
    expect(w.watch.watchedSources()).toEqual(['continue']);
  });

  it('the menu keeps the decision visible and changeable: a declined source is one pick from being watched again', async () => {
    await commands['mistralKeyDoctor.stopWatching']!('continue');
    pickLabel = "Not watching Continue's files";
    await commands['mistralKeyDoctor.watchMenu']!();
    expect(shim.executed).toEqual([{ command: 'mistralKeyDoctor.watchToolKeys', args: ['continue'] }]);
    await commands['mistralKeyDoctor.watchToolKeys']!('continue');
    expect(w.watch.watchedSources()).toEqual(['continue']);
    expect(shim.configuration.get('mistralKeyDoctor.watchDeclinedSources')).toBeUndefined();
  });

  it('with the watch set to "never", the menu lists no source as a decision to change', async () => {
    shim.configuration.set('mistralKeyDoctor.watchToolKeys', 'never');
    expect(w.watch.sourceRows()).toEqual([]);
  });

  it('a watched source without a key says so, naming where it looked', async () => {
    await commands['mistralKeyDoctor.stopWatching']!('continue');
    fs.writeFileSync(w.configFile, 'name: Local\nversion: 1.0.0\nschema: v1\nmodels: []\n');
    await commands['mistralKeyDoctor.watchToolKeys']!('continue');
    await w.watch.settled();
    pickLabel = undefined;
    await commands['mistralKeyDoctor.watchMenu']!();
    const row = shownItems.find((item) => item.label.includes("Watching Continue's files"));
    expect(row?.detail).toMatch(/^no key found in ~\/\.continue\/config\.yaml/);
  });
});
