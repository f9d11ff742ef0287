// Which Mistral host a base URL or a tool's default sends a key to, and the base URL each tool
// expects for each host (Continue/litellm/Vibe with `/v1`, the SDK without).
import type { HostId } from '../core/diagnosis';
import { DEFAULT_API_URL, DEFAULT_CODESTRAL_URL } from '../core/hosts';
import type { BaseUrlConvention } from './configFacts';

const HOSTS_BY_NAME: Record<string, HostId> = {
  'api.mistral.ai': 'api',
  'api.eu.mistral.ai': 'api',
  'api.us.mistral.ai': 'api',
  'codestral.mistral.ai': 'codestral',
};

export function parsedUrl(raw: string): URL | null {
  try {
    return new URL(raw.trim());
  } catch {
    return null;
  }
}

/** The Mistral host a base URL names, or null for any other address (a proxy, localhost…). */
export function hostOfBaseUrl(raw: string): HostId | null {
  const url = parsedUrl(raw);
  return url ? (HOSTS_BY_NAME[url.hostname] ?? null) : null;
}

export function isMistralHostname(raw: string): boolean {
  const url = parsedUrl(raw);
  return url !== null && (url.hostname === 'mistral.ai' || url.hostname.endsWith('.mistral.ai'));
}

export function knownMistralHostname(hostname: string): boolean {
  return hostname in HOSTS_BY_NAME;
}

/** Continue sends models whose id contains "codestral" to the codestral host unless apiBase says otherwise. */
export function continueDefaultHost(model: string | null): HostId {
  return model?.toLowerCase().includes('codestral') ? 'codestral' : 'api';
}

export function baseUrlFor(host: HostId, convention: BaseUrlConvention): string {
  const origin = host === 'api' ? DEFAULT_API_URL : DEFAULT_CODESTRAL_URL;
  return convention === 'without-v1' ? origin : `${origin}/v1`;
}
