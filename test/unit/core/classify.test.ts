import { describe, expect, it } from 'vitest';
import { classify, type ClassifyInput } from '../../../src/core/classify';
import { CAUSE_IDS, type CauseId, type HostOutcome, type HostOutcomeKind, type ModelCard } from '../../../src/core/diagnosis';
import { inspectKey } from '../../../src/core/hygiene';
import { KEY_ACTIVATION_WINDOW_MS } from '../../../src/core/activation';

const KEY = 'Ab3dEf6hIj9lMn2pQr5tUv8xYz1bCd4F';
const TODAY = new Date('2026-11-27T12:00:00Z');
const BEFORE_RETIREMENT = new Date('2025-10-01T12:00:00Z');

const STATUS: Record<HostOutcomeKind, number | null> = {
  'accepted': 200, 'rejected': 401, 'forbidden': 403, 'rate-limited': 429, 'model-error': 400,
  'server-error': 503, 'unreachable': null, 'tls-error': null, 'unexpected': 200,
};

function host(outcome: HostOutcomeKind, extra: Partial<HostOutcome> = {}): HostOutcome {
  return {
    outcome, status: STATUS[outcome], latencyMs: 120, requestId: 'req-1', url: 'https://example.invalid',
    detail: null, retryAfterSeconds: null, probed: true, ...extra,
  };
}

function card(id: string, extra: Partial<ModelCard> = {}): ModelCard {
  return { id, aliases: [], deprecation: null, deprecationReplacementModel: null, completionFim: true, completionChat: true, ...extra };
}

const LIVE = [card('codestral-2508', { aliases: ['codestral-latest'] }), card('mistral-small-2506')];

function input(api: HostOutcomeKind | HostOutcome, codestral: HostOutcomeKind | HostOutcome, extra: Partial<ClassifyInput> = {}): ClassifyInput {
  const apiOutcome = typeof api === 'string' ? host(api) : api;
  return {
    key: inspectKey(KEY).report,
    hosts: { api: apiOutcome, codestral: typeof codestral === 'string' ? host(codestral) : codestral },
    models: apiOutcome.outcome === 'accepted' ? LIVE : null,
    target: 'auto', model: null, keyAgeMs: null, preferredCodestralModel: 'codestral-2501', now: TODAY, elapsedMs: 150,
    ...extra,
  };
}

const notProbed = (outcome: HostOutcomeKind = 'unexpected') => host(outcome, { probed: false, status: null });

// One input per cause id; the test below checks that together they reach the whole catalogue.
const REACHES: Array<[CauseId, string, ClassifyInput]> = [
  ['ok', 'a general key, auto target', input('accepted', 'rejected')],
  ['codestral-key-on-api-host', 'a Codestral key checked for api', input('rejected', 'accepted', { target: 'api' })],
  ['console-key-on-codestral-host', 'a general key checked for codestral', input('accepted', 'rejected', { target: 'codestral' })],
  ['key-malformed', 'a masked copy (nothing sent)', { ...input(notProbed(), notProbed()), key: inspectKey('Ab3d...Cd4F').report }],
  ['key-not-yet-active', 'a 2-minute-old key refused everywhere', input('rejected', 'rejected', { keyAgeMs: 2 * 60_000 })],
  ['key-rejected', 'an old key refused everywhere', input('rejected', 'rejected', { keyAgeMs: 3 * 3600_000 })],
  ['rate-limited', 'a 429 on the target', input(host('rate-limited', { retryAfterSeconds: 42 }), 'rejected', { target: 'api' })],
  ['forbidden', 'a 403 on the target', input('forbidden', 'rejected', { target: 'api' })],
  ['model-unavailable', 'a retired model with a working key', input('accepted', 'rejected', { model: 'codestral-2501' })],
  ['payment-required', 'a 402 on the target', input(host('accepted', { status: 402, detail: 'payment-required' }), 'rejected', { target: 'api' })],
  ['route-not-served', 'Kong\'s no Route matched from the Codestral host', input('accepted', host('unexpected', { status: 404, detail: 'no-route' }), { target: 'codestral' })],
  ['host-unreachable', 'both hosts unreachable', input('unreachable', 'unreachable')],
  ['tls-intercepted', 'a re-signing proxy', input(host('tls-error', { detail: 'SELF_SIGNED_CERT_IN_CHAIN' }), host('tls-error'))],
  ['service-error', 'a 503 and no verdict', input('server-error', 'unreachable')],
  ['unexpected-response', 'an HTML page with status 200', input(host('unexpected', { detail: 'html' }), 'unreachable')],
];

