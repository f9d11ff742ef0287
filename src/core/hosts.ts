// Where keys may be sent: the two Mistral hosts by default, or a base URL the user configured,
// which must be https unless it points back at this machine.
import { t } from './l10n';

export const DEFAULT_API_URL = 'https://api.mistral.ai';
export const DEFAULT_CODESTRAL_URL = 'https://codestral.mistral.ai';

const MISTRAL_HOSTNAMES = new Set([
  'api.mistral.ai', 'codestral.mistral.ai', 'api.eu.mistral.ai', 'api.us.mistral.ai',
]);

export type BaseUrlValidation = { ok: true; url: string } | { ok: false; message: string };

function isLoopbackHostname(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True for http(s) URLs on 127.0.0.0/8, ::1 or localhost. */
export function isLoopbackUrl(raw: string): boolean {
  const url = parseUrl(raw.trim());
  return url !== null && (url.protocol === 'https:' || url.protocol === 'http:') && isLoopbackHostname(url.hostname);
}

/** True for https URLs on Mistral's own hosts (api, codestral, api.eu, api.us). */
export function isMistralHost(raw: string): boolean {
  const url = parseUrl(raw.trim());
  return url !== null && url.protocol === 'https:' && MISTRAL_HOSTNAMES.has(url.hostname);
}

/**
 * Checks a base URL before any key is sent to it and normalises it to the SDK convention
 * (no trailing `/`, no trailing `/v1`). The message says what is wrong and what to do.
 */
export function validateBaseUrl(raw: string): BaseUrlValidation {
  const text = raw.trim();
  if (text === '') {
    return { ok: false, message: t('The base URL is empty. Give a full address such as {0}, or leave the setting unset to use the default.', DEFAULT_API_URL) };
  }
  const url = parseUrl(text);
  if (url === null || url.hostname === '') {
    return { ok: false, message: t('The base URL is not a valid address. Give a full address such as {0}.', DEFAULT_API_URL) };
  }
  if (url.username !== '' || url.password !== '') {
    return { ok: false, message: t('The base URL {0} contains a user name or password. Remove them: the key is sent in a header, never in the address.', url.host) };
  }
  if (url.search !== '' || url.hash !== '') {
    return { ok: false, message: t('The base URL for {0} has a query or fragment. Remove everything after the path, e.g. {1}.', url.host, DEFAULT_API_URL) };
  }
  if (url.protocol === 'http:' && !isLoopbackHostname(url.hostname)) {
    return { ok: false, message: t('The base URL for {0} uses http, which would send the key unencrypted. Use https://{0}; plain http is allowed only for 127.0.0.1, ::1 or localhost.', url.host) };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, message: t('The base URL uses {0}, which is not supported. Use an https:// address such as {1}.', url.protocol, DEFAULT_API_URL) };
  }
  const path = url.pathname.replace(/\/+$/, '').replace(/\/v1$/i, '').replace(/\/+$/, '');
  return { ok: true, url: `${url.protocol}//${url.host}${path}` };
}
