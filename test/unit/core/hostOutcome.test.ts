import { HTTPValidationError } from '@mistralai/mistralai/models/errors/httpvalidationerror.js';
import {
  ConnectionError, InvalidRequestError, RequestAbortedError, RequestTimeoutError, UnexpectedClientError,
} from '@mistralai/mistralai/models/errors/httpclienterrors.js';
import { ResponseValidationError } from '@mistralai/mistralai/models/errors/responsevalidationerror.js';
import { SDKError } from '@mistralai/mistralai/models/errors/sdkerror.js';
import { describe, expect, it } from 'vitest';
import { parseRetryAfter, requestIdFrom, toHostOutcome, transportCode } from '../../../src/core/hostOutcome';
import type { Exchange } from '../../../src/core/probeHttpClient';

const NOW = new Date('2026-03-01T12:00:00Z');
const context = { url: 'https://api.mistral.ai', now: NOW, timedOut: false };

function answered(status: number, body = '', headers: Record<string, string> = {}): Exchange {
  return { status, headers: new Headers({ 'content-type': 'application/json', ...headers }), body, truncated: false, interrupted: false, latencyMs: 12.4, error: null };
}

function httpMeta(exchange: Exchange) {
  return { response: new Response(null, { status: 200 }), request: new Request('https://api.mistral.ai/v1/models'), body: exchange.body };
}

function sdkError(exchange: Exchange): SDKError {
  return new SDKError('API error occurred', httpMeta(exchange));
}

const failed: Exchange = { status: null, headers: null, body: '', truncated: false, interrupted: false, latencyMs: 3, error: new TypeError('fetch failed') };

function socketError(code: string): ConnectionError {
  // undici nests the socket error: ConnectionError → TypeError('fetch failed') → Error{code}.
  const cause = Object.assign(new Error(code), { code });
  return new ConnectionError('Unable to make request', { cause: new TypeError('fetch failed', { cause }) });
}

