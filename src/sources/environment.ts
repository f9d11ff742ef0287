import { t } from '../core/l10n';
import { targetForKeyVariable } from './targets';
import type { KeyAtSource } from './types';

/** The variables the SDK, litellm/aider, Vibe and Zed read a Mistral key from. */
export const KEY_VARIABLES = ['MISTRAL_API_KEY', 'CODESTRAL_API_KEY'] as const;

export function findEnvironmentKeys(env: Record<string, string | undefined>): KeyAtSource[] {
  return KEY_VARIABLES.flatMap((variable) => {
    const key = env[variable];
    if (!key) return [];
    return [{
      key,
      source: {
        id: 'env', tool: 'other', label: t('Environment variable {0}', variable),
        model: null, target: targetForKeyVariable(variable), apiBase: null,
      },
    }];
  });
}
