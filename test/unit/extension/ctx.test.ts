import { afterEach, describe, expect, it } from 'vitest';
import { TEST_KEYS } from '../../../src/emulator';
import { inspectKey } from '../../../src/core/hygiene';
import { storedCandidate } from '../../../src/extension/check/candidates';
import { watchedKeyCandidate } from '../../../src/extension/watch/watchedSources';
import type { KeyStatus } from '../../../src/extension/status/keyStatus';
import { shim } from '../vscode-shim';
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

  it('marks the walkthrough\'s key step done only once a key is stored', async () => {
    h = await createHarness();
    await h.ctx.noteKeyStored();
    expect(shim.executed).toContainEqual({ command: 'setContext', args: ['mistralKeyDoctor.keyStored', false] });
    await h.ctx.keyStore.store(TEST_KEYS.console, inspectKey(TEST_KEYS.console).report.fingerprint);
    await h.ctx.noteKeyStored();
    expect(shim.executed.at(-1)).toEqual({ command: 'setContext', args: ['mistralKeyDoctor.keyStored', true] });
  });

  it('a stored key replaced since its check keeps its verdict marked stale until the new key\'s check ends', async () => {
    h = await createHarness();
    await h.ctx.keyStore.store(TEST_KEYS.codestral, inspectKey(TEST_KEYS.codestral).report.fingerprint);
    await h.ctx.noteKeyStored();
    await h.ctx.checker.check(storedCandidate(TEST_KEYS.codestral), { interactive: false });
    expect(h.ctx.statusKeys()[0]?.stale).toBe(false);
    await h.ctx.keyStore.store(TEST_KEYS.console, inspectKey(TEST_KEYS.console).report.fingerprint);
    await h.ctx.noteKeyStored();
    expect(h.ctx.statusKeys()[0]?.stale).toBe(true);
    expect(h.ctx.statusView().tooltip).toContain('Last verdict; it may no longer hold.');
    await h.ctx.checker.check(storedCandidate(TEST_KEYS.console), { interactive: false });
    expect(h.ctx.statusKeys()[0]).toMatchObject({ stale: false, diagnosis: { cause: { id: 'ok' } } });
  });

  it('tells one story per key: a watched key checked from the menu is one row, with the newer verdict', async () => {
    h = await createHarness();
    const result = await h.ctx.checker.check(watchedKeyCandidate({ sourceId: 'continue', key: TEST_KEYS.codestral, fingerprint: inspectKey(TEST_KEYS.codestral).report.fingerprint, label: 'Continue', target: 'api', model: null, tool: 'continue' }), { interactive: false });
    const older = { ...result!.diagnosis, checkedAt: '2020-01-01T00:00:00.000Z', headline: 'older' };
    const watchedKey: KeyStatus = {
      sourceId: 'continue', owner: "Continue's key", place: '~/.continue/config.yaml · CdSt…j5Ga', tool: 'continue', diagnosis: older,
      checking: false, stale: true, storedKey: false, file: null, recheck: { command: 'mistralKeyDoctor.checkWatchedKey', args: [0] },
    };
    h.ctx.watched = { keys: () => [watchedKey], sourceRows: () => [] };
    const keys = h.ctx.statusKeys();
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ owner: "Continue's key", stale: false, diagnosis: { headline: 'It does not work for Continue.' } });
  });

  it('says once when a key that was waiting becomes active', async () => {
    h = await createHarness();
    await h.ctx.checker.check(storedCandidate(TEST_KEYS.fresh), { interactive: false, keyStoredAgoMs: 0 });
    expect(h.ctx.checker.result?.diagnosis.cause.id).toBe('key-rejected');
    h.emulator.activateKey(TEST_KEYS.fresh);
    await h.ctx.checker.check(storedCandidate(TEST_KEYS.fresh), { interactive: false, keyStoredAgoMs: 60_000 });
    await h.ctx.checker.check(storedCandidate(TEST_KEYS.fresh), { interactive: false, keyStoredAgoMs: 120_000 });
    expect(h.prompts.shownMessages.filter((m) => m.startsWith('Key FrSh…3Gya is active now.'))).toEqual(['Key FrSh…3Gya is active now. It works for Cline.']);
  });
});
