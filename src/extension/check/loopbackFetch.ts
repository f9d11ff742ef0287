// VS Code's extension host replaces the global `fetch` with one that follows `http.proxy` (and sends
// only 127.0.0.1, ::1 and localhost direct). A check of a loopback base URL must never cross a
// proxy: it would read the key of an http:// URL in clear and could answer in that host's place.
// The host keeps Node's own fetch, which never uses a proxy, as `__vscodeOriginalFetch`.
import { isLoopbackUrl } from '../../core/hosts';

interface PatchedGlobal {
  __vscodeOriginalFetch?: typeof fetch;
}

function urlOf(input: RequestInfo | URL): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

/** A fetch for the probe: loopback URLs through the unpatched fetch, everything else through the (proxy-aware) global one. */
export function loopbackDirectFetch(): typeof fetch {
  return ((input: RequestInfo | URL, init?: RequestInit) => {
    const direct = (globalThis as PatchedGlobal).__vscodeOriginalFetch;
    return direct && isLoopbackUrl(urlOf(input)) ? direct(input, init) : globalThis.fetch(input, init);
  });
}
