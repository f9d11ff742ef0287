// What the watch knows about each watched key: where it is (source and place), its fingerprint,
// when it appeared, the last verdict and whether that verdict is stale. This part is kept in
// globalState so a reload shows the last verdicts without asking the hosts again; the keys
// themselves live only in memory, under an id that is a hash of the key.
import { createHash } from 'node:crypto';
import type * as vscode from 'vscode';
import type { Diagnosis, Target } from '../../core/diagnosis';
import { isWatchedSourceId, type WatchedSourceId } from './watchedSources';

const REGISTRY_STATE = 'mistralKeyDoctor.watch.keys';

/** A key as a source read found it. */
export interface FoundKey {
  /** Stable across reads while the key stays at the same place (source, file, model). */
  entryId: string;
  sourceId: WatchedSourceId;
  /** Localised place, e.g. "Continue ~/.continue/config.yaml, model 'Codestral'". */
  label: string;
  key: string;
  fingerprint: string;
  target: Target;
  model: string | null;
  /** The files the key came from (config and, for a secret, the `.env` holding it). */
  files: string[];
}

/** The part of an entry that may be stored: never the key. */
export interface WatchedKeyRecord {
  entryId: string;
  sourceId: WatchedSourceId;
  label: string;
  fingerprint: string;
  /** Epoch ms when a change brought this key in while watched; null for a key that was already there. */
  firstSeenAt: number | null;
  target: Target;
  model: string | null;
  files: string[];
  diagnosis: Diagnosis | null;
  /** The fingerprint of the key the verdict is about. */
  verdictFingerprint: string | null;
  /** True while the verdict may no longer describe the file (it stopped parsing, or the key changed and is not checked yet). */
  stale: boolean;
}

export interface RegistryUpdate {
  /** Key ids to check: new keys and changed fingerprints. */
  toCheck: string[];
  added: WatchedKeyRecord[];
  changed: WatchedKeyRecord[];
  dropped: WatchedKeyRecord[];
  /** Kept with their last verdict because a file they come from cannot be checked now (it does not parse, or holds no Mistral-shaped key while being edited). */
  staled: WatchedKeyRecord[];
  /** Key ids no entry holds any more: their pending checks can go. */
  released: string[];
}

export function keyIdOf(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}

export class WatchRegistry {
  private readonly records = new Map<string, WatchedKeyRecord>();
  /** entryId → key id, and key id → key: memory only. */
  private readonly keyIds = new Map<string, string>();
  private readonly keys = new Map<string, string>();
  /** entryId → the key id its verdict is about: a verdict belongs to one key, never to the one that replaced it. */
  private readonly verdictKeyIds = new Map<string, string>();

  constructor(private readonly state: vscode.Memento) {
    for (const record of loadRecords(state.get<unknown>(REGISTRY_STATE))) this.records.set(record.entryId, record);
  }

  all(): WatchedKeyRecord[] {
    return [...this.records.values()];
  }

  /** The key behind an id, while some entry still holds it. */
  keyFor(keyId: string): string | undefined {
    return this.keys.get(keyId);
  }

  /** The entries holding this key. */
  entriesWithKey(keyId: string): WatchedKeyRecord[] {
    return this.all().filter((record) => this.keyIds.get(record.entryId) === keyId);
  }

