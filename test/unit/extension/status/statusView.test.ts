import { describe, expect, it } from 'vitest';
import type { Diagnosis, ToolId } from '../../../../src/core/diagnosis';
import type { KeyStatus } from '../../../../src/extension/status/keyStatus';
import { describeStatus, displayWidth, STATUS_MAX_WIDTH, type StatusInput } from '../../../../src/extension/status/statusView';
import { codestralKeyForCline, host, workingConsoleKey } from '../diagnosisFixtures';

const idle: StatusInput = { keys: [], keyStored: false, alwaysVisible: true, waitingUntil: null, nextCheckAt: null };

function keyOf(diagnosis: Diagnosis | null, overrides: Partial<KeyStatus> = {}): KeyStatus {
  return {
    sourceId: 'last', owner: 'The stored key', place: 'VS Code secret storage · AbCd…WxYz', tool: diagnosis?.tool ?? 'cline', diagnosis,
    checking: false, stale: false, storedKey: true, file: null, recheck: { command: 'mistralKeyDoctor.checkKey', args: [] }, ...overrides,
  };
}

function withCause(id: Diagnosis['cause']['id'], severity: Diagnosis['cause']['severity'], tool: ToolId = 'cline'): Diagnosis {
  const base = workingConsoleKey();
  return { ...base, tool, cause: { ...base.cause, id, severity, title: `title of ${id}` }, headline: `headline of ${id}`, hosts: { ...base.hosts, api: host({ outcome: 'rate-limited', status: 429 }) } };
}

/** What a user reads on the item: the text without its codicon. */
const visibleWords = (text: string) => text.slice(text.indexOf(' ') + 1);

describe('describeStatus', () => {
  it('is an entry point before any check: "set a key" without a key, "not checked" with one', () => {
    expect(describeStatus(idle)).toMatchObject({ visible: true, text: '$(key) Mistral: set a key', background: null });
    expect(describeStatus({ ...idle, keyStored: true }).text).toBe('$(circle-large-outline) Mistral: key not checked');
    expect(describeStatus({ ...idle, alwaysVisible: false }).visible).toBe(false);
  });

  it('spins while a check runs, and says so without looking at its own text', () => {
    const view = describeStatus({ ...idle, keys: [keyOf(workingConsoleKey(), { checking: true })] });
    expect(view).toMatchObject({ checking: true, background: null });
    expect(view.text).toBe('$(sync~spin) Mistral: checking');
  });

  it('shows a few words, the cause in the tooltip: a Codestral key for Cline is "Mistral 401 · Cline"', () => {
    const view = describeStatus({ ...idle, keys: [keyOf(codestralKeyForCline())] });
    expect(view).toMatchObject({ visible: true, severity: 'error', background: 'error', text: '$(error) Mistral 401 · Cline', words: 'Mistral 401 · Cline' });
    expect(view.tooltip).toContain('It does not work for Cline.');
    expect(view.tooltip).toContain('A Codestral key was sent to api.mistral.ai');
    expect(view.tooltip).toContain('VS Code secret storage · AbCd…WxYz');
    expect(view.tooltip).toContain('(command:mistralKeyDoctor.checkKey)');
    // The fix is the first link: the cause's first step, made an action.
    expect(view.tooltip).toContain('[Open API keys](https://console.mistral.ai/api-keys)');
  });

  it('never grows wider than 25 columns, whatever the cause and the tool; the tool is dropped first', () => {
    const ids = ['ok', 'codestral-key-on-api-host', 'console-key-on-codestral-host', 'key-malformed', 'key-not-yet-active', 'key-rejected', 'rate-limited', 'payment-required', 'forbidden', 'model-unavailable', 'route-not-served', 'host-unreachable', 'tls-intercepted', 'service-error', 'unexpected-response'] as const;
    for (const id of ids) {
      for (const tool of ['roo', 'continue', 'kilo', 'other'] as const) {
        const view = describeStatus({ ...idle, keys: [keyOf(withCause(id, 'warning', tool), { tool })] });
        expect(displayWidth(visibleWords(view.text)), view.text).toBeLessThanOrEqual(STATUS_MAX_WIDTH);
      }
    }
    expect(describeStatus({ ...idle, keys: [keyOf(withCause('console-key-on-codestral-host', 'error', 'roo'), { tool: 'roo' })] }).words).toBe('Mistral 401 · Roo Code');
    expect(describeStatus({ ...idle, keys: [keyOf(withCause('key-not-yet-active', 'warning', 'roo'), { tool: 'roo' })] }).words).toBe('Mistral not active yet');
  });

  it('counts a Chinese character as two columns', () => {
    expect(displayWidth('Mistral 密钥')).toBe(12);
  });

  it('shows an OK state when always visible, and hides it otherwise', () => {
    const keys = [keyOf(workingConsoleKey())];
    expect(describeStatus({ ...idle, keys })).toMatchObject({ visible: true, text: '$(check) Mistral · Cline', background: null });
    expect(describeStatus({ ...idle, alwaysVisible: false, keys }).visible).toBe(false);
  });

  it('takes the warning state from the cause\'s severity: a 429 warns, and says when it checks again', () => {
    const view = describeStatus({ ...idle, alwaysVisible: false, keys: [keyOf(withCause('rate-limited', 'warning'))], nextCheckAt: Date.UTC(2026, 11, 1, 9, 30) });
    expect(view).toMatchObject({ visible: true, severity: 'warning', background: 'warning', text: '$(warning) Mistral 429 · Cline' });
    expect(view.tooltip).toContain('Next automatic check at');
  });

  it('speaks for the worst key and tells every key\'s story once in the tooltip', () => {
    const watched = keyOf({ ...codestralKeyForCline(), tool: 'continue', headline: 'It does not work for Continue.' }, { sourceId: 'continue', owner: "Continue's key", place: '~/.continue/config.yaml · CdSt…j5Ga', tool: 'continue', storedKey: false });
    const view = describeStatus({ ...idle, keys: [keyOf(workingConsoleKey()), watched] });
    expect(view.worst?.owner).toBe("Continue's key");
    expect(view.text).toBe('$(error) Mistral 401 · Continue');
    expect(view.tooltip.match(/It does not work for Continue\./g)).toHaveLength(1);
    expect(view.tooltip.match(/It works for Cline\./g)).toHaveLength(1);
  });

  it('marks a stale verdict as such until the key\'s own check ends', () => {
    const view = describeStatus({ ...idle, keys: [keyOf(codestralKeyForCline(), { stale: true })] });
    expect(view.tooltip).toContain('*Last verdict; it may no longer hold.*');
  });

  it('waits quietly for a new key to become active', () => {
    const notActive = withCause('key-not-yet-active', 'warning');
    const view = describeStatus({ ...idle, keys: [keyOf(notActive)], waitingUntil: Date.now() + 60_000 });
    expect(view).toMatchObject({ text: '$(watch) Mistral: waiting', background: null });
  });
});
