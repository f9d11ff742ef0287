import { describe, expect, it } from 'vitest';
import { describeStatus } from '../../../src/extension/statusView';
import { codestralKeyForCline, host, resultFor, workingConsoleKey } from './diagnosisFixtures';

const idle = { checking: false, result: null, waitingUntil: null, nextCheckAt: null };

describe('describeStatus', () => {
  it('is hidden while nothing is known', () => {
    expect(describeStatus(idle).visible).toBe(false);
  });

  it('spins while a check runs', () => {
    const view = describeStatus({ ...idle, checking: true, result: resultFor(workingConsoleKey()) });
    expect(view).toMatchObject({ visible: true, warning: false });
    expect(view.text).toMatch(/^\$\(sync~spin\) /);
  });

  it('warns with the status code when the tool\'s host answered 401 (Codestral key, Cline)', () => {
    const view = describeStatus({ ...idle, result: resultFor(codestralKeyForCline()) });
    expect(view.visible).toBe(true);
    expect(view.warning).toBe(true);
    expect(view.text).toBe('$(warning) Mistral key: 401');
    expect(view.tooltip).toContain('AbCd…WxYz');
    expect(view.tooltip).toContain('(command:mistralKeyDoctor.showDiagnostics)');
    expect(view.tooltip).toContain('(command:mistralKeyDoctor.setKey)');
  });

  it('is hidden when the key works and nothing needs attention', () => {
    expect(describeStatus({ ...idle, result: resultFor(workingConsoleKey()) }).visible).toBe(false);
  });

  it('does not warn about a 401 on a host the tool does not use', () => {
    const diagnosis = workingConsoleKey();
    diagnosis.cause = { ...diagnosis.cause, severity: 'warning', id: 'model-unavailable' };
    const view = describeStatus({ ...idle, result: resultFor(diagnosis) });
    expect(view.visible).toBe(true);
    expect(view.warning).toBe(false);
  });

  it('for a tool that may use either host, warns only when every probed host answered 401', () => {
    const either = codestralKeyForCline();
    expect(describeStatus({ ...idle, result: resultFor(either, { toolHost: 'auto' }) }).warning).toBe(false);
    either.hosts.codestral = host({ outcome: 'rejected', status: 401, url: 'https://codestral.mistral.ai' });
    expect(describeStatus({ ...idle, result: resultFor(either, { toolHost: 'auto' }) }).warning).toBe(true);
  });

  it('shows the waiting state while a new key is re-checked, without the warning colour', () => {
    const now = Date.now();
    const view = describeStatus({ ...idle, result: resultFor(codestralKeyForCline()), waitingUntil: now + 900_000, nextCheckAt: now + 60_000 });
    expect(view.text).toMatch(/^\$\(watch\) Mistral key: waiting for activation$/);
    expect(view.warning).toBe(false);
    expect(view.tooltip).toContain('re-checked every minute');
  });

  it('stops waiting once the key works', () => {
    const now = Date.now();
    expect(describeStatus({ ...idle, result: resultFor(workingConsoleKey()), waitingUntil: now + 900_000, nextCheckAt: null }).visible).toBe(false);
  });
});
