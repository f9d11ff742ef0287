// The key lives in SecretStorage only. Beside it, globalState keeps the key's fingerprint and when
// it was first stored (for the "not active yet" diagnosis): never the key itself.
import type * as vscode from 'vscode';

export const SECRET_NAME = 'mistralKeyDoctor.apiKey';
const STORED_KEY_META = 'mistralKeyDoctor.storedKeyMeta';

interface StoredKeyMeta {
  fingerprint: string;
  firstStoredAt: number;
}

export class KeyStore {
  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly state: vscode.Memento,
    private readonly now: () => number = Date.now,
  ) {}

  read(): Promise<string | undefined> {
    return Promise.resolve(this.secrets.get(SECRET_NAME));
  }

  /** Stores the key; returns true when it is a different key from the one stored before. */
  async store(key: string, fingerprint: string): Promise<boolean> {
    await this.secrets.store(SECRET_NAME, key);
    return this.noteStored(fingerprint);
  }

  async remove(): Promise<void> {
    await this.secrets.delete(SECRET_NAME);
    await this.state.update(STORED_KEY_META, undefined);
  }

  /**
   * Records when a key with this fingerprint was first seen in storage (another window may have
   * stored it). Returns true when the fingerprint is new.
   */
  async noteStored(fingerprint: string): Promise<boolean> {
    if (this.meta()?.fingerprint === fingerprint) return false;
    const meta: StoredKeyMeta = { fingerprint, firstStoredAt: this.now() };
    await this.state.update(STORED_KEY_META, meta);
    return true;
  }

  /** Epoch ms when the key with this fingerprint was first stored, or null when unknown. */
  firstStoredAt(fingerprint: string): number | null {
    const meta = this.meta();
    return meta?.fingerprint === fingerprint ? meta.firstStoredAt : null;
  }

  onDidChange(listener: () => void): vscode.Disposable {
    return this.secrets.onDidChange((event) => {
      if (event.key === SECRET_NAME) listener();
    });
  }

  private meta(): StoredKeyMeta | undefined {
    const value = this.state.get<StoredKeyMeta>(STORED_KEY_META);
    return value && typeof value.fingerprint === 'string' && typeof value.firstStoredAt === 'number' ? value : undefined;
  }
}