describe('classify', () => {
  it.each(REACHES)('reaches %s from %s', (id, _label, given) => {
    expect(classify(given).cause.id).toBe(id);
  });

  it('covers every cause id in the catalogue', () => {
    expect(new Set(REACHES.map(([id]) => id))).toEqual(new Set(CAUSE_IDS));
  });

  it('never claims a key kind that was not observed', () => {
    for (const silent of ['unreachable', 'server-error', 'tls-error', 'unexpected', 'forbidden'] as const) {
      expect(classify(input('accepted', silent)).keyKind).toBe('unknown');
      expect(classify(input(silent, 'accepted')).keyKind).toBe('unknown');
    }
    const d = classify(input(host('unreachable', { detail: 'timeout' }), 'accepted'));
    expect(d.cause.title).toBe('The key works on codestral.mistral.ai; api.mistral.ai did not answer');
    expect(d.cause.explanation).toContain('api.mistral.ai gave no verdict');
    expect(d.key.type).toBe('unknown');
    const forApi = classify(input(host('unreachable', { detail: 'timeout' }), 'accepted', { target: 'api' }));
    expect(forApi.cause.id).toBe('host-unreachable');
    expect(forApi.keyKind).toBe('unknown');
  });

  it('infers a legacy Mistral Code key only where the answers prove it, and lets the plan lookup decide otherwise', () => {
    expect(classify(input('rejected', 'accepted')).key.type).toBe('mistral-code');
    expect(classify(input('accepted', 'rejected')).key.type).toBe('unknown');
    const studio = { ...inspectKey(KEY).report, type: 'studio' as const, plan: 'Pay-as-you-go' };
    expect(classify(input('accepted', 'rejected', { key: studio })).key).toMatchObject({ type: 'studio', plan: 'Pay-as-you-go' });
  });

  it('uses the key type to name a legacy key on the api host even when the Codestral host is silent', () => {
    const legacy = { ...inspectKey(KEY).report, type: 'mistral-code' as const, plan: 'Free Codestral' };
    const d = classify(input('rejected', 'unreachable', { target: 'api', key: legacy }));
    expect(d.cause.id).toBe('codestral-key-on-api-host');
    expect(classify(input('rejected', 'unreachable', { target: 'api' })).cause.id).toBe('key-rejected');
  });

  it('counts a 402 as authentication passed and blames billing, not the key', () => {
    const unpaid = host('accepted', { status: 402, detail: 'payment-required' });
    const d = classify(input(unpaid, 'rejected'));
    expect(d.keyKind).toBe('console');
    expect(d.cause.id).toBe('payment-required');
    expect(d.cause.explanation).toContain('402');
    expect(d.cause.explanation).not.toMatch(/proxy|login page/);
  });

  it('sends a tool that meets Kong\'s no Route matched to api.mistral.ai through its own setting', () => {
    const noRoute = host('unexpected', { status: 404, detail: 'no-route' });
    const d = classify(input('accepted', noRoute, { target: 'codestral' }));
    expect(d.cause.id).toBe('route-not-served');
    expect(d.cause.explanation).toContain('Mistral speaking, not a proxy page');
    expect(d.cause.fixByTool.roo?.[0]?.text).toContain('"Codestral Base URL" to https://api.mistral.ai');
    expect(d.cause.fixByTool.continue?.[0]?.text).toContain('apiBase: https://api.mistral.ai/v1');
    expect(d.cause.fixByTool.zed?.[0]?.text).toContain('edit_predictions.codestral.api_url');
  });

  it('names a free API plan on a 429 and a Vibe key outside Vibe', () => {
    const free = { ...inspectKey(KEY).report, type: 'studio' as const, plan: 'Free API' };
    const limited = classify(input(host('rate-limited'), 'rejected', { target: 'api', key: free }));
    expect(limited.cause.explanation).toContain('free API plan');
    expect(limited.cause.fix.map((s) => s.text).join(' ')).toContain('pay-as-you-go');
    const vibe = { ...inspectKey(KEY).report, type: 'vibe' as const, plan: 'Pro' };
    const ok = classify(input('accepted', 'rejected', { key: vibe }));
    expect(ok.cause.fixByTool.cline?.map((s) => s.text).join(' ')).toContain('Vibe key');
    expect(ok.cause.fixByTool.vibe ?? ok.cause.fix).not.toEqual(ok.cause.fixByTool.cline);
  });

  it('gives the advice of 2026: never tells a user to create a Codestral key', () => {
    for (const [id, , given] of REACHES) {
      const cause = classify(given).cause;
      for (const steps of [cause.fix, ...Object.values(cause.fixByTool)]) {
        for (const s of steps ?? []) {
          expect(s.text, id).not.toMatch(/create a Codestral key|Codestral page|activate Codestral/i);
          expect(s.link?.url ?? '', id).not.toContain('/codestral');
        }
      }
    }
  });

  it('tells key kinds apart by which host authenticates the key', () => {
    expect(classify(input('accepted', 'rejected')).keyKind).toBe('console');
    expect(classify(input('rejected', 'model-error')).keyKind).toBe('codestral');
    expect(classify(input('rate-limited', 'accepted')).keyKind).toBe('both');
    expect(classify(input('rejected', 'unreachable')).keyKind).toBe('rejected');
    expect(classify(input('server-error', 'unreachable')).keyKind).toBe('unknown');
    expect(classify(input('forbidden', 'forbidden')).keyKind).toBe('unknown');
  });

  it('judges worksForTarget per target', () => {
    const codestralKey = (target: ClassifyInput['target']) => classify(input('rejected', 'accepted', { target })).worksForTarget;
    expect(codestralKey('auto')).toBe(true);
    expect(codestralKey('codestral')).toBe(true);
    expect(codestralKey('api')).toBe(false);
    expect(classify(input('unreachable', 'unreachable')).worksForTarget).toBe(false);
  });

  it('calls a Codestral key fine for auto, and explains where it works', () => {
    const d = classify(input('rejected', 'accepted'));
    expect(d.cause.id).toBe('ok');
    expect(d.keyKind).toBe('codestral');
    expect(d.cause.explanation).toContain('codestral.mistral.ai accepts this key');
  });

  it('blames the host, not the key, when codestral.mistral.ai is gone but api.mistral.ai takes the key', () => {
    for (const gone of [host('unreachable', { detail: 'ENOTFOUND' }), host('unexpected', { status: 404, detail: 'no-route' })]) {
      for (const target of ['auto', 'api'] as const) {
        const d = classify(input('accepted', gone, { target }));
        expect(d.cause.id).toBe('ok');
        expect(d.worksForTarget).toBe(true);
      }
      const forCodestral = classify(input('accepted', gone, { target: 'codestral' }));
      expect(forCodestral.cause.id).toBe(gone.outcome === 'unreachable' ? 'host-unreachable' : 'route-not-served');
      expect(forCodestral.worksForTarget).toBe(false);
      expect(forCodestral.cause.fix.map((s) => s.text).join(' ')).toContain('https://api.mistral.ai');
    }
  });

  it('lets api.mistral.ai decide when no host takes the key, since the Codestral host may refuse every key', () => {
    expect(classify(input('server-error', 'rejected')).cause.id).toBe('service-error');
    expect(classify(input(host('unreachable', { detail: 'ENOTFOUND' }), 'rejected')).cause.id).toBe('host-unreachable');
    const rejected = classify(input('rejected', host('unreachable', { detail: 'ENOTFOUND' })));
    expect(rejected.cause.id).toBe('key-rejected');
    expect(rejected.cause.explanation).toContain('No verdict from codestral.mistral.ai');
  });

  it('explains a proxy asking for credentials (407), whether the proxy agent failed or answered', () => {
    const refused = host('unreachable', { detail: 'proxy-auth-required' });
    const agent = classify(input(refused, refused));
    expect(agent.cause.id).toBe('host-unreachable');
    expect(agent.cause.title).toContain('407');
    const answered = classify(input(host('unexpected', { status: 407, detail: 'proxy-auth-required' }), 'unreachable'));
    expect(answered.cause.id).toBe('unexpected-response');
    expect(answered.cause.title).toContain('407');
    expect(answered.cause.fix.map((s) => s.text).join(' ')).toContain('HTTPS_PROXY');
  });

  it('sends a general key refused by the Codestral host to api.mistral.ai', () => {
    const d = classify(input('accepted', 'rejected', { target: 'codestral', model: 'codestral-latest' }));
    expect(d.cause.id).toBe('console-key-on-codestral-host');
    expect(d.cause.fix[0]?.text).toContain('https://api.mistral.ai');
    expect(d.cause.fixByTool.continue?.[0]?.text).toContain('apiBase: https://api.mistral.ai/v1');
    expect(d.cause.fixByTool.litellm?.[0]?.text).toContain('mistral/codestral-2508');
  });

  it('offers the Codestral-host route first to tools that can take it, and the seed recipe to Cline', () => {
    const d = classify(input('rejected', 'accepted', { target: 'api' }));
    expect(d.cause.fixByTool.roo?.[0]?.text).toContain('Codestral Base URL');
    expect(d.cause.fixByTool.continue?.[0]?.text).toContain('apiBase: https://codestral.mistral.ai/v1');
    const cline = d.cause.fixByTool.cline!.map((s) => s.text).join('\n');
    expect(cline).toContain('Create a Studio key');
    expect(cline).toContain('Wait a few minutes');
    // No model was named, so no model step: the model is not part of this cause.
    expect(cline).not.toMatch(/codestral-\d{4}|set the model/);
    expect(d.cause.fixByTool.cline!.some((s) => s.link?.url === 'https://console.mistral.ai/api-keys')).toBe(true);
  });

  it('puts a refused key the user calls new down to activation, within the window only, and an old or malformed one to the key', () => {
    const rejected = (extra: Partial<ClassifyInput>) => classify(input('rejected', 'rejected', extra)).cause.id;
    expect(rejected({ keyAgeMs: KEY_ACTIVATION_WINDOW_MS - 60_000 })).toBe('key-not-yet-active');
    expect(rejected({ keyAgeMs: KEY_ACTIVATION_WINDOW_MS })).toBe('key-rejected');
    expect(rejected({ keyAgeMs: null })).toBe('key-rejected');
    expect(rejected({ keyAgeMs: 60_000, key: inspectKey(KEY.slice(0, 30)).report })).toBe('key-malformed');
    // A trailing newline was removed before sending, so it cannot be why the cleaned key was refused.
    expect(rejected({ key: inspectKey(`${KEY}\n`).report })).toBe('key-rejected');
  });

  it('a key stored a moment ago that both hosts refuse is refused, not "not active yet": it may still be activating, or be revoked or mistyped', () => {
    const d = classify(input('rejected', 'rejected', { keyStoredAgoMs: 30_000 }));
    expect(d.cause.id).toBe('key-rejected');
    expect(d.cause.title).not.toMatch(/not active yet/);
    expect(d.cause.explanation).toContain('If you created it in the last few minutes, it may still be activating');
    expect(d.cause.explanation).toContain('Otherwise it is revoked, expired, from another workspace or mistyped');
    expect(d.cause.explanation).not.toMatch(/about five minutes|waiting/);
    // After the window, the plain verdict: no word of re-checking.
    const later = classify(input('rejected', 'rejected', { keyStoredAgoMs: KEY_ACTIVATION_WINDOW_MS }));
    expect(later.cause.id).toBe('key-rejected');
    expect(later.cause.explanation).not.toContain('checked again automatically');
  });

  it('names the model in model-unavailable steps and never answers a chat model with a Codestral pin', () => {
    const noReplacement = classify(input('accepted', 'rejected', { model: 'mistral-tiny-2412', models: LIVE }));
    expect(noReplacement.cause.id).toBe('model-unavailable');
    expect(noReplacement.cause.fix[0]?.text).toContain('mistral-tiny-2412');
    expect(noReplacement.cause.fix.map((s) => s.text).join(' ')).not.toMatch(/codestral/);
    const devstral = classify(input('accepted', 'rejected', { model: 'devstral-2512', models: LIVE, tool: 'continue' }));
    expect(devstral.model).toMatchObject({ state: 'retired', suggested: 'mistral-medium-3-5' });
    const steps = [...devstral.cause.fix, ...(devstral.cause.fixByTool.continue ?? [])].map((s) => s.text).join('\n');
    expect(steps).toContain('mistral-medium-3-5');
    expect(steps).toContain('devstral-2512 was retired on 2026-07-31');
    expect(steps).not.toMatch(/codestral-2501|codestral-2508/);
  });

  it('names a retired pin id only to a user who has it', () => {
    const alias = classify(input('accepted', 'rejected', { model: 'codestral-latest', tool: 'continue' }));
    const text = [alias.cause.explanation, ...alias.cause.fix, ...(alias.cause.fixByTool.continue ?? [])].map((s) => (typeof s === 'string' ? s : s.text)).join('\n');
    expect(text).toContain('codestral-2508');
    expect(text).not.toContain('codestral-2501');
  });

  it('calls a key that works only once cleaned malformed: the tool sends it as stored', () => {
    for (const raw of [`"${KEY} "`, `Bearer ${KEY}`, `${KEY}\n`, `\u200B${KEY}`]) {
      const d = classify(input('accepted', 'rejected', { key: inspectKey(raw).report }));
      expect(d.cause.id, JSON.stringify(raw)).toBe('key-malformed');
      expect(d.worksForTarget).toBe(false);
      expect(d.cause.title).toContain('only once cleaned');
      expect(d.cause.fix[0]?.text).toContain('Copy the key again');
    }
    // A shape Mistral may adopt one day is a finding, not a failure, when the host takes the key.
    expect(classify(input('accepted', 'rejected', { key: inspectKey(`${KEY}Ab`).report })).cause.id).toBe('ok');
  });

  it('names the Retry-After delay of a 429', () => {
    const d = classify(input(host('rate-limited', { retryAfterSeconds: 42 }), 'rejected', { target: 'api' }));
    expect(d.cause.explanation).toContain('42');
    expect(d.cause.fix[0]?.text).toContain('42');
  });

  it('points a TLS failure at the corporate CA, never at turning checks off', () => {
    const d = classify(input(host('tls-error', { detail: 'SELF_SIGNED_CERT_IN_CHAIN' }), 'accepted', { target: 'api' }));
    expect(d.cause.id).toBe('tls-intercepted');
    const text = [d.cause.explanation, ...d.cause.fix.map((s) => s.text)].join('\n');
    expect(text).toContain('NODE_EXTRA_CA_CERTS');
    expect(text).toContain('http.proxyStrictSSL');
    expect(text).toContain('SELF_SIGNED_CERT_IN_CHAIN');
    expect(text).not.toMatch(/disable|NODE_TLS_REJECT_UNAUTHORIZED|rejectUnauthorized/i);
  });

  it('switches a retired model to its replacement after 2025-11-30, and keeps it before', () => {
    const after = classify(input('accepted', 'rejected', { model: 'codestral-2501', models: null }));
    expect(after.cause.id).toBe('model-unavailable');
    expect(after.model).toMatchObject({ state: 'retired', suggested: 'codestral-2508' });
    expect(after.cause.fix[0]?.text).toContain('codestral-2501 was retired on 2025-11-30');
    const before = classify(input('accepted', 'rejected', { model: 'codestral-2501', models: null, now: BEFORE_RETIREMENT }));
    expect(before.cause.id).toBe('ok');
    expect(before.model.state).toBe('available');
  });

  it('judges the model of a Codestral key by the lifecycle table, not by the probe model the host refused', () => {
    const refused = host('model-error', { detail: 'invalid_model' });
    const retired = classify(input('rejected', refused, { target: 'codestral', model: 'codestral-2501' }));
    expect(retired.cause.id).toBe('model-unavailable');
    expect(retired.keyKind).toBe('codestral');
    expect(retired.worksForTarget).toBe(true);
    expect(classify(input('rejected', refused, { target: 'codestral', model: 'codestral-2508' })).cause.id).toBe('ok');
  });

  it('suggests a dated pin for a moving alias without raising a problem', () => {
    const d = classify(input('accepted', 'rejected', { model: 'codestral-latest' }));
    expect(d.cause.id).toBe('ok');
    expect(d.model).toMatchObject({ state: 'alias', resolvesTo: 'codestral-2508', suggested: 'codestral-2508' });
    expect(d.cause.fix.map((s) => s.text).join(' ')).toContain('codestral-2508');
  });

  it('is pure: the same input gives the same diagnosis', () => {
    const given = input('rejected', 'accepted', { target: 'api', model: 'codestral-latest' });
    expect(classify(given)).toEqual(classify(structuredClone(given)));
    expect(classify(given).checkedAt).toBe(TODAY.toISOString());
  });

  it('treats the unreachable host alone as the cause when the other host gives nothing either', () => {
    const d = classify(input(host('unreachable', { detail: 'ECONNREFUSED' }), notProbed('unreachable'), { target: 'api' }));
    expect(d.cause.id).toBe('host-unreachable');
    expect(d.cause.explanation).toContain('ECONNREFUSED');
  });
});
