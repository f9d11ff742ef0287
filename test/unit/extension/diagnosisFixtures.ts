// Diagnoses shaped as the engine returns them, for the extension's rendering tests.
import type { Cause, Diagnosis, HostOutcome } from '../../../src/core/diagnosis';
import type { CheckResult } from '../../../src/extension/check/checkResult';

export function host(overrides: Partial<HostOutcome> & Pick<HostOutcome, 'outcome' | 'status'>): HostOutcome {
  return { latencyMs: 42, requestId: null, url: 'https://api.mistral.ai', detail: null, retryAfterSeconds: null, probed: true, ...overrides };
}

const codestralKeyOnApiHost: Cause = {
  id: 'codestral-key-on-api-host',
  severity: 'error',
  title: 'A Codestral key was sent to api.mistral.ai',
  explanation: 'This key works only on codestral.mistral.ai; api.mistral.ai answers 401.',
  fix: [
    { text: 'Create a general key on the console.', link: { url: 'https://console.mistral.ai/api-keys', label: 'Open API keys' } },
    { text: 'Wait about five minutes.' },
  ],
  fixByTool: {
    cline: [
      { text: 'Create a general key.', link: { url: 'https://console.mistral.ai/api-keys', label: 'Open API keys' } },
      { text: 'Paste it into Cline.' },
      { text: 'Open a lookalike page.', link: { url: 'https://console.mistral.ai.evil.example/', label: 'Evil' } },
    ],
  },
};

/** The seed's case: a Codestral key, checked for Cline (which sends it to api.mistral.ai). */
export function codestralKeyForCline(): Diagnosis {
  return {
    keyKind: 'codestral',
    tool: 'cline',
    target: 'api',
    worksForTarget: false,
    cause: codestralKeyOnApiHost,
    headline: 'It does not work for Cline.',
    hosts: {
      api: host({ outcome: 'rejected', status: 401, requestId: '0123456789abcdef0123456789abcdef' }),
      codestral: host({ outcome: 'accepted', status: 200, url: 'https://codestral.mistral.ai', requestId: 'req-codestral' }),
    },
    key: { fingerprint: 'AbCd…WxYz', findings: [], type: 'unknown', plan: null },
    model: { id: 'codestral-latest', state: 'alias', resolvesTo: 'codestral-2508', date: null, suggested: 'codestral-2501',
      suggestion: { id: 'codestral-2501', reason: null, title: 'Switch model to codestral-2501' } },
    checkedAt: '2026-01-15T10:00:00.000Z',
    elapsedMs: 57,
  };
}

export function workingConsoleKey(): Diagnosis {
  return {
    keyKind: 'console',
    tool: 'cline',
    target: 'api',
    worksForTarget: true,
    cause: { id: 'ok', severity: 'ok', title: 'The key works', explanation: 'api.mistral.ai accepts it.', fix: [], fixByTool: {} },
    headline: 'It works for Cline.',
    hosts: {
      api: host({ outcome: 'accepted', status: 200 }),
      codestral: host({ outcome: 'rejected', status: 401, url: 'https://codestral.mistral.ai' }),
    },
    key: { fingerprint: 'QrSt…UvWx', findings: [], type: 'unknown', plan: null },
    model: { id: null, state: 'unknown', resolvesTo: null, date: null, suggested: null, suggestion: null },
    checkedAt: '2026-01-15T10:00:00.000Z',
    elapsedMs: 40,
  };
}

export function resultFor(diagnosis: Diagnosis, overrides: Partial<CheckResult> = {}): CheckResult {
  return { diagnosis, sourceLabel: 'VS Code secret storage', storedKey: true, tool: 'cline', toolHost: diagnosis.target, ...overrides };
}