describe('toHostOutcome from HTTP answers', () => {
  it.each([
    [401, '{"message":"Unauthorized","request_id":"0123456789abcdef0123456789abcdef"}', 'rejected'],
    [401, '{"detail":"Unauthorized"}', 'rejected'],
    [401, '{"detail":"Invalid API Key"}', 'rejected'],
    [401, '', 'rejected'],
    [402, '{"detail":"Payment required"}', 'accepted'],
    [429, '{"object":"error","message":"Rate limit exceeded","type":"rate_limited","param":null,"code":"1300"}', 'rate-limited'],
    [422, '{"object":"error","message":{"detail":[{"type":"extra_forbidden","loc":["body","x"],"msg":"Extra inputs are not permitted"}]},"type":"invalid_request_error"}', 'model-error'],
    [403, '{"object":"error","message":"Forbidden","type":"invalid_request_error","param":null,"code":"3002"}', 'forbidden'],
    [429, '{"message":"Requests rate limit exceeded"}', 'rate-limited'],
    [400, '{"object":"error","message":"Invalid model: codestral-2405","type":"invalid_model","param":null,"code":"1500"}', 'model-error'],
    [404, '{"object":"error","message":"Invalid model: codestral-2405","type":"invalid_model","code":"1500"}', 'model-error'],
    [404, '{"message":"no Route matched with those values"}', 'unexpected'],
    [500, '{"detail":"Internal server error"}', 'server-error'],
    [503, '', 'server-error'],
    [302, '', 'unexpected'],
    [407, '', 'unexpected'],
    [418, '{}', 'unexpected'],
  ])('status %i with %s is %s', (status, body, outcome) => {
    const exchange = answered(status, body);
    expect(toHostOutcome(exchange, false, sdkError(exchange), context).outcome).toBe(outcome);
  });

  it('reads a 402 as authentication passed, billing refused, and Kong\'s 404 as the gateway having no route', () => {
    const unpaid = answered(402, '');
    expect(toHostOutcome(unpaid, false, sdkError(unpaid), context)).toMatchObject({ outcome: 'accepted', status: 402, detail: 'payment-required' });
    const noRoute = answered(404, '{"message":"no Route matched with those values","request_id":"0123456789abcdef0123456789abcdef"}');
    expect(toHostOutcome(noRoute, false, sdkError(noRoute), context)).toMatchObject({ outcome: 'unexpected', detail: 'no-route', requestId: '0123456789abcdef0123456789abcdef' });
  });

  it('reads a 2xx the SDK accepted as accepted, with status, rounded latency and the url', () => {
    expect(toHostOutcome(answered(200, '{"object":"list","data":[]}'), true, null, context)).toEqual({
      outcome: 'accepted', status: 200, latencyMs: 12, requestId: null, url: 'https://api.mistral.ai', detail: null, retryAfterSeconds: null, probed: true,
    });
  });

  it('reads an HTML page with status 200 (captive portal) as unexpected', () => {
    const exchange = answered(200, '<!DOCTYPE html><html>Sign in</html>', { 'content-type': 'text/html' });
    expect(toHostOutcome(exchange, false, sdkError(exchange), context)).toMatchObject({ outcome: 'unexpected', detail: 'html' });
  });

  it('reads an HTML 400 from a proxy as unexpected, not as a model error', () => {
    const exchange = answered(400, '<html><body>Bad request</body></html>', { 'content-type': 'text/html' });
    expect(toHostOutcome(exchange, false, sdkError(exchange), context).outcome).toBe('unexpected');
  });

  it('reads a 422 HTTPValidationError as a model error: authentication passed', () => {
    const exchange = answered(422, '{"detail":[{"type":"missing","loc":["body","prompt"],"msg":"Field required"}]}');
    const error = new HTTPValidationError({ detail: [] }, httpMeta(exchange));
    expect(toHostOutcome(exchange, false, error, context)).toMatchObject({ outcome: 'model-error', status: 422, detail: 'validation' });
  });

  it('reads a 200 whose JSON the SDK refused (ResponseValidationError) as unexpected', () => {
    const exchange = answered(200, '{"object":"weird"}');
    const error = new ResponseValidationError('Response validation failed', { ...httpMeta(exchange), cause: null, rawValue: {}, rawMessage: '' });
    expect(toHostOutcome(exchange, false, error, context)).toMatchObject({ outcome: 'unexpected', detail: 'unreadable-body' });
  });

  it('reads a raw SyntaxError (invalid JSON that escaped the SDK) by the status that came with it', () => {
    const ok = answered(200, '{"object":"list","data":[{"id":');
    expect(toHostOutcome(ok, false, new SyntaxError('Unexpected end of JSON input'), context).outcome).toBe('unexpected');
    const unauthorised = answered(401, '{"message":');
    expect(toHostOutcome(unauthorised, false, new SyntaxError('Unexpected end of JSON input'), context).outcome).toBe('rejected');
  });

  it('says when a body was cut at the size cap', () => {
    const exchange = { ...answered(200, '{"object":"list","padding":"xxxx'), truncated: true };
    expect(toHostOutcome(exchange, false, new SyntaxError('Unterminated string'), context).detail).toBe('response-too-large');
  });

  it('takes Retry-After from a 429 and only from a 429', () => {
    const limited = answered(429, '{}', { 'retry-after': '17' });
    expect(toHostOutcome(limited, false, sdkError(limited), context).retryAfterSeconds).toBe(17);
    const failing = answered(503, '{}', { 'retry-after': '17' });
    expect(toHostOutcome(failing, false, sdkError(failing), context).retryAfterSeconds).toBeNull();
  });

  it('keeps only short tokens from bodies as detail, never echoed text', () => {
    const echo = answered(401, JSON.stringify({ type: 'Bearer CnsL4kQ8vTz2Wd9Ry6Hb1Mx7Pf3Gj5Ue was refused by the gateway' }));
    expect(toHostOutcome(echo, false, sdkError(echo), context).detail).toBeNull();
  });
});

