import { afterEach, describe, expect, it } from 'vitest';
import { startRedirectSink, type RedirectSink } from '../../fuzz/fuzzSink';

let sink: RedirectSink | undefined;
afterEach(async () => sink?.close());

describe('startRedirectSink', () => {
  it('records the method, path, Authorization and raw request of everything that reaches it', async () => {
    sink = await startRedirectSink();
    const res = await fetch(`${sink.url}/v1/fim/completions`, {
      method: 'POST', headers: { authorization: 'Bearer SECRETKEY' }, body: '{"prompt":"x"}',
    });
    expect(res.status).toBe(200);
    expect(sink.requests).toHaveLength(1);
    expect(sink.requests[0]).toMatchObject({ method: 'POST', url: '/v1/fim/completions', authorization: 'Bearer SECRETKEY' });
    expect(sink.requests[0]!.raw).toContain('"prompt":"x"');
  });

  it('records a request without Authorization as such', async () => {
    sink = await startRedirectSink();
    await (await fetch(`${sink.url}/v1/models`)).text();
    expect(sink.requests[0]!.authorization).toBeNull();
  });
});
