// Automatic checks through the real engine and the emulator: bursts coalesce, nothing runs in an
// untrusted workspace or with autoCheck off, and a 429 schedules a visible re-check.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TEST_KEYS } from '../../../../src/emulator';
import { removeKey } from '../../../../src/extension/commands';
import { SECRET_NAME } from '../../../../src/extension/key/keyStore';
import { RECENT_PROBE_MS } from '../../../../src/extension/check/recentProbes';
import { RETRY_FIRST_DELAY_MS } from '../../../../src/extension/check/retryBackoff';
import { shim } from '../../vscode-shim';
import { createHarness, until, type Harness } from '../ctxHarness';

describe('AutoChecks', () => {
  let h: Harness;
  beforeEach(async () => { h = await createHarness(); });
  afterEach(async () => h.close());

  it('probes the stored key once for a burst of 100 change events, and the status item names the cause', async () => {
    await h.fake.secrets.storage.store(SECRET_NAME, TEST_KEYS.codestral);
    await Promise.all(Array.from({ length: 100 }, () => h.ctx.autoChecks.storedKeyChanged()));
    await until(() => h.ctx.checker.result !== null, 'the automatic check');
    expect(h.ctx.checker.result!.diagnosis.cause.id).toBe('codestral-key-on-api-host');
    expect(h.emulator.requests.map((r) => r.host).sort()).toEqual(['api', 'codestral']);
    expect(h.ctx.statusView()).toMatchObject({ visible: true, background: 'error', text: '$(error) Mistral: legacy Mistral Code key, Cline needs a Studio key' });
    expect(h.statuses.some((view) => view.text.startsWith('$(sync~spin)'))).toBe(true);
  });

  it('a key stored a moment ago that both hosts refuse is "refused, may still be activating", never "takes about five minutes", and is re-checked', async () => {
    await h.fake.secrets.storage.store(SECRET_NAME, TEST_KEYS.fresh);
    await h.ctx.autoChecks.storedKeyChanged();
    await until(() => h.ctx.checker.result !== null, 'the automatic check');
    const { cause } = h.ctx.checker.result!.diagnosis;
    expect(cause.id).toBe('key-rejected');
    expect(cause.explanation).toContain('If you created it in the last few minutes, it may still be activating');
    expect(cause.explanation).toContain('Otherwise it is revoked, expired');
    expect(cause.explanation).not.toContain('five minutes');
    expect(h.ctx.autoChecks.watch.waiting).toBe(true);
    expect(h.ctx.autoChecks.nextCheckAt).not.toBeNull();
  });

  it('runs nothing automatically in an untrusted workspace, even with autoCheck on', async () => {
    shim.trusted = false;
    await h.fake.secrets.storage.store(SECRET_NAME, TEST_KEYS.codestral);
    await h.ctx.autoChecks.startUp();
    await h.ctx.autoChecks.storedKeyChanged();
    h.ctx.autoChecks.request();
    expect(h.ctx.autoChecks.allowed()).toBe(false);
    expect(h.emulator.requests).toHaveLength(0);
    expect(h.ctx.checker.result).toBeNull();
  });

  it('runs nothing automatically when autoCheck is off', async () => {
    shim.configuration.set('mistralKeyDoctor.autoCheck', false);
    await h.fake.secrets.storage.store(SECRET_NAME, TEST_KEYS.codestral);
    await h.ctx.autoChecks.startUp();
    await h.ctx.autoChecks.storedKeyChanged();
    expect(h.emulator.requests).toHaveLength(0);
  });

  it('after a 429 schedules a re-check on its own and shows when, in the status item and the panel', async () => {
    h.emulator.setScenario('rate-limited');
    await h.fake.secrets.storage.store(SECRET_NAME, TEST_KEYS.console);
    await h.ctx.autoChecks.startUp();
    await until(() => h.ctx.checker.result !== null, 'the automatic check');
    expect(h.ctx.checker.result!.diagnosis.cause.id).toBe('rate-limited');
    const next = h.ctx.autoChecks.nextCheckAt!;
    // The 429 said Retry-After: 30, longer than the first backoff step.
    expect(next - Date.now()).toBeGreaterThan(RETRY_FIRST_DELAY_MS);
    expect(next - Date.now()).toBeLessThanOrEqual(30_000);
    expect(h.ctx.panelView().nextCheckAt).toBe(next);
    expect(h.ctx.statusView().tooltip).toContain('Next automatic check at');
  });

  describe('one probe per key, not per window', () => {
    afterEach(() => { vi.useRealTimers(); });

    /** A key stored long ago (not waiting to become active), checked at start-up by the first window. */
    async function firstWindowChecks(): Promise<void> {
      vi.useFakeTimers({ toFake: ['Date'] });
      await h.fake.secrets.storage.store(SECRET_NAME, TEST_KEYS.codestral);
      await h.ctx.autoChecks.startUp();
      await until(() => h.ctx.checker.result !== null, 'the first window\'s check');
      expect(h.emulator.requests).toHaveLength(2);
    }

    it('a window starting minutes after another window checked the key shows that verdict without probing', async () => {
      await firstWindowChecks();
      vi.setSystemTime(Date.now() + RECENT_PROBE_MS - 10_000);
      // Another window, another folder: nothing of the first window's workspace state.
      h.fake.workspaceState.values.clear();
      const second = h.reload();
      expect(second.checker.result).toBeNull();
      await second.autoChecks.startUp();
      expect(second.checker.result?.diagnosis.cause.id).toBe('codestral-key-on-api-host');
      expect(second.checker.result?.diagnosis.key.fingerprint).toBe(h.ctx.checker.result!.diagnosis.key.fingerprint);
      expect(second.checker.checking).toBe(false);
      expect(h.emulator.requests).toHaveLength(2);
    });

    it('probes again once the last check is more than a few minutes old', async () => {
      await firstWindowChecks();
      vi.setSystemTime(Date.now() + RECENT_PROBE_MS + 1_000);
      const second = h.reload();
      await second.autoChecks.startUp();
      await until(() => h.emulator.requests.length === 4, 'the second window\'s own check');
    });

    it('forgets the shared verdict when the stored key is removed', async () => {
      await firstWindowChecks();
      expect(JSON.stringify([...h.fake.globalState.values])).toContain('CdSt…j5Ga');
      h.prompts.enqueue({ kind: 'message', action: 'Remove', match: 'Remove the stored Mistral key' });
      await removeKey(h.ctx);
      expect(JSON.stringify([...h.fake.globalState.values])).not.toContain('CdSt…j5Ga');
    });

    it('probes a different key at once, whatever another window checked', async () => {
      await firstWindowChecks();
      await h.fake.secrets.storage.store(SECRET_NAME, TEST_KEYS.console);
      const second = h.reload();
      await second.autoChecks.startUp();
      await until(() => second.checker.result?.diagnosis.key.fingerprint === 'CnsL…j5Ue', 'the check of the new key');
      expect(h.emulator.requests).toHaveLength(4);
    });
  });
});
