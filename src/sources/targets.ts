// Which Mistral host each tool sends a key to (reference/mistral-api.md, "Where tools keep the key").
import type { Target } from '../core/diagnosis';
import { mistralHostOf } from '../core/hosts';

/** `auto` for anything that is not a Mistral host (a proxy, a gateway, loopback) or not a URL. */
export function targetForBaseUrl(baseUrl: string): Target {
  return mistralHostOf(baseUrl) ?? 'auto';
}

/**
 * Continue's Mistral provider: `apiBase` wins; otherwise a model id containing "codestral" (but not
 * "mamba", case-sensitive as Continue checks it) goes to the codestral host. Its default model is
 * `codestral-latest`.
 */
export function continueTarget(model: string | null, apiBase: string | null): Target {
  if (apiBase) return targetForBaseUrl(apiBase);
  const id = model ?? 'codestral-latest';
  return id.includes('codestral') && !id.includes('mamba') ? 'codestral' : 'api';
}

/** litellm/aider (and Zed) convention: `CODESTRAL_API_KEY` serves the codestral host, `MISTRAL_API_KEY` the api host. */
export function targetForKeyVariable(variable: string): Target {
  return variable === 'CODESTRAL_API_KEY' ? 'codestral' : 'api';
}
