import { hostForKeyVariable } from '../core/catalogue';
import { KEY_VARIABLES } from '../core/catalogue/keyVariables';
import { t } from '../core/l10n';
import { keyCandidate } from './findKeyCandidates';
import type { KeyCandidate } from './types';

/** The variables the SDK, litellm/aider, Vibe and Zed read a Mistral key from. */
export function findEnvironmentKeys(env: Record<string, string | undefined>): KeyCandidate[] {
  return KEY_VARIABLES.flatMap((variable) => {
    const key = env[variable];
    if (!key) return [];
    return [keyCandidate(key, {
      id: 'env', tool: 'other', path: null, line: null, label: t('Environment variable {0}', variable),
      model: null, target: hostForKeyVariable(variable), apiBase: null, alsoReads: [],
    })];
  });
}
