// Bodies the emulated hosts send, in the shapes Mistral used over time.
import { randomBytes } from 'node:crypto';
import type { ErrorShape } from './scenarios';

export interface Answer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const REASONS: Record<number, { message: string; type: string; code: string }> = {
  401: { message: 'Unauthorized', type: 'invalid_request_error', code: '3001' },
  403: { message: 'Forbidden', type: 'invalid_request_error', code: '3002' },
  429: { message: 'Requests rate limit exceeded', type: 'rate_limited', code: '1300' },
  500: { message: 'Internal server error', type: 'internal_server_error', code: '5000' },
  502: { message: 'Bad gateway', type: 'internal_server_error', code: '5002' },
  503: { message: 'Service unavailable', type: 'service_unavailable', code: '5003' },
};

export function newRequestId(): string {
  return randomBytes(16).toString('hex');
}

function json(status: number, value: unknown, headers: Record<string, string> = {}): Answer {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(value) };
}

/** An error answer (401/403/429/5xx) in the given year's shape. */
export function errorAnswer(status: number, shape: ErrorShape, requestId: string, headers: Record<string, string> = {}): Answer {
  const reason = REASONS[status] ?? { message: 'Error', type: 'error', code: String(status) };
  switch (shape) {
    case 'kong':
      return json(status, { message: reason.message, request_id: requestId }, headers);
    case 'detail':
      return json(status, { detail: reason.message }, headers);
    case 'object':
      return json(status, { object: 'error', message: reason.message, type: reason.type, param: null, code: reason.code }, headers);
  }
}

/** Kong's answer when no route matches the path (before any authentication). */
export function noRouteAnswer(requestId: string): Answer {
  return json(404, { message: 'no Route matched with those values', request_id: requestId });
}

/** The refusal of a retired or unknown model id (the docs say 404, the API sends 400). */
export function invalidModelAnswer(model: string): Answer {
  return json(400, { object: 'error', message: `Invalid model: ${model}`, type: 'invalid_model', param: null, code: '1500' });
}

export function validationAnswer(field: string): Answer {
  return json(422, { detail: [{ type: 'missing', loc: ['body', field], msg: 'Field required', input: null }] });
}

export function htmlAnswer(status: number): Answer {
  return {
    status,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    body: '<!DOCTYPE html><html><head><title>Network login</title></head><body><h1>Please sign in to continue</h1></body></html>',
  };
}

export function modelsAnswer(cards: unknown[]): Answer {
  return json(200, { object: 'list', data: cards });
}

export function completionAnswer(model: string, kind: 'fim' | 'chat'): Answer {
  return json(200, {
    id: newRequestId(),
    object: kind === 'fim' ? 'fim.completion' : 'chat.completion',
    model,
    created: Math.floor(Date.now() / 1000),
    choices: [{ index: 0, message: { role: 'assistant', content: ' x', tool_calls: null }, finish_reason: 'length' }],
    usage: { prompt_tokens: 2, completion_tokens: 1, total_tokens: 3 },
  });
}

export function jsonAnswer(status: number, value: unknown): Answer {
  return json(status, value);
}

/** The console's answer to `GET /api/vibe/whoami` for a key it knows. */
export function whoamiAnswer(planType: string, planName: string): Answer {
  return json(200, { plan_type: planType, plan_name: planName, prompt_switching_to_pro_plan: false });
}