  /**
   * A fresh read of one source: new keys and changed fingerprints are to be checked; entries from
   * files that do not parse keep their verdict as stale; entries no longer found are dropped.
   * `observedChange` is true when a file event (not the first read) led here: only then is a new
   * key "just appeared", which the not-yet-active diagnosis needs.
   */
  update(sourceId: WatchedSourceId, found: FoundKey[], brokenFiles: readonly string[], observedChange: boolean, now: number): RegistryUpdate {
    const result: RegistryUpdate = { toCheck: [], added: [], changed: [], dropped: [], staled: [], released: [] };
    const foundIds = new Set(found.map((entry) => entry.entryId));
    for (const record of this.all().filter((r) => r.sourceId === sourceId && !foundIds.has(r.entryId))) {
      if (record.files.some((file) => brokenFiles.includes(file))) {
        if (!record.stale) result.staled.push(record);
        record.stale = true;
      } else {
        this.records.delete(record.entryId);
        this.keyIds.delete(record.entryId);
        this.verdictKeyIds.delete(record.entryId);
        result.dropped.push(record);
      }
    }
    for (const entry of found) {
      const keyId = keyIdOf(entry.key);
      const known = this.records.get(entry.entryId);
      const knownKeyId = this.keyIds.get(entry.entryId);
      this.keyIds.set(entry.entryId, keyId);
      this.keys.set(keyId, entry.key);
      const place = { label: entry.label, target: entry.target, model: entry.model, files: entry.files };
      if (!known) {
        const record: WatchedKeyRecord = { entryId: entry.entryId, sourceId, fingerprint: entry.fingerprint, firstSeenAt: observedChange ? now : null, diagnosis: null, verdictFingerprint: null, stale: false, ...place };
        this.records.set(entry.entryId, record);
        result.added.push(record);
        result.toCheck.push(keyId);
        continue;
      }
      const sameKey = knownKeyId === undefined ? known.fingerprint === entry.fingerprint : knownKeyId === keyId;
      Object.assign(known, place);
      if (sameKey && this.verdictIsAbout(known, keyId)) {
        // The file parses again with the key the verdict is about.
        known.stale = false;
        continue;
      }
      if (!sameKey) {
        known.fingerprint = entry.fingerprint;
        known.firstSeenAt = now;
        result.changed.push(known);
      }
      // Until this key's own check ends, the verdict shown is another key's (or a broken file's).
      known.stale = known.diagnosis !== null;
      result.toCheck.push(keyId);
    }
    result.released = this.forgetUnusedKeys();
    this.persist();
    return { ...result, toCheck: [...new Set(result.toCheck)] };
  }

  /**
   * Whether the entry's verdict is about this key: known exactly for verdicts of this session, by
   * fingerprint for one kept from an earlier session.
   */
  private verdictIsAbout(record: WatchedKeyRecord, keyId: string): boolean {
    if (record.diagnosis === null) return false;
    const verdictKeyId = this.verdictKeyIds.get(record.entryId);
    return verdictKeyId !== undefined ? verdictKeyId === keyId : record.verdictFingerprint === record.fingerprint;
  }

  /** The verdict of a check of this key, for every entry holding it. */
  recordVerdict(keyId: string, diagnosis: Diagnosis): WatchedKeyRecord[] {
    const { liveModels: _liveModels, ...kept } = diagnosis;
    const entries = this.entriesWithKey(keyId);
    for (const record of entries) {
      record.diagnosis = kept;
      record.stale = false;
      record.verdictFingerprint = record.fingerprint;
      this.verdictKeyIds.set(record.entryId, keyId);
    }
    this.persist();
    return entries;
  }

  /** Forgets every entry of the source; returns the key ids no entry holds any more. */
  removeSource(sourceId: WatchedSourceId): string[] {
    for (const record of this.all().filter((r) => r.sourceId === sourceId)) {
      this.records.delete(record.entryId);
      this.keyIds.delete(record.entryId);
      this.verdictKeyIds.delete(record.entryId);
    }
    const released = this.forgetUnusedKeys();
    this.persist();
    return released;
  }

  /** The key id of an entry read in this session, or null for one known only from storage. */
  keyIdOfEntry(entryId: string): string | null {
    return this.keyIds.get(entryId) ?? null;
  }

  private forgetUnusedKeys(): string[] {
    const used = new Set(this.keyIds.values());
    const released = [...this.keys.keys()].filter((keyId) => !used.has(keyId));
    for (const keyId of released) this.keys.delete(keyId);
    return released;
  }

  private persist(): void {
    void this.state.update(REGISTRY_STATE, this.all());
  }
}

function loadRecords(value: unknown): WatchedKeyRecord[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is WatchedKeyRecord => {
    const record = item as Partial<WatchedKeyRecord> | null;
    return typeof record?.entryId === 'string' && isWatchedSourceId(record.sourceId) && typeof record.label === 'string'
      && typeof record.fingerprint === 'string' && Array.isArray(record.files);
  }).map((record) => ({ ...record, firstSeenAt: typeof record.firstSeenAt === 'number' ? record.firstSeenAt : null, diagnosis: record.diagnosis ?? null,
    verdictFingerprint: typeof record.verdictFingerprint === 'string' ? record.verdictFingerprint : record.fingerprint, stale: record.stale === true,
  }));
}
