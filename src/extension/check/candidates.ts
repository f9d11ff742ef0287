// The keys "Check Mistral key" can check: the stored one first, then what other tools are set up
// with. Keys found in several places are listed once.
import * as vscode from 'vscode';
import type { Target, ToolId } from '../../core/diagnosis';
import { inspectKey } from '../../core/hygiene';
import type { FoundKeys } from '../../sources';

export interface CheckCandidate {
  key: string;
  fingerprint: string;
  /** Localised list of the places holding this key. */
  label: string;
  /** True when this is the key in SecretStorage. */
  stored: boolean;
  /** The host the source's tool sends the key to, or null to follow the settings. */
  target: Target | null;
  /** The model the source's tool uses, or null to follow the settings. */
  model: string | null;
  /** The tool that reads the key from its source (a watched tool's files); absent: the tool in use. */
  tool?: ToolId;
}

export function storedCandidate(key: string): CheckCandidate {
  return { key, fingerprint: inspectKey(key).report.fingerprint, label: storedLabel(), stored: true, target: null, model: null };
}

export function storedLabel(): string {
  return vscode.l10n.t('VS Code secret storage');
}

/** Merges the stored key with the keys found elsewhere, dropping duplicates of the stored key. */
export function mergeCandidates(stored: string | undefined, found: FoundKeys): CheckCandidate[] {
  const candidates: CheckCandidate[] = [];
  const storedClean = stored === undefined ? undefined : inspectKey(stored).key;
  if (stored !== undefined) candidates.push(storedCandidate(stored));
  for (const candidate of found.candidates) {
    const label = candidate.sources.map((source) => source.label).join(', ');
    if (storedClean !== undefined && inspectKey(candidate.key).key === storedClean) {
      candidates[0] = { ...candidates[0]!, label: `${candidates[0]!.label}, ${label}` };
      continue;
    }
    const fromEnvironment = candidate.source.id === 'env';
    candidates.push({
      key: candidate.key,
      fingerprint: candidate.fingerprint,
      label,
      stored: false,
      target: fromEnvironment ? null : candidate.target,
      model: candidate.model,
    });
  }
  return candidates;
}
