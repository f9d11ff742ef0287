// Base URLs: https only (loopback excepted), real Mistral host names, and the `/v1` form each tool wants.
import { API_HOSTNAME, CODESTRAL_HOSTNAME, isLoopbackUrl } from '../../core/hosts';
import { t } from '../../core/l10n';
import type { ConfigEntry, ConfigFacts, TextValue } from '../configFacts';
import { defaultBaseUrl, isKnownMistralHostname, mistralHostOf } from '../../core/hosts';
import type { Finding } from './finding';

export function baseUrlFindings(facts: ConfigFacts): Finding[] {
  const findings: Finding[] = [];
  for (const entry of facts.entries) {
    const finding = entry.apiBase ? baseUrlFinding(entry, entry.apiBase) : null;
    if (finding) findings.push(finding);
  }
  return findings;
}

function baseUrlFinding(entry: ConfigEntry, apiBase: TextValue): Finding | null {
  const url = parsedUrl(apiBase.value);
  if (!url) return null;
  const replace = (title: string, newText: string) => [{ kind: 'edit' as const, title, edits: [{ span: apiBase.inner, newText }], preferred: true }];
  if (url.protocol === 'http:' && !isLoopbackUrl(apiBase.value)) {
    const secure = apiBase.value.trim().replace(/^http:/i, 'https:');
    return {
      code: 'base-url-insecure', severity: 'error', span: apiBase.span,
      message: t('{0} uses http: the key would travel unencrypted. Use https.', apiBase.value),
      fixes: replace(t('Use {0}', secure), secure),
    };
  }
  // `api.mistral.com`, `codestral.mistral.co`… but not `mistral-proxy.example.com`.
  const looksMistral = url.hostname.split('.').slice(0, -1).some((label) => label === 'mistral' || label === 'codestral');
  if (looksMistral && !isKnownMistralHostname(url.hostname)) {
    const host = url.hostname.includes('codestral') ? 'codestral' : 'api';
    const fixed = defaultBaseUrl(host, entry.convention);
    return {
      code: 'base-url-unknown-host', severity: 'error', span: apiBase.span,
      message: t('{0} is not a Mistral host: Mistral answers on {1} (also api.eu / api.us) and {2}.', url.hostname, API_HOSTNAME, CODESTRAL_HOSTNAME),
      fixes: replace(t('Use {0}', fixed), fixed),
    };
  }
  const host = mistralHostOf(apiBase.value);
  if (host === null || entry.convention === 'either') return null;
  const path = url.pathname.replace(/\/+$/, '');
  if (entry.convention === 'with-v1' && path !== '/v1') {
    const fixed = `${url.origin}/v1`;
    return {
      code: 'base-url-missing-v1', severity: 'warning', span: apiBase.span,
      message: t('This tool expects the base URL with /v1 (e.g. {0}); without it requests go to the wrong path.', fixed),
      fixes: replace(t('Use {0}', fixed), fixed),
    };
  }
  if (entry.convention === 'without-v1' && path !== '') {
    return {
      code: 'base-url-extra-v1', severity: 'warning', span: apiBase.span,
      message: t('Mistral Key Doctor settings take the base URL without /v1 (e.g. {0}), like the SDK; the path is added to each request.', url.origin),
      fixes: replace(t('Use {0}', url.origin), url.origin),
    };
  }
  return null;
}

function parsedUrl(raw: string): URL | null {
  try {
    return new URL(raw.trim());
  } catch {
    return null;
  }
}
