// Which Mistral host a base URL or a tool's default sends a key to, and the base URL each tool
// expects for each host (Continue/litellm/Vibe with `/v1`, the SDK without).
import type { HostId } from '../core/diagnosis';
import { defaultBaseUrl, isKnownMistralHostname, isUnderMistralDomain, mistralHostOf } from '../core/hosts';
import type { BaseUrlConvention } from './configFacts';

export function parsedUrl(raw: string): URL | null {
  try {
    return new URL(raw.trim());
  } catch {
    return null;
  }
}

/** The Mistral host a base URL names, or null for any other address (a proxy, localhost…). */
export function hostOfBaseUrl(raw: string): HostId | null {
  return mistralHostOf(raw);
}

export function isMistralHostname(raw: string): boolean {
  return isUnderMistralDomain(raw);
}

export function knownMistralHostname(hostname: string): boolean {
  return isKnownMistralHostname(hostname);
}

/** Continue sends models whose id contains "codestral" to the codestral host unless apiBase says otherwise. */
export function continueDefaultHost(model: string | null): HostId {
  return model?.toLowerCase().includes('codestral') ? 'codestral' : 'api';
}

export function baseUrlFor(host: HostId, convention: BaseUrlConvention): string {
  return defaultBaseUrl(host, convention === 'without-v1' ? 'without-v1' : 'with-v1');
}
