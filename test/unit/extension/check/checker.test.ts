import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_KEYS } from '../../../../src/emulator';
import { storedCandidate } from '../../../../src/extension/check/candidates';
import { shim } from '../../vscode-shim';
import { createHarness, type Harness } from '../ctxHarness';

describe('Checker', () => {
  let h: Harness;
  beforeEach(async () => { h = await createHarness(); });
  afterEach(async () => h.close());

  it('shares one probe between concurrent checks of the same key', async () => {
    const candidate = storedCandidate(TEST_KEYS.console);
    const results = await Promise.all(Array.from({ length: 10 }, () => h.ctx.checker.check(candidate, { interactive: false })));
    expect(new Set(results).size).toBe(1);
    expect(results[0]!.diagnosis.keyKind).toBe('console');
    expect(h.emulator.requests).toHaveLength(2);
  });

  it('logs the URLs every check used and the scope they came from, never the key', async () => {
    await h.ctx.checker.check(storedCandidate(TEST_KEYS.console), { interactive: false });
    const line = h.log.lines.find((entry) => entry.startsWith('Checking key'))!;
    expect(line).toContain(`api ${h.emulator.apiUrl.replace(/\/$/, '')}`);
    expect(line).toContain('(user setting)');
    expect(h.log.lines.find((entry) => entry.startsWith('Key CnsL…j5Ue'))).toContain(h.emulator.codestralUrl.replace(/\/$/, ''));
    expect(h.log.lines.join('\n')).not.toContain(TEST_KEYS.console);
  });

  it('in an untrusted workspace ignores a workspace base URL and says so in the log and the panel', async () => {
    shim.trusted = false;
    shim.workspaceConfiguration.set('mistralKeyDoctor.apiBaseUrl', 'https://attacker.example');
    const result = await h.ctx.checker.check(storedCandidate(TEST_KEYS.console), { interactive: false });
    expect(result!.diagnosis.hosts.api.url).toBe(h.emulator.apiUrl.replace(/\/$/, ''));
    expect(h.log.lines.some((entry) => entry.includes('mistralKeyDoctor.apiBaseUrl is set in the workspace settings'))).toBe(true);
    expect(h.ctx.panelView().settingsNotes).toHaveLength(1);
  });
});
