// Outside VS Code, Node's fetch ignores proxy variables. When one is set, the CLI sends its requests
// through undici's EnvHttpProxyAgent: HTTPS_PROXY / HTTP_PROXY (lower case first, as curl does) with
// the usual NO_PROXY rules (host names, domain suffixes, `host:port`, `*`). Loopback is never
// proxied, whatever NO_PROXY says: a proxy would read the key of an http:// loopback URL in clear
// and could answer in that host's place.
import { isLoopbackUrl } from '../core/hosts';
import { t } from '../core/l10n';
import { UsageError } from './args';

export interface ProxySettings {
  httpProxy: string | undefined;
  httpsProxy: string | undefined;
  noProxy: string;
}

export interface ProxyFetcher {
  fetcher: typeof fetch;
  close(): Promise<void>;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value !== undefined && value.trim() !== '' ? value.trim() : undefined;
}

/** The proxy configuration in the environment, or null when no proxy is set. */
export function proxySettingsFromEnv(env: NodeJS.ProcessEnv): ProxySettings | null {
  const httpProxy = nonEmpty(env.http_proxy) ?? nonEmpty(env.HTTP_PROXY);
  const httpsProxy = nonEmpty(env.https_proxy) ?? nonEmpty(env.HTTPS_PROXY);
  if (!httpProxy && !httpsProxy) return null;
  return { httpProxy, httpsProxy, noProxy: env.no_proxy ?? env.NO_PROXY ?? '' };
}

function checkProxyUrl(name: string, value: string | undefined): void {
  if (value === undefined) return;
  let protocol = '';
  try {
    protocol = new URL(value).protocol;
  } catch {
    // Reported below; the value itself is not repeated because proxy URLs may carry a password.
  }
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new UsageError(t('{0} is not an http:// or https:// proxy address. Fix or unset it, then re-run.', name));
  }
}

/** Re-issues a request through undici's own fetch, which is the one that honours `dispatcher`. */
async function toUndiciArguments(input: RequestInfo | URL, init: RequestInit | undefined) {
  if (!(input instanceof Request)) return { url: input instanceof URL ? input.href : String(input), init: init ?? {} };
  const hasBody = input.method !== 'GET' && input.method !== 'HEAD';
  const headers: Record<string, string> = {};
  input.headers.forEach((value, name) => { headers[name] = value; });
  return {
    url: input.url,
    init: {
      method: input.method,
      headers,
      body: hasBody ? await input.arrayBuffer() : undefined,
      signal: init?.signal ?? input.signal,
      redirect: input.redirect,
      ...init,
    },
  };
}

/** A fetch that goes through the configured proxy, or null when the environment sets none. */
export async function createProxyFetcher(env: NodeJS.ProcessEnv): Promise<ProxyFetcher | null> {
  const settings = proxySettingsFromEnv(env);
  if (!settings) return null;
  checkProxyUrl('HTTP_PROXY', settings.httpProxy);
  checkProxyUrl('HTTPS_PROXY', settings.httpsProxy);
  // Loaded only when a proxy is configured, so the common path never pays for it.
  const undici = await import('undici');
  const agent = new undici.EnvHttpProxyAgent(settings);
  const direct = new undici.Agent();
  const fetcher = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = await toUndiciArguments(input, init);
    const dispatcher = isLoopbackUrl(request.url) ? direct : agent;
    const response = await undici.fetch(request.url, { ...(request.init as object), dispatcher });
    return response as unknown as Response;
  };
  return { fetcher, close: async () => { await Promise.all([agent.close(), direct.close()]); } };
}