describe('toHostOutcome from transport failures', () => {
  it.each(['ECONNREFUSED', 'ENOTFOUND', 'ECONNRESET', 'EAI_AGAIN', 'UND_ERR_SOCKET'])('%s is unreachable with the code as detail', (code) => {
    expect(toHostOutcome(failed, false, socketError(code), context)).toMatchObject({ outcome: 'unreachable', status: null, detail: code, requestId: null });
  });

  it.each([
    'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_HAS_EXPIRED',
    'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'ERR_TLS_CERT_ALTNAME_INVALID',
  ])('%s is a TLS error', (code) => {
    expect(toHostOutcome(failed, false, socketError(code), context)).toMatchObject({ outcome: 'tls-error', detail: code });
  });

  it('reads the SDK timeout and abort errors as unreachable', () => {
    expect(toHostOutcome(failed, false, new RequestTimeoutError('Request timed out'), context)).toMatchObject({ outcome: 'unreachable', detail: 'timeout' });
    expect(toHostOutcome(failed, false, new RequestAbortedError('Request aborted by client'), context)).toMatchObject({ outcome: 'unreachable', detail: 'aborted' });
  });

  it('reads the probe deadline as a timeout even when headers had arrived', () => {
    const slowBody = answered(200, '');
    expect(toHostOutcome(slowBody, false, null, { ...context, timedOut: true })).toMatchObject({ outcome: 'unreachable', status: null, detail: 'timeout' });
  });

  it('reads client-side SDK errors as unexpected, or unreachable when a network code is underneath', () => {
    expect(toHostOutcome(failed, false, new InvalidRequestError('No base URL provided for operation'), context).outcome).toBe('unexpected');
    expect(toHostOutcome(failed, false, new UnexpectedClientError('Unexpected HTTP client error', { cause: new Error('boom') }), context).outcome).toBe('unexpected');
    const coded = new UnexpectedClientError('Unexpected HTTP client error', { cause: Object.assign(new Error('x'), { code: 'EPIPE' }) });
    expect(toHostOutcome(failed, false, coded, context)).toMatchObject({ outcome: 'unreachable', detail: 'EPIPE' });
  });
});

describe('transportCode', () => {
  it('finds a code inside an AggregateError (happy eyeballs) and survives cycles', () => {
    const inner = Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
    const cyclic: { cause?: unknown } = {};
    cyclic.cause = cyclic;
    expect(transportCode(new TypeError('fetch failed', { cause: new AggregateError([inner]) }))).toBe('ECONNREFUSED');
    expect(transportCode(cyclic)).toBeNull();
  });
});

describe('requestIdFrom', () => {
  it('prefers the body request_id, then mistral-correlation-id, x-kong-request-id, cf-ray', () => {
    const headers = new Headers({ 'cf-ray': '8a1b2c3d4e5f-CDG', 'x-kong-request-id': 'kong-1', 'mistral-correlation-id': 'corr-1' });
    expect(requestIdFrom(headers, '{"request_id":"body-1"}')).toBe('body-1');
    expect(requestIdFrom(headers, '<html>')).toBe('corr-1');
    expect(requestIdFrom(new Headers({ 'cf-ray': '8a1b2c3d4e5f-CDG', 'x-kong-request-id': 'kong-1' }), '')).toBe('kong-1');
    expect(requestIdFrom(new Headers({ 'cf-ray': '8a1b2c3d4e5f-CDG' }), '')).toBe('8a1b2c3d4e5f-CDG');
    expect(requestIdFrom(null, '')).toBeNull();
  });

  it('ignores ids that are not short tokens', () => {
    expect(requestIdFrom(null, JSON.stringify({ request_id: 'a b <script>' }))).toBeNull();
  });
});

describe('parseRetryAfter', () => {
  it.each([
    ['30', 30],
    [' 0 ', 0],
    ['Sun, 01 Mar 2026 12:01:30 GMT', 90],
    ['Sun, 01 Mar 2026 11:00:00 GMT', 0],
    ['soon', null],
    ['', null],
    [null, null],
  ])('%j → %j', (value, seconds) => {
    expect(parseRetryAfter(value, NOW)).toBe(seconds);
  });
});
