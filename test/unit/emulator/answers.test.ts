import { describe, expect, it } from 'vitest';
import { errorAnswer, invalidModelAnswer, noRouteAnswer, validationAnswer } from '../../../src/emulator/answers';

describe('error answers', () => {
  it.each([401, 403, 429, 500, 503])('%i comes in all three shapes', (status) => {
    const kong = JSON.parse(errorAnswer(status, 'kong', 'rid').body) as object;
    const detail = JSON.parse(errorAnswer(status, 'detail', 'rid').body) as object;
    const object = JSON.parse(errorAnswer(status, 'object', 'rid').body) as object;
    expect(Object.keys(kong).sort()).toEqual(['message', 'request_id']);
    expect(Object.keys(detail)).toEqual(['detail']);
    expect(Object.keys(object).sort()).toEqual(['code', 'message', 'object', 'param', 'type']);
    expect(errorAnswer(status, 'kong', 'rid').status).toBe(status);
  });

  it('passes extra headers through', () => {
    expect(errorAnswer(429, 'object', 'rid', { 'retry-after': '5' }).headers).toMatchObject({ 'retry-after': '5', 'content-type': 'application/json' });
  });

  it('shape the refusals that still prove authentication', () => {
    expect(invalidModelAnswer('x')).toMatchObject({ status: 400 });
    expect(JSON.parse(invalidModelAnswer('x').body)).toMatchObject({ type: 'invalid_model', message: 'Invalid model: x' });
    expect(validationAnswer('prompt').status).toBe(422);
    expect(JSON.parse(noRouteAnswer('rid').body)).toEqual({ message: 'no Route matched with those values', request_id: 'rid' });
  });
});
