import { describe, expect, it } from 'vitest';
import { KeyStore, SECRET_NAME } from '../../../../src/extension/key/keyStore';
import { fakeMemento, fakeSecrets } from '../fakeContext';

const KEY = 'CdSt7nV2kXq9Lm4Rw8Tz1Bh6Yp3Fj5Ga';

describe('KeyStore', () => {
  it('keeps the key in secret storage and only its fingerprint and first-stored time in globalState', async () => {
    const secrets = fakeSecrets();
    const state = fakeMemento();
    const now = 1000;
    const store = new KeyStore(secrets.storage, state.memento, () => now);
    expect(await store.store(KEY, 'CdSt…j5Ga')).toBe(true);
    expect(await store.read()).toBe(KEY);
    expect(secrets.values.get(SECRET_NAME)).toBe(KEY);
    expect(JSON.stringify([...state.values])).not.toContain(KEY);
    expect(store.firstStoredAt('CdSt…j5Ga')).toBe(1000);
    expect(store.firstStoredAt('othr…fngr')).toBeNull();
  });

  it('keeps the first time a key was stored when the same key is stored again, and resets it for a new key', async () => {
    const state = fakeMemento();
    let now = 1000;
    const store = new KeyStore(fakeSecrets().storage, state.memento, () => now);
    await store.store(KEY, 'CdSt…j5Ga');
    now = 5000;
    expect(await store.store(KEY, 'CdSt…j5Ga')).toBe(false);
    expect(store.firstStoredAt('CdSt…j5Ga')).toBe(1000);
    expect(await store.noteStored('CnsL…Pf3G')).toBe(true);
    expect(store.firstStoredAt('CnsL…Pf3G')).toBe(5000);
  });

  it('forgets key and time on removal', async () => {
    const secrets = fakeSecrets();
    const state = fakeMemento();
    const store = new KeyStore(secrets.storage, state.memento);
    await store.store(KEY, 'CdSt…j5Ga');
    await store.remove();
    expect(await store.read()).toBeUndefined();
    expect(state.values.size).toBe(0);
  });

  it('reports changes to its own secret only', () => {
    const secrets = fakeSecrets();
    const store = new KeyStore(secrets.storage, fakeMemento().memento);
    let changes = 0;
    store.onDidChange(() => { changes += 1; });
    secrets.fire('someOtherExtension.token');
    secrets.fire(SECRET_NAME);
    expect(changes).toBe(1);
  });
});
