// The environment variables Mistral keys are kept in, and the host each serves (litellm, aider and
// Zed read CODESTRAL_API_KEY for the Codestral host). The one place these names are spelled.
import type { HostId } from '../diagnosis';

export const MISTRAL_KEY_VARIABLE = 'MISTRAL_API_KEY';
export const CODESTRAL_KEY_VARIABLE = 'CODESTRAL_API_KEY';

export const KEY_VARIABLES = [MISTRAL_KEY_VARIABLE, CODESTRAL_KEY_VARIABLE] as const;
export type KeyVariable = (typeof KEY_VARIABLES)[number];

export const HOST_OF_KEY_VARIABLE: Readonly<Record<KeyVariable, HostId>> = {
  [MISTRAL_KEY_VARIABLE]: 'api',
  [CODESTRAL_KEY_VARIABLE]: 'codestral',
};

/** The variable a key for `host` is kept in. */
export function keyVariableForHost(host: HostId): KeyVariable {
  return host === 'codestral' ? CODESTRAL_KEY_VARIABLE : MISTRAL_KEY_VARIABLE;
}

export function isKeyVariable(name: string): name is KeyVariable {
  return (KEY_VARIABLES as readonly string[]).includes(name);
}

/** Continue secrets and `.env` names a Mistral tool reads a key from (`MISTRAL_…`, `CODESTRAL_…`). */
export const MISTRAL_SECRET_NAME = /^(MISTRAL|CODESTRAL)_\w*$/;
