// Pages the fix steps point to. Surfaces open only these (the extension through `openExternal`).
// Mistral's addresses are built from the host names in hosts.ts, their only home.
import { ADMIN_URL, CHAT_URL, DEFAULT_CONSOLE_URL, DOCS_URL, STATUS_URL_ORIGIN } from './hosts';

export const CONSOLE_URL = `${DEFAULT_CONSOLE_URL}/`;
/** Studio's "API keys" page, where Studio (general) keys are made. */
export const CONSOLE_API_KEYS_URL = `${DEFAULT_CONSOLE_URL}/api-keys`;
/** Where Vibe keys are made (Le Chat → Code → Extensions). */
export const VIBE_KEYS_URL = `${CHAT_URL}/code/extensions`;
/** The Admin panel's billing page: payment methods, pay-as-you-go and spending limits. */
export const ADMIN_BILLING_URL = `${ADMIN_URL}/organization/billing`;
export const DOCS_MODELS_URL = `${DOCS_URL}/getting-started/models/`;
export const DOCS_RATE_LIMITS_URL = `${DOCS_URL}/deployment/laplateforme/tier/`;
export const STATUS_URL = `${STATUS_URL_ORIGIN}/`;
export const VSCODE_NETWORK_DOCS_URL = 'https://code.visualstudio.com/docs/setup/network';
export const NODE_EXTRA_CA_CERTS_DOCS_URL = 'https://nodejs.org/api/cli.html#node_extra_ca_certsfile';

const ALLOWED_ORIGINS = new Set([
  DEFAULT_CONSOLE_URL,
  CHAT_URL,
  ADMIN_URL,
  DOCS_URL,
  STATUS_URL_ORIGIN,
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
