// The fix steps fit the case: where the key lives, which tool and version, what each host answered.
import { describe, expect, it } from 'vitest';
import { fixStepsFor } from '../../../src/core/causes';
import { classify, type ClassifyInput } from '../../../src/core/classify';
import type { Diagnosis, HostOutcome, HostOutcomeKind, KeyType, ToolId } from '../../../src/core/diagnosis';
import { inspectKey } from '../../../src/core/hygiene';

const KEY = 'Ab3dEf6hIj9lMn2pQr5tUv8xYz1bCd4F';
const STATUS: Record<HostOutcomeKind, number | null> = {
  'accepted': 200, 'rejected': 401, 'forbidden': 403, 'rate-limited': 429, 'model-error': 400,
  'server-error': 503, 'unreachable': null, 'tls-error': null, 'unexpected': 404,
};

function host(outcome: HostOutcomeKind, extra: Partial<HostOutcome> = {}): HostOutcome {
  return { outcome, status: STATUS[outcome], latencyMs: 80, requestId: null, url: 'https://example.invalid', detail: null, retryAfterSeconds: null, probed: true, ...extra };
}

function diagnose(api: HostOutcome, codestral: HostOutcome, extra: Partial<ClassifyInput> & { keyType?: KeyType } = {}): Diagnosis {
  const { keyType, ...rest } = extra;
  return classify({
    key: { ...inspectKey(KEY).report, type: keyType ?? 'unknown' },
    hosts: { api, codestral }, models: null, target: 'auto', model: null, keyAgeMs: null,
    preferredCodestralModel: 'codestral-2508', now: new Date('2026-12-01T12:00:00Z'), elapsedMs: 10, ...rest,
  });
}

function stepsText(d: Diagnosis, tool: ToolId = d.tool): string {
  return fixStepsFor(d.cause, tool).map((step) => `${step.text} ${step.link?.url ?? ''}`).join('\n');
}

const NO_ROUTE = host('unexpected', { status: 404, detail: 'no-route' });

describe('fix steps follow where the key lives', () => {
  it('a key found in a .env: "open <file> at line N", not "In Cline, paste the key"', () => {
    const d = diagnose(host('rejected'), host('rejected'), { tool: 'litellm', target: 'api', keyLocation: { path: '/work/app/.env', line: 3, variable: null } });
    expect(d.cause.id).toBe('key-rejected');
    expect(stepsText(d)).toContain('Open /work/app/.env at line 3 and replace the key there with the new one.');
    expect(stepsText(d)).not.toContain('paste the key');
  });

  it('a key in a file whose line is unknown: "open <file>"; a key in a variable: set that variable', () => {
    const file = diagnose(host('rejected'), host('rejected'), { keyLocation: { path: '/home/u/.continue/config.yaml', line: null, variable: null } });
    expect(stepsText(file)).toContain('Open /home/u/.continue/config.yaml and replace the key there with the new one.');
    const variable = diagnose(host('rejected'), host('rejected'), { tool: 'litellm', keyLocation: { path: null, line: null, variable: 'CODESTRAL_API_KEY' } });
    expect(stepsText(variable)).toContain('Set CODESTRAL_API_KEY to the new key where it is exported');
  });

  it('Vibe 2.17+ with no file: says the doctor cannot read the keyring and how to check that key with --key-stdin', () => {
    const d = diagnose(host('rejected'), host('rejected'), { tool: 'vibe', toolVersion: '2.18.4', target: 'api' });
    const text = stepsText(d);
    expect(text).toContain('system keyring (service ai.mistral.vibe, account MISTRAL_API_KEY), which this doctor cannot read');
    expect(text).toContain('| mistral-key-doctor check --tool vibe --key-stdin');
    const old = diagnose(host('rejected'), host('rejected'), { tool: 'vibe', toolVersion: '2.16.0', target: 'api' });
    expect(stepsText(old)).not.toContain('keyring');
  });
});

