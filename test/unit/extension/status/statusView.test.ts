import { describe, expect, it } from 'vitest';
import type { Diagnosis } from '../../../../src/core/diagnosis';
import { describeStatus, worstSource, type StatusInput } from '../../../../src/extension/status/statusView';
import { codestralKeyForCline, host, resultFor, workingConsoleKey } from '../diagnosisFixtures';

const idle: StatusInput = { checking: false, sources: [], keyStored: false, alwaysVisible: true, waitingUntil: null, nextCheckAt: null };

function rateLimited(): Diagnosis {
  const base = workingConsoleKey();
  return { ...base, cause: { ...base.cause, id: 'rate-limited', severity: 'warning', title: 'api.mistral.ai answered 429' }, hosts: { ...base.hosts, api: host({ outcome: 'rate-limited', status: 429 }) } };
}

describe('describeStatus', () => {
  it('is an entry point before any check: "set a key" without a key, "not checked" with one', () => {
    expect(describeStatus(idle)).toMatchObject({ visible: true, text: '$(key) Mistral: set a key', background: null });
    expect(describeStatus({ ...idle, keyStored: true }).text).toBe('$(circle-large-outline) Mistral: key not checked');
    expect(describeStatus({ ...idle, alwaysVisible: false }).visible).toBe(false);
  });

  it('spins while a check runs', () => {
    const view = describeStatus({ ...idle, checking: true, sources: [{ label: 'x', result: resultFor(workingConsoleKey()) }] });
    expect(view.text).toMatch(/^\$\(sync~spin\) /);
    expect(view.background).toBeNull();
  });

  it('names the cause and the tool when the key is the wrong kind (Codestral key, Cline)', () => {
    const view = describeStatus({ ...idle, sources: [{ label: 'VS Code secret storage', result: resultFor(codestralKeyForCline()) }] });
    expect(view).toMatchObject({ visible: true, severity: 'error', background: 'error', text: '$(error) Mistral: legacy Mistral Code key, Cline needs a Studio key' });
    expect(view.tooltip).toContain('A Codestral key was sent to api.mistral.ai');
    expect(view.tooltip).toContain('(command:mistralKeyDoctor.checkKey)');
  });

  it('shows an OK state when always visible, and hides it otherwise', () => {
    const sources = [{ label: 'VS Code secret storage', result: resultFor(workingConsoleKey()) }];
    expect(describeStatus({ ...idle, sources })).toMatchObject({ visible: true, text: '$(check) Mistral: works for Cline', background: null });
    expect(describeStatus({ ...idle, alwaysVisible: false, sources }).visible).toBe(false);
  });

  it('takes the warning state from the cause\'s severity: a 429 warns without saying the key is broken', () => {
    const view = describeStatus({ ...idle, alwaysVisible: false, sources: [{ label: 'VS Code secret storage', result: resultFor(rateLimited()) }], nextCheckAt: Date.UTC(2026, 11, 1, 9, 30) });
    expect(view).toMatchObject({ visible: true, severity: 'warning', background: 'warning', text: '$(warning) Mistral: rate-limited (429)' });
    expect(view.tooltip).toContain('Next automatic check at');
  });

  it('shows the worst of several sources and names it', () => {
    const sources = [
      { label: 'VS Code secret storage', result: resultFor(workingConsoleKey()) },
      { label: 'Continue', result: resultFor(codestralKeyForCline()) },
    ];
    expect(worstSource(sources)?.label).toBe('Continue');
    expect(describeStatus({ ...idle, sources }).text).toBe('$(error) Mistral: Continue: legacy Mistral Code key, Cline needs a Studio key');
  });

  it('waits quietly for a new key to become active', () => {
    const base = codestralKeyForCline();
    const notActive: Diagnosis = { ...base, cause: { ...base.cause, id: 'key-not-yet-active', severity: 'warning' } };
    const view = describeStatus({ ...idle, sources: [{ label: 's', result: resultFor(notActive) }], waitingUntil: Date.now() + 60_000 });
    expect(view).toMatchObject({ text: '$(watch) Mistral: waiting for the key to become active', background: null });
  });
});
