// Automatic checks through the real engine and the emulator: bursts coalesce, nothing runs in an
// untrusted workspace or with autoCheck off, and a 429 schedules a visible re-check.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_KEYS } from '../../../../src/emulator';
import { SECRET_NAME } from '../../../../src/extension/key/keyStore';
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
});
