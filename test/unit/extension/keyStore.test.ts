import { describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import { KeyStore, SECRET_NAME } from '../../../src/extension/keyStore';

const KEY = 'CdSt7nV2kXq9Lm4Rw8Tz1Bh6Yp3Fj5Ga';

function fakeSecrets() {
  const values = new Map<string, string>();
  const changed = new vscode.EventEmitter<{ key: string }>();
  return {
    values,
    storage: {
      get: async (name: string) => values.get(name),
      store: async (name: string, value: string) => { values.set(name, value); changed.fire({ key: name }); },
      delete: async (name: string) => { values.delete(name); changed.fire({ key: name }); },
      keys: async () => [...values.keys()],
      onDidChange: changed.event,
    } as unknown as vscode.SecretStorage,
    fire: (key: string) => changed.fire({ key }),
  };
}

function fakeMemento() {
  const values = new Map<string, unknown>();
  return {
    values,
    memento: {
      keys: () => [...values.keys()],
      get: <T>(name: string, fallback?: T) => (values.has(name) ? values.get(name) as T : fallback),
      update: async (name: string, value: unknown) => { if (value === undefined) values.delete(name); else values.set(name, value); },
    } as unknown as vscode.Memento,
  };
}

describe('KeyStore', () => {
  it('keeps the key in secret storage and only its fingerprint and first-stored time in globalState', async () => {
    const secrets = fakeSecrets();
    const state = fakeMemento();
    let now = 1000;
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
