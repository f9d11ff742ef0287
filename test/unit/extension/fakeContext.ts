// In-memory SecretStorage, Memento and ExtensionContext for tests of the extension's glue.
import * as vscode from 'vscode';

export function fakeSecrets() {
  const values = new Map<string, string>();
  const changed = new vscode.EventEmitter<{ key: string }>();
  const storage = {
    get: async (name: string) => values.get(name),
    store: async (name: string, value: string) => { values.set(name, value); changed.fire({ key: name }); },
    delete: async (name: string) => { values.delete(name); changed.fire({ key: name }); },
    keys: async () => [...values.keys()],
    onDidChange: changed.event,
  } as unknown as vscode.SecretStorage;
  return { values, storage, fire: (key: string) => changed.fire({ key }) };
}

export function fakeMemento() {
  const values = new Map<string, unknown>();
  const memento = {
    keys: () => [...values.keys()],
    get: <T>(name: string, fallback?: T) => (values.has(name) ? values.get(name) as T : fallback),
    update: async (name: string, value: unknown) => { if (value === undefined) values.delete(name); else values.set(name, value); },
  } as unknown as vscode.Memento;
  return { values, memento };
}

export function fakeContext() {
  const secrets = fakeSecrets();
  const globalState = fakeMemento();
  const workspaceState = fakeMemento();
  const context = {
    secrets: secrets.storage,
    globalState: globalState.memento,
    workspaceState: workspaceState.memento,
    extensionUri: vscode.Uri.file('/ext'),
    subscriptions: [],
    asAbsolutePath: (relative: string) => `/ext/${relative}`,
  } as unknown as vscode.ExtensionContext;
  return { context, secrets, globalState, workspaceState };
}