describe('billing and hosts', () => {
  it('402 sends the user to the Admin panel\'s billing page, not the console', () => {
    const d = diagnose(host('accepted', { status: 402 }), host('rejected'));
    expect(d.cause.id).toBe('payment-required');
    const links = d.cause.fix.flatMap((step) => (step.link ? [step.link.url] : []));
    expect(links).toContain('https://admin.mistral.ai/organization/billing');
    expect(links).not.toContain('https://console.mistral.ai/');
    expect(stepsText(d)).toMatch(/spending limit/);
  });

  it('a legacy key after the Codestral host answered "no Route matched": no step sends the key there', () => {
    const d = diagnose(host('rejected'), NO_ROUTE, { tool: 'roo', target: 'api', keyType: 'mistral-code' });
    expect(d.cause.id).toBe('codestral-key-on-api-host');
    const text = stepsText(d);
    expect(text).toContain('no longer serves this legacy key');
    expect(text).not.toContain('"Codestral Base URL" to https://codestral.mistral.ai');
    expect(text).toContain('Studio key');
  });

  it('with a Codestral host that still answers, the legacy key may keep using it', () => {
    const d = diagnose(host('rejected'), host('accepted'), { tool: 'roo', target: 'api' });
    expect(stepsText(d)).toContain('"Codestral Base URL" to https://codestral.mistral.ai');
  });

  it('route-not-served for a legacy key: the Codestral host no longer serves it, get a Studio key', () => {
    const d = diagnose(host('rejected'), NO_ROUTE, { tool: 'zed', target: 'codestral', keyType: 'mistral-code' });
    expect(d.cause.id).toBe('route-not-served');
    expect(stepsText(d)).toContain('This is a legacy Mistral Code key: codestral.mistral.ai no longer serves it and api.mistral.ai refuses it, so get a Studio key.');
    expect(stepsText(d)).not.toMatch(/api_url to https:\/\/codestral/);
  });
});

describe('each tool\'s own settings in the steps', () => {
  it('Zed: edit_predictions.codestral.api_url without /v1', () => {
    const d = diagnose(host('accepted'), host('rejected'), { tool: 'zed', target: 'codestral', model: 'codestral-2508' });
    expect(d.cause.id).toBe('console-key-on-codestral-host');
    expect(stepsText(d)).toContain('edit_predictions.codestral.api_url to https://api.mistral.ai (without /v1');
    expect(stepsText(d)).not.toContain('api_url to https://api.mistral.ai/v1');
  });

  it('Tabby: the base-URL check names each model kind\'s form', () => {
    const d = diagnose(host('unreachable'), host('unreachable'), { tool: 'tabby', target: 'api' });
    expect(stepsText(d)).toContain('api_endpoint (mistral/completion) takes https://api.mistral.ai; api_endpoint (mistral/chat) takes https://api.mistral.ai/v1');
  });

  it('Roo Code with no model uses codestral-latest: a Studio key is refused on the Codestral host it calls', () => {
    const d = diagnose(host('accepted'), host('rejected'), { tool: 'roo', target: 'codestral' });
    expect(d.worksForTarget).toBe(false);
    expect(d.cause.id).toBe('console-key-on-codestral-host');
  });

  it('Kilo Code 7 gets no Roo-fork "Codestral Base URL" step; Kilo 6 does', () => {
    const seven = diagnose(host('accepted'), host('rejected'), { tool: 'kilo', toolVersion: '7.0.1', target: 'codestral' });
    expect(stepsText(seven)).not.toContain('Codestral Base URL');
    const six = diagnose(host('accepted'), host('rejected'), { tool: 'kilo', toolVersion: '6.5.0', target: 'codestral' });
    expect(stepsText(six)).toContain('Codestral Base URL');
  });
});

describe('the advice says which tool version it was checked against', () => {
  it('a newer version gets the newest row and a plain note', () => {
    const d = diagnose(host('rejected'), host('rejected'), { tool: 'cline', toolVersion: '4.2.0', target: 'api' });
    expect(d.advice).toEqual({
      verifiedUpTo: '4.1.13', versionAsked: '4.2.0', unverified: true,
      note: 'Advice checked against Cline up to 4.1.13; you have 4.2.0, which was not checked.',
    });
  });

  it('a verified version needs no note', () => {
    const d = diagnose(host('rejected'), host('rejected'), { tool: 'cline', toolVersion: '4.1.13', target: 'api' });
    expect(d.advice).toMatchObject({ verifiedUpTo: '4.1.13', versionAsked: '4.1.13', unverified: false, note: null });
  });
});
