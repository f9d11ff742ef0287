// The keys the status item, its tooltip and its menu speak for, one shape for all of them: the key
// last checked in VS Code (stored, from the environment or a file) and each key the watch follows.
// Each carries its own Diagnosis, so every surface tells the same story per key.
import type { Diagnosis, ToolId } from '../../core/diagnosis';
import { compareSeverity } from '../../core/causeMeaning';
import type { WatchedSourceId } from '../watch/watchedSources';

export interface MenuAction {
  command: string;
  args: unknown[];
}

export interface KeyStatus {
  /** `last`: the key the panel shows (the last one checked here); else the watched source it comes from. */
  sourceId: WatchedSourceId | 'last';
  /** Localised: whose key, e.g. "The stored key", "Continue's key". */
  owner: string;
  /** Localised place and fingerprint, e.g. "~/.continue/config.yaml · AbCd…WxYz". */
  place: string;
  /** The tool that uses the key: the verdict is worded for it. */
  tool: ToolId;
  diagnosis: Diagnosis | null;
  /** A check of this key is running now. */
  checking: boolean;
  /** The verdict may no longer hold (the key changed, or its file cannot be read now) until its own check ends. */
  stale: boolean;
  /** True for the key kept in VS Code's secret storage: "Set a new key" replaces it. */
  storedKey: boolean;
  /** The file the key is written in, when it is in one. */
  file: string | null;
  /** Checks this key again. */
  recheck: MenuAction;
}

/** The key with the most severe verdict (the first among equals); null while no key has one. */
export function worstKey(keys: readonly KeyStatus[]): KeyStatus | null {
  let worst: KeyStatus | null = null;
  for (const key of keys) {
    if (!key.diagnosis) continue;
    if (!worst || compareSeverity(key.diagnosis.cause.severity, worst.diagnosis!.cause.severity) > 0) worst = key;
  }
  return worst;
}

/**
 * One row per key: when the last key checked here is also a watched one (its fingerprint and tool
 * match), the watched row stays, with whichever verdict is newer.
 */
export function mergeKeys(last: KeyStatus | null, watched: readonly KeyStatus[]): KeyStatus[] {
  if (!last) return [...watched];
  const fingerprint = last.diagnosis?.key.fingerprint;
  const twin = watched.findIndex((key) => !last.storedKey && key.tool === last.tool && key.diagnosis?.key.fingerprint === fingerprint);
  if (twin < 0) return [last, ...watched];
  const merged = watched.map((key, index) => {
    if (index !== twin) return key;
    const newer = !key.diagnosis || (last.diagnosis !== null && last.diagnosis.checkedAt > key.diagnosis.checkedAt);
    return newer ? { ...key, diagnosis: last.diagnosis, stale: false, checking: key.checking || last.checking } : key;
  });
  return merged;
}
