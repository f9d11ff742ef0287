// The keys "Check Mistral key" can check: the stored one first, then what other tools are set up
// with. Keys found in several places are listed once. Each is the finders' one key-and-source shape.
import * as vscode from 'vscode';
import { inspectKey } from '../../core/hygiene';
import type { FoundKeys, KeyCandidate } from '../../sources';

export function storedCandidate(key: string): KeyCandidate {
  const source = {
    id: 'stored', tool: 'other', path: null, line: null, label: storedLabel(), model: null, target: 'auto', apiBase: null, alsoReads: [],
  } as const satisfies KeyCandidate['source'];
  return { key, fingerprint: inspectKey(key).report.fingerprint, source: { ...source, alsoReads: [] }, sources: [{ ...source, alsoReads: [] }] };
}

export function storedLabel(): string {
  return vscode.l10n.t('VS Code secret storage');
}

/** Localised list of the places holding the key. */
export function candidateLabel(candidate: KeyCandidate): string {
  return candidate.sources.map((source) => source.label).join(', ');
}

/** The stored key, the environment's and a key picked in a file name no tool: the settings decide their host and model. */
export function followsSettings(candidate: KeyCandidate): boolean {
  return candidate.source.id === 'stored' || candidate.source.id === 'env' || candidate.source.id === 'file';
}

/** A key the user points at in a file, at a 1-based line. */
export function fileCandidate(key: string, path: string, line: number, label: string): KeyCandidate {
  const source = { id: 'file', tool: 'other', path, line, label, model: null, target: 'auto', apiBase: null, alsoReads: [] } as const;
  return { key, fingerprint: inspectKey(key).report.fingerprint, source: { ...source, alsoReads: [] }, sources: [{ ...source, alsoReads: [] }] };
}

export function isStored(candidate: KeyCandidate): boolean {
  return candidate.source.id === 'stored';
}

/** Merges the stored key with the keys found elsewhere, dropping duplicates of the stored key. */
export function mergeCandidates(stored: string | undefined, found: FoundKeys): KeyCandidate[] {
  const candidates: KeyCandidate[] = [];
  const storedClean = stored === undefined ? undefined : inspectKey(stored).key;
  if (stored !== undefined) candidates.push(storedCandidate(stored));
  for (const candidate of found.candidates) {
    if (storedClean !== undefined && inspectKey(candidate.key).key === storedClean) {
      candidates[0]!.sources.push(...candidate.sources);
      continue;
    }
    candidates.push(candidate);
  }
  return candidates;
}
