// Which Mistral host a base URL or a tool's default sends a key to, and the base URL each tool
// expects for each host: answers from the tools table and hosts.ts, the only homes of those facts.
import type { HostId } from '../core/diagnosis';
import { defaultBaseUrl, isKnownMistralHostname, isUnderMistralDomain, mistralHostOf } from '../core/hosts';
import { hostForTool } from '../core/catalogue';
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

/**
 * Where Continue sends a model with no apiBase. Today's Continue asks the api host first for a
 * "codestral" model and moves to the Codestral host on a 401 there (the table's `auto`): a key
 * refused by the api host ends up on the Codestral host, so that is the host named here.
 */
export function continueDefaultHost(model: string | null): HostId {
  const host = hostForTool('continue', model);
  return host === 'auto' ? 'codestral' : host;
}

export function baseUrlFor(host: HostId, convention: BaseUrlConvention): string {
  return defaultBaseUrl(host, convention === 'without-v1' ? 'without-v1' : 'with-v1');
}
