// Which Mistral host a key found in another tool's files goes to: read from the tools table.
import type { Target } from '../core/diagnosis';
import { hostForBaseUrl, hostForKeyVariable, hostForTool } from '../core/catalogue';

/** `auto` for anything that is not a Mistral host (a proxy, a gateway, loopback) or not a URL. */
export function targetForBaseUrl(baseUrl: string): Target {
  return hostForBaseUrl(baseUrl);
}

/** Continue's Mistral provider: `apiBase` wins, otherwise Continue's own routing for the model. */
export function continueTarget(model: string | null, apiBase: string | null): Target {
  return hostForTool('continue', model, null, apiBase);
}

/** litellm/aider (and Zed) convention: `CODESTRAL_API_KEY` serves the codestral host, `MISTRAL_API_KEY` the api host. */
export function targetForKeyVariable(variable: string): Target {
  return hostForKeyVariable(variable);
}
