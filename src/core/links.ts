// Pages the fix steps point to. Surfaces open only these (the extension through `openExternal`).
export const CONSOLE_URL = 'https://console.mistral.ai/';
export const CONSOLE_API_KEYS_URL = 'https://console.mistral.ai/api-keys';
export const CONSOLE_CODESTRAL_URL = 'https://console.mistral.ai/codestral';
export const DOCS_MODELS_URL = 'https://docs.mistral.ai/getting-started/models/';
export const DOCS_RATE_LIMITS_URL = 'https://docs.mistral.ai/deployment/laplateforme/tier/';
export const STATUS_URL = 'https://status.mistral.ai/';
export const VSCODE_NETWORK_DOCS_URL = 'https://code.visualstudio.com/docs/setup/network';
export const NODE_EXTRA_CA_CERTS_DOCS_URL = 'https://nodejs.org/api/cli.html#node_extra_ca_certsfile';

const ALLOWED_ORIGINS = new Set([
  'https://console.mistral.ai',
  'https://docs.mistral.ai',
  'https://status.mistral.ai',
  'https://code.visualstudio.com',
  'https://nodejs.org',
]);

/** True for https pages on the few sites fix steps link to; anything else must not be opened. */
export function isAllowedLink(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && parsed.username === '' && parsed.password === ''
      && ALLOWED_ORIGINS.has(parsed.origin);
  } catch {
    return false;
  }
}
