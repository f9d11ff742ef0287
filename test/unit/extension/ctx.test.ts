import { afterEach, describe, expect, it } from 'vitest';
import { TEST_KEYS } from '../../../src/emulator';
import { storedCandidate } from '../../../src/extension/check/candidates';
import { createHarness, type Harness } from './ctxHarness';

describe('Ctx', () => {
  let h: Harness;
  afterEach(async () => h.close());

  it('uses the detected tool when none is chosen, with its version deciding the host, and says so', async () => {
    h = await createHarness({ tool: null, detected: [{ tool: 'cline', version: '3.17.0', evidence: 'saoudrizwan.claude-dev' }] });
    expect(h.ctx.toolInUse().tool).toBe('other');
    await h.ctx.detectTools();
    expect(h.ctx.toolInUse()).toMatchObject({ tool: 'cline', version: '3.17.0' });
    expect(h.ctx.target(null)).toEqual({ tool: 'cline', host: 'api', version: expect.any(String) as unknown });
    const result = await h.ctx.checker.check(storedCandidate(TEST_KEYS.codestral), { interactive: false });
    expect(result).toMatchObject({ tool: 'cline', toolHost: 'api' });
    expect(h.ctx.panelView()).toMatchObject({ tool: 'cline', detection: 'Cline 3.17.0 detected: it sends keys to api.mistral.ai. Advice checked against Cline up to 3.2.13; you have 3.17.0, which was not checked.', result: { verdict: 'It does not work for Cline.' } });
  });

  it('keeps a tool the user chose over a detected one', async () => {
    h = await createHarness({ tool: 'continue', detected: [{ tool: 'cline', version: '3.17.0', evidence: 'x' }] });
    await h.ctx.detectTools();
    expect(h.ctx.toolInUse()).toMatchObject({ tool: 'continue', detected: null });
  });

  it('comes back after a reload with the last result, which holds the fingerprint and never the key', async () => {
    h = await createHarness();
    await h.ctx.checker.check(storedCandidate(TEST_KEYS.codestral), { interactive: false });
    const reloaded = h.reload();
    expect(reloaded.checker.result?.diagnosis.key.fingerprint).toBe('CdSt…j5Ga');
    expect(reloaded.panelView().result?.verdict).toBe('It does not work for Cline.');
    expect(JSON.stringify([...h.fake.workspaceState.values.values()])).not.toContain(TEST_KEYS.codestral);
  });
});
