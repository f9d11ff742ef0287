// Reads one host's answer (or transport failure) as a HostOutcome. Verdicts rest on the status
// code and transport error codes; bodies only contribute hints (request id, `invalid_model`).
import { HTTPValidationError } from '@mistralai/mistralai/models/errors/httpvalidationerror.js';
import {
  ConnectionError, InvalidRequestError, RequestAbortedError, RequestTimeoutError, UnexpectedClientError,
} from '@mistralai/mistralai/models/errors/httpclienterrors.js';
import { ResponseValidationError } from '@mistralai/mistralai/models/errors/responsevalidationerror.js';
import { SDKError } from '@mistralai/mistralai/models/errors/sdkerror.js';
import { SDKValidationError } from '@mistralai/mistralai/models/errors/sdkvalidationerror.js';
import type { HostOutcome, HostOutcomeKind } from './diagnosis';
import type { Exchange } from './probeHttpClient';

/** Certificate problems, typically a corporate proxy re-signing TLS traffic. */
const TLS_ERROR_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_GET_ISSUER_CERT',
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED', 'CERT_REJECTED', 'CERT_SIGNATURE_FAILURE', 'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH', 'ERR_SSL_WRONG_VERSION_NUMBER', 'EPROTO',
]);

const TOKEN = /^[A-Za-z0-9_.:-]{1,80}$/;
const REQUEST_ID_HEADERS = ['mistral-correlation-id', 'x-kong-request-id', 'cf-ray'];

export interface OutcomeContext {
  /** The base URL that was probed. */
  url: string;
  now: Date;
  /** True when the probe's own deadline fired (rather than a transport failure). */
  timedOut: boolean;
}

function parseJsonObject(body: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function token(value: unknown): string | null {
  const text = typeof value === 'number' ? String(value) : value;
  return typeof text === 'string' && TOKEN.test(text) ? text : null;
}

/** The id a support ticket needs: body `request_id`, else the first tracing header present. */
export function requestIdFrom(headers: Headers | null, body: string): string | null {
  const fromBody = token(parseJsonObject(body)?.['request_id']);
  if (fromBody) return fromBody;
  for (const name of REQUEST_ID_HEADERS) {
    const value = token(headers?.get(name)?.trim());
    if (value) return value;
  }
  return null;
}

/** `Retry-After` as whole seconds from `now`: delay-seconds or an HTTP-date. */
export function parseRetryAfter(value: string | null | undefined, now: Date): number | null {
  if (!value) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const date = Date.parse(text);
  if (Number.isNaN(date)) return null;
  return Math.max(0, Math.ceil((date - now.getTime()) / 1000));
}

function isHtml(headers: Headers | null, body: string): boolean {
  const type = headers?.get('content-type') ?? '';
  return /html/i.test(type) || /^\s*<(!doctype|html)/i.test(body);
}

/** The error `type`/`code` a Mistral body carries (old and new shapes), when it is a short token. */
function errorToken(body: string): string | null {
  const json = parseJsonObject(body);
  if (!json) return null;
  const nested = typeof json['error'] === 'object' && json['error'] !== null ? (json['error'] as Record<string, unknown>) : {};
  return token(json['type']) ?? token(nested['type']) ?? token(json['code']) ?? token(nested['code']);
}

function mentionsModel(body: string): boolean {
  return /invalid_model|\bmodel\b|"code"\s*:\s*"?1500/i.test(body);
}

function fromStatus(exchange: Exchange & { status: number }, sdkAccepted: boolean): { outcome: HostOutcomeKind; detail: string | null } {
  const { status, headers, body } = exchange;
  const html = isHtml(headers, body);
  if (status >= 200 && status < 300) {
    if (sdkAccepted) return { outcome: 'accepted', detail: null };
    return { outcome: 'unexpected', detail: exchange.truncated ? 'response-too-large' : exchange.interrupted ? 'body-interrupted' : html ? 'html' : 'unreadable-body' };
  }
  if (status >= 300 && status < 400) return { outcome: 'unexpected', detail: 'redirect' };
  if (status === 401) return { outcome: 'rejected', detail: errorToken(body) };
  // 402: authentication passed, billing did not (no payment method, pay-as-you-go off).
  if (status === 402) return { outcome: 'accepted', detail: 'payment-required' };
  if (status === 403) return { outcome: 'forbidden', detail: errorToken(body) };
  if (status === 429) return { outcome: 'rate-limited', detail: errorToken(body) };
  if (status === 400 || status === 422) {
    return html ? { outcome: 'unexpected', detail: 'html' } : { outcome: 'model-error', detail: errorToken(body) ?? (status === 422 ? 'validation' : null) };
  }
  if (status === 404) {
    if (!html && mentionsModel(body)) return { outcome: 'model-error', detail: errorToken(body) ?? 'invalid_model' };
    return { outcome: 'unexpected', detail: /no route matched/i.test(body) ? 'no-route' : html ? 'html' : 'not-found' };
  }
  if (status >= 500) return { outcome: 'server-error', detail: html ? 'html' : errorToken(body) };
  return { outcome: 'unexpected', detail: status === 407 ? 'proxy-auth-required' : html ? 'html' : null };
}

/** The first `code` found along an error's cause chain (undici nests the socket error twice). */
export function transportCode(error: unknown): string | null {
  const seen = new Set<unknown>();
  const queue: unknown[] = [error];
  while (queue.length > 0) {
    const current = queue.shift();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && code !== '') return code;
    queue.push((current as { cause?: unknown }).cause);
    const errors = (current as { errors?: unknown }).errors;
    if (Array.isArray(errors)) queue.push(...(errors as unknown[]));
  }
  return null;
}

