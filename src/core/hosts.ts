// Where keys may be sent: the two Mistral hosts by default, or a base URL the user configured,
// which must be https unless it points back at this machine. The only home of Mistral's host names:
// every other module takes them (and the pages built on them) from here.
import type { HostId } from './diagnosis';
import { t } from './l10n';

export const API_HOSTNAME = 'api.mistral.ai';
export const CODESTRAL_HOSTNAME = 'codestral.mistral.ai';
export const CONSOLE_HOSTNAME = 'console.mistral.ai';
export const CHAT_HOSTNAME = 'chat.mistral.ai';
export const DOCS_HOSTNAME = 'docs.mistral.ai';
export const STATUS_HOSTNAME = 'status.mistral.ai';
export const ADMIN_HOSTNAME = 'admin.mistral.ai';

export const DEFAULT_API_URL = `https://${API_HOSTNAME}`;
export const DEFAULT_CODESTRAL_URL = `https://${CODESTRAL_HOSTNAME}`;
/** Where the plan lookup asks which key type and plan a key has (`GET /api/vibe/whoami`). */
export const DEFAULT_CONSOLE_URL = `https://${CONSOLE_HOSTNAME}`;
export const CHAT_URL = `https://${CHAT_HOSTNAME}`;
export const DOCS_URL = `https://${DOCS_HOSTNAME}`;
export const STATUS_URL_ORIGIN = `https://${STATUS_HOSTNAME}`;
/** The Admin panel: billing, payment methods, subscriptions and spending limits. */
export const ADMIN_URL = `https://${ADMIN_HOSTNAME}`;

/** The public host name of each probed host, as reports name them. */
export const HOSTNAME_OF: Readonly<Record<HostId, string>> = { api: API_HOSTNAME, codestral: CODESTRAL_HOSTNAME };

/** Mistral's own API hosts and the probed host each stands for (the SDK also knows the eu and us servers). */
const HOST_BY_HOSTNAME: Readonly<Record<string, HostId>> = {
  [API_HOSTNAME]: 'api',
  'api.eu.mistral.ai': 'api',
  'api.us.mistral.ai': 'api',
  [CODESTRAL_HOSTNAME]: 'codestral',
};
const MISTRAL_HOSTNAMES = new Set(Object.keys(HOST_BY_HOSTNAME));
const MISTRAL_DOMAIN = 'mistral.ai';

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

/** The Mistral host a base URL names (`api` for api, api.eu and api.us), or null for any other address. */
export function mistralHostOf(raw: string): HostId | null {
  const url = parseUrl(raw.trim());
  return url ? (HOST_BY_HOSTNAME[url.hostname.toLowerCase()] ?? null) : null;
}

/** True for a host name Mistral serves its API on (not its web pages). */
export function isKnownMistralHostname(hostname: string): boolean {
  return MISTRAL_HOSTNAMES.has(hostname.toLowerCase());
}

/** True for any address under mistral.ai, including names Mistral does not serve (typos such as `api.mistal.ai` are not). */
export function isUnderMistralDomain(raw: string): boolean {
  const url = parseUrl(raw.trim());
  const hostname = url?.hostname.toLowerCase() ?? '';
  return hostname === MISTRAL_DOMAIN || hostname.endsWith(`.${MISTRAL_DOMAIN}`);
}

/** The default base URL of a host in a setting's form (Continue, litellm and Vibe add `/v1`; `either` shows the `/v1` form). */
export function defaultBaseUrl(host: HostId, convention: 'with-v1' | 'without-v1' | 'either'): string {
  const origin = host === 'api' ? DEFAULT_API_URL : DEFAULT_CODESTRAL_URL;
  return convention === 'without-v1' ? origin : `${origin}/v1`;
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
