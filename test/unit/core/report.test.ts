import { describe, expect, it } from 'vitest';
import { classify, type ClassifyInput } from '../../../src/core/classify';
import { HOST_OUTCOMES, TOOL_IDS, type HostOutcome, type HostOutcomeKind } from '../../../src/core/diagnosis';
import { inspectKey } from '../../../src/core/hygiene';
import { renderReport, renderSupportReport, toCliJson } from '../../../src/core/report';
import { cliJsonSchema } from '../../../src/core/schemas';

const KEY = 'Ab3dEf6hIj9lMn2pQr5tUv8xYz1bCd4F';
const NOW = new Date('2026-11-27T12:00:00Z');

function host(outcome: HostOutcomeKind, extra: Partial<HostOutcome> = {}): HostOutcome {
  return {
    outcome, status: outcome === 'rejected' ? 401 : 200, latencyMs: 123.4, requestId: null, url: 'https://api.mistral.ai',
    detail: null, retryAfterSeconds: null, probed: true, ...extra,
  };
}

function diagnose(api: HostOutcome, codestral: HostOutcome, extra: Partial<ClassifyInput> = {}) {
  return classify({
    key: inspectKey(` ${KEY}\n`).report, hosts: { api, codestral }, models: null, target: 'api', model: 'codestral-latest',
    keyAgeMs: null, preferredCodestralModel: 'codestral-2501', now: NOW, elapsedMs: 150.6, ...extra,
  });
}

const codestralKeyOnApi = () => diagnose(
  host('rejected', { requestId: '0123456789abcdef0123456789abcdef' }),
  host('accepted', { url: 'https://codestral.mistral.ai', requestId: 'cf-ray-1' }),
);

describe('renderReport', () => {
  it('puts the verdict first, then hosts with outcome, status, latency and request id, then numbered fix steps', () => {
    const text = renderReport(codestralKeyOnApi(), { color: false });
    const lines = text.split('\n');
    expect(lines[0]).toBe('✖ Problem: A legacy Mistral Code key was sent to api.mistral.ai');
    expect(lines.find((line) => line.startsWith('Key type:'))).toBe('Key type: legacy Mistral Code key');
    const apiLine = lines.find((line) => line.trimStart().startsWith('api.mistral.ai'))!;
    expect(apiLine).toContain('rejected');
    expect(apiLine).toContain('HTTP 401');
    expect(apiLine).toContain('123 ms');
    expect(apiLine).toContain('request id 0123456789abcdef0123456789abcdef');
    expect(text.indexOf('Hosts')).toBeLessThan(text.indexOf('1. '));
    expect(text).toMatch(/\n {2}1\. .+\n/);
    expect(text).toContain('https://console.mistral.ai/api-keys');
  });

  it('shows the chosen tool steps under a heading naming the tool', () => {
    const text = renderReport(codestralKeyOnApi(), { color: false, tool: 'roo' });
    expect(text).toContain('Fix (Roo Code)');
    expect(text).toContain('Codestral Base URL');
  });

  it('uses ANSI colour only when asked', () => {
    expect(renderReport(codestralKeyOnApi(), { color: false })).not.toContain('\x1b[');
    expect(renderReport(codestralKeyOnApi(), { color: true })).toContain('\x1b[31m');
  });

  it('shows a probed URL that is not the public host, e.g. the emulator', () => {
    const d = diagnose(host('accepted', { url: 'http://127.0.0.1:4010' }), host('unreachable', { status: null, detail: 'ECONNREFUSED', url: 'http://127.0.0.1:4011' }));
    const text = renderReport(d, { color: false });
    expect(text).toContain('http://127.0.0.1:4010');
    expect(text).toContain('ECONNREFUSED');
  });
});

describe('the model line', () => {
  const modelLineOf = (text: string) => text.split('\n').find((line) => line.startsWith('Model:'));

  it('names a retired pin id only to a user who has it', () => {
    const alias = renderReport(diagnose(host('accepted'), host('rejected')), { color: false });
    expect(modelLineOf(alias)).toBe('Model: codestral-latest (moving alias) · resolves to codestral-2508 · Switch model to codestral-2508');
    const retired = renderReport(diagnose(host('accepted'), host('rejected'), { model: 'codestral-2501' }), { color: false });
    expect(modelLineOf(retired)).toContain('Switch model to codestral-2508 (codestral-2501 was retired on 2025-11-30)');
    const devstral = renderReport(diagnose(host('accepted'), host('rejected'), { model: 'devstral-2512' }), { color: false });
    expect(modelLineOf(devstral)).toContain('Switch model to mistral-medium-3-5 (devstral-2512 was retired on 2026-07-31)');
    expect(devstral).not.toContain('codestral-2501');
  });
});

describe('renderSupportReport', () => {
  it('holds verdict, hosts, request ids, versions and the fingerprint', () => {
    const md = renderSupportReport(codestralKeyOnApi(), { versions: { 'Mistral Key Doctor': '0.1.0', 'Node.js': 'v20.18.1' }, tool: 'cline' });
    expect(md).toContain('`codestral-key-on-api-host`');
    expect(md).toContain('`Ab3d…Cd4F`');
    expect(md).toContain('`0123456789abcdef0123456789abcdef`');
    expect(md).toContain('| codestral.mistral.ai | accepted | 200 |');
    expect(md).toContain('- Mistral Key Doctor: 0.1.0');
    expect(md).toContain('Cline');
    expect(md).not.toContain('Create a general API key');
  });

  it('escapes table cells', () => {
    const d = diagnose(host('unexpected', { detail: 'a|b' }), host('rejected'));
    expect(renderSupportReport(d, { versions: {} })).toContain('a\\|b');
  });
});

describe('toCliJson', () => {
  it('matches the --json shape of DESIGN.md and its schema', () => {
    const json = toCliJson(codestralKeyOnApi(), 'cline');
    expect(cliJsonSchema.parse(json)).toEqual(json);
    expect(json).toMatchObject({
      keyKind: 'codestral',
      cause: { id: 'codestral-key-on-api-host', severity: 'error' },
      hosts: { api: { outcome: 'rejected', status: 401, latencyMs: 123, requestId: '0123456789abcdef0123456789abcdef' } },
      key: { fingerprint: 'Ab3d…Cd4F', findings: ['surrounding-whitespace'] },
      model: { id: 'codestral-latest', state: 'alias', resolvesTo: 'codestral-2508', suggested: 'codestral-2508' },
      elapsedMs: 151,
    });
    expect(json.cause.fix.every((step) => typeof step === 'string')).toBe(true);
    expect(json.cause.fix.join('\n')).toContain('Cline');
  });
});

describe('no text form holds the key', () => {
  it('for every host outcome pair, tool and colour setting', () => {
    for (const api of HOST_OUTCOMES) {
      for (const codestral of HOST_OUTCOMES) {
        const d = diagnose(host(api), host(codestral), { target: 'auto', keyAgeMs: 60_000 });
        const texts = [
          ...TOOL_IDS.map((tool) => renderReport(d, { color: true, tool })),
          renderSupportReport(d, { versions: { x: '1' } }),
          JSON.stringify(toCliJson(d)),
        ];
        for (const text of texts) {
          expect(text).not.toContain(KEY);
          expect(text).not.toContain(KEY.slice(4, 28));
        }
      }
    }
  });
});
