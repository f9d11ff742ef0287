// The one function that finds every key: what the "Check Mistral key" command, the watch of other
// tools' keys and the CLI's doctor call. Every Mistral key this machine's tools are set up with (where
// the tools catalogue says each tool keeps it), merged by key, plus what could not be read. Never throws for a file.
import { inspectKey, looksLikeMistralKey, otherProviderSecret } from '../core/hygiene';
import { t } from '../core/l10n';
import { findClineKeys } from './cline';
import { findContinueKeys } from './continueConfig';
import { findEnvironmentKeys } from './environment';
import { findAiderKeys, findWorkspaceDotenvKeys } from './litellm';
import { SourceFiles, type SourceContext } from './sourceFiles';
import { findTabbyKeys } from './tabby';
import type { FindKeyOptions, FoundKeys, KeyCandidate, KeySource, SourceId } from './types';
import { findVibeKeys } from './vibe';

export async function findKeyCandidates(options: FindKeyOptions): Promise<FoundKeys> {
  const files = new SourceFiles(options.home, options.workspaceFolders, options.readFile);
  // Without a home folder the tools' paths would resolve against the current directory.
  const context: SourceContext = { ...options, includeToolFiles: options.includeToolFiles && options.home !== '', files };
  // Tools' own files first: they know the host and model, so they label a key found in several places.
  const wanted = (id: SourceId) => !options.sources || options.sources.includes(id);
  const found: KeyCandidate[] = [
    ...wanted('continue') ? await findContinueKeys(context) : [],
    ...wanted('vibe') ? await findVibeKeys(context) : [],
    ...wanted('cline') ? await findClineKeys(context) : [],
    ...wanted('tabby') ? await findTabbyKeys(context) : [],
    ...wanted('aider') ? await findAiderKeys(context) : [],
    ...wanted('dotenv') ? await findWorkspaceDotenvKeys(context) : [],
    ...wanted('env') ? findEnvironmentKeys(options.env) : [],
  ];
  return { candidates: mergeByKey(found.filter((keyAt) => mayBeSent(keyAt, files))), problems: files.problems };
}

/**
 * Only values shaped like a Mistral key are offered for an automatic check; another provider's
 * secret or an odd value is reported (by where it was found, never by value) and left out. A key the
 * user picks or types is checked whatever its shape.
 */
function mayBeSent({ key, source }: KeyCandidate, files: SourceFiles): boolean {
  const provider = otherProviderSecret(key);
  if (provider) {
    files.report(source.path ?? source.label, t('{0} holds a secret in {1}\'s format, not a Mistral key: it was not sent.', source.label, provider));
    return false;
  }
  if (!looksLikeMistralKey(key)) {
    files.report(source.path ?? source.label, t('{0} does not look like a Mistral key (32 letters and digits), so it was not sent. If it is one, check it with "Set Mistral API key".', source.label));
    return false;
  }
  return true;
}

/** A key found at one source. */
export function keyCandidate(key: string, source: KeySource): KeyCandidate {
  return { key, fingerprint: inspectKey(key).report.fingerprint, source, sources: [source] };
}

/** One candidate per distinct key, in the order first found, each listing every source that holds it. */
export function mergeByKey(found: KeyCandidate[]): KeyCandidate[] {
  const byKey = new Map<string, KeyCandidate>();
  for (const candidate of found) {
    const known = byKey.get(candidate.key);
    if (!known) {
      byKey.set(candidate.key, { ...candidate, sources: [...candidate.sources] });
      continue;
    }
    for (const source of candidate.sources) {
      if (!known.sources.some((s) => s.label === source.label)) known.sources.push(source);
    }
  }
  return [...byKey.values()];
}