/** True when a proxy refused to open the tunnel until it gets credentials (undici's ProxyAgent errors). */
function proxyAuthRequired(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 8; current = current.cause, depth++) {
    if (/Proxy response \(407\)|Proxy Authentication Required/i.test(current.message)) return true;
  }
  return false;
}

function fromTransport(error: unknown, timedOut: boolean): { outcome: HostOutcomeKind; detail: string | null } {
  if (timedOut) return { outcome: 'unreachable', detail: 'timeout' };
  if (proxyAuthRequired(error)) return { outcome: 'unreachable', detail: 'proxy-auth-required' };
  const code = transportCode(error);
  if (code && TLS_ERROR_CODES.has(code)) return { outcome: 'tls-error', detail: code };
  if (error instanceof RequestTimeoutError) return { outcome: 'unreachable', detail: 'timeout' };
  if (error instanceof RequestAbortedError) return { outcome: 'unreachable', detail: 'aborted' };
  if (error instanceof ConnectionError) return { outcome: 'unreachable', detail: token(code) ?? 'connection-failed' };
  if (error instanceof InvalidRequestError || error instanceof SDKValidationError) return { outcome: 'unexpected', detail: 'invalid-request' };
  if (error instanceof UnexpectedClientError && code) return { outcome: 'unreachable', detail: token(code) };
  return { outcome: 'unexpected', detail: error instanceof Error ? token(error.name) : null };
}

/**
 * Maps what the SDK returned (`sdkAccepted` when its Result was ok; otherwise `error`, which may
 * be any of its error classes or a raw `SyntaxError`) plus what the transport saw to an outcome.
 */
export function toHostOutcome(exchange: Exchange, sdkAccepted: boolean, error: unknown, context: OutcomeContext): HostOutcome {
  const answered = exchange.status !== null && !context.timedOut;
  const httpError = error instanceof SDKError || error instanceof HTTPValidationError
    || error instanceof ResponseValidationError || error instanceof SyntaxError;
  const { outcome, detail } = answered && (sdkAccepted || httpError || exchange.error === null)
    ? fromStatus(exchange as Exchange & { status: number }, sdkAccepted)
    : fromTransport(error ?? exchange.error, context.timedOut);
  return {
    outcome,
    status: answered ? exchange.status : null,
    latencyMs: Math.round(exchange.latencyMs ?? 0),
    requestId: answered ? requestIdFrom(exchange.headers, exchange.body) : null,
    url: context.url,
    detail,
    retryAfterSeconds: outcome === 'rate-limited' ? parseRetryAfter(exchange.headers?.get('retry-after'), context.now) : null,
    probed: true,
  };
}
