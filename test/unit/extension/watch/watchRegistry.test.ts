import { describe, expect, it } from 'vitest';
import { TEST_KEYS } from '../../../../src/emulator';
import { keyIdOf, WatchRegistry, type FoundKey } from '../../../../src/extension/watch/watchRegistry';
import { codestralKeyForCline, workingConsoleKey } from '../diagnosisFixtures';
import { fakeMemento } from '../fakeContext';

const CONFIG = '/home/ada/.continue/config.yaml';
const NOW = 1_000_000;

function found(key: string, overrides: Partial<FoundKey> = {}): FoundKey {
  return {
    entryId: `continue|${CONFIG}|Codestral`, sourceId: 'continue', label: "Continue ~/.continue/config.yaml, model 'Codestral'",
    key, fingerprint: `${key.slice(0, 4)}…${key.slice(-4)}`, target: 'api', model: 'mistral-large-latest', files: [CONFIG], ...overrides,
  };
}

describe('WatchRegistry', () => {
  it('checks a key when it first appears, not again while its fingerprint stays, again when it changes', () => {
    const registry = new WatchRegistry(fakeMemento().memento);
    const first = registry.update('continue', [found(TEST_KEYS.codestral)], [], false, NOW);
    expect(first.toCheck).toEqual([keyIdOf(TEST_KEYS.codestral)]);
    expect(first.added[0]?.firstSeenAt).toBeNull();
    registry.recordVerdict(keyIdOf(TEST_KEYS.codestral), codestralKeyForCline());
    expect(registry.update('continue', [found(TEST_KEYS.codestral)], [], true, NOW + 1).toCheck).toEqual([]);
    const changed = registry.update('continue', [found(TEST_KEYS.console)], [], true, NOW + 2);
    expect(changed.toCheck).toEqual([keyIdOf(TEST_KEYS.console)]);
    expect(changed.changed.map((r) => [r.fingerprint, r.firstSeenAt, r.stale])).toEqual([['CnsL…j5Ue', NOW + 2, true]]);
    expect(changed.released).toEqual([keyIdOf(TEST_KEYS.codestral)]);
  });

  it('a key brought in by a file change records when it appeared (for the not-yet-active diagnosis)', () => {
    const registry = new WatchRegistry(fakeMemento().memento);
    expect(registry.update('continue', [found(TEST_KEYS.fresh)], [], true, NOW).added[0]?.firstSeenAt).toBe(NOW);
  });

  it('a file that stops parsing keeps the last verdict, marked stale; once it parses again the mark goes without a new check', () => {
    const registry = new WatchRegistry(fakeMemento().memento);
    registry.update('continue', [found(TEST_KEYS.codestral)], [], false, NOW);
    registry.recordVerdict(keyIdOf(TEST_KEYS.codestral), codestralKeyForCline());
    const broken = registry.update('continue', [], [CONFIG], true, NOW + 1);
    expect(broken.staled).toHaveLength(1);
    expect(broken.dropped).toEqual([]);
    expect(registry.all().map((r) => [r.stale, r.diagnosis?.cause.id])).toEqual([[true, 'codestral-key-on-api-host']]);
    const fixed = registry.update('continue', [found(TEST_KEYS.codestral)], [], true, NOW + 2);
    expect(fixed.toCheck).toEqual([]);
    expect(registry.all().map((r) => r.stale)).toEqual([false]);
  });

  it('a file that disappears drops its key from the watch', () => {
    const registry = new WatchRegistry(fakeMemento().memento);
    registry.update('continue', [found(TEST_KEYS.codestral)], [], false, NOW);
    const gone = registry.update('continue', [], [], true, NOW + 1);
    expect(gone.dropped.map((r) => r.fingerprint)).toEqual(['CdSt…j5Ga']);
    expect(gone.released).toEqual([keyIdOf(TEST_KEYS.codestral)]);
    expect(registry.all()).toEqual([]);
    expect(registry.keyFor(keyIdOf(TEST_KEYS.codestral))).toBeUndefined();
  });

  it('one key in two places is one key to check; its verdict reaches both entries', () => {
    const registry = new WatchRegistry(fakeMemento().memento);
    const update = registry.update('continue', [found(TEST_KEYS.console), found(TEST_KEYS.console, { entryId: 'continue|other|Chat', label: 'Chat' })], [], false, NOW);
    expect(update.toCheck).toEqual([keyIdOf(TEST_KEYS.console)]);
    expect(registry.recordVerdict(keyIdOf(TEST_KEYS.console), workingConsoleKey())).toHaveLength(2);
  });

  it('reading one source leaves the other sources\' entries alone', () => {
    const registry = new WatchRegistry(fakeMemento().memento);
    registry.update('continue', [found(TEST_KEYS.console)], [], false, NOW);
    registry.update('vibe', [], [], false, NOW);
    expect(registry.all()).toHaveLength(1);
    expect(registry.removeSource('continue')).toEqual([keyIdOf(TEST_KEYS.console)]);
    expect(registry.all()).toEqual([]);
  });

  it('keeps fingerprints and verdicts in globalState, never the key or the live models list; a reload shows them without a new check', () => {
    const state = fakeMemento();
    const registry = new WatchRegistry(state.memento);
    registry.update('continue', [found(TEST_KEYS.codestral)], [], false, NOW);
    registry.recordVerdict(keyIdOf(TEST_KEYS.codestral), { ...codestralKeyForCline(), liveModels: [] });
    const stored = JSON.stringify(Object.fromEntries(state.values));
    expect(stored).not.toContain(TEST_KEYS.codestral);
    expect(stored).toContain('CdSt…j5Ga');
    expect(stored).not.toContain('liveModels');

    const reloaded = new WatchRegistry(state.memento);
    expect(reloaded.all().map((r) => r.diagnosis?.cause.id)).toEqual(['codestral-key-on-api-host']);
    expect(reloaded.update('continue', [found(TEST_KEYS.codestral)], [], false, NOW + 5).toCheck).toEqual([]);
  });

  it('ignores stored records of an unknown shape', () => {
    const state = fakeMemento();
    state.values.set('mistralKeyDoctor.watch.keys', [{ entryId: 'x', sourceId: 'github' }, 'junk']);
    expect(new WatchRegistry(state.memento).all()).toEqual([]);
  });
});
