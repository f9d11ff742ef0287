// The commands through the real engine and the emulator.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_KEYS } from '../../../src/emulator';
import { storedCandidate } from '../../../src/extension/check/candidates';
import { checkKey, pin, setKey, copySupportReport, statusMenu } from '../../../src/extension/commands';
import { SECRET_NAME } from '../../../src/extension/key/keyStore';
import { shim } from '../vscode-shim';
import { createHarness, type Harness } from './ctxHarness';

describe('commands', () => {
  let h: Harness;
  beforeEach(async () => { h = await createHarness(); });
  afterEach(async () => h.close());

  it('"Check Mistral key" offers to set a key when none is found anywhere, and sends nothing', async () => {
    h.prompts.enqueue({ kind: 'message', action: undefined });
    await checkKey(h.ctx);
    expect(h.prompts.shownMessages.at(-1)).toMatch(/^No Mistral key found/);
    expect(h.emulator.requests).toHaveLength(0);
  });

  it('"Check Mistral key" opens the panel in its checking state before the answer arrives', async () => {
    await h.fake.secrets.storage.store(SECRET_NAME, TEST_KEYS.console);
    const running = checkKey(h.ctx);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(shim.panels).toHaveLength(1);
    await running;
    expect(h.ctx.checker.result?.diagnosis.cause.id).toBe('ok');
  });

  it('"Set key" for Cline, which keeps its own copy, hands the key over: copied, Cline\'s settings opened', async () => {
    shim.registered.set('cline.settingsButtonClicked', () => undefined);
    h.prompts.enqueue({ kind: 'input', value: TEST_KEYS.console });
    h.prompts.enqueue({ kind: 'message', action: 'Copy it for Cline', match: 'Cline keeps its own copy' });
    await setKey(h.ctx);
    expect(shim.clipboard).toBe(TEST_KEYS.console);
    expect(shim.executed.map((e) => e.command)).toContain('cline.settingsButtonClicked');
    expect(h.prompts.shownMessages.at(-1)).toBe("Key CnsL…j5Ue is on the clipboard: paste it as the Mistral API key in Cline's settings.");
    expect(h.log.lines.join('\n')).not.toContain(TEST_KEYS.console);
  });

  it('"Set key" cleans a pasted key with a note instead of a question, stores it, checks it, and shows the key nowhere', async () => {
    h.prompts.enqueue({ kind: 'input', value: `"${TEST_KEYS.codestral}" ` });
    await setKey(h.ctx);
    expect(h.fake.secrets.values.get(SECRET_NAME)).toBe(TEST_KEYS.codestral);
    expect(h.prompts.shownMessages.some((m) => m.startsWith('Enter saves it as CdSt…j5Ga, cleaned:'))).toBe(true);
    expect(h.prompts.shownMessages.some((m) => m.startsWith('Mistral key CdSt…j5Ga stored; checking it now.'))).toBe(true);
    expect(h.ctx.checker.result?.diagnosis.cause.id).toBe('codestral-key-on-api-host');
    await copySupportReport(h.ctx);
    const shown = [...h.log.lines, ...h.prompts.shownMessages, shim.clipboard, JSON.stringify(h.ctx.statusView()), JSON.stringify(h.ctx.panelView())].join('\n');
    expect(shown).not.toContain(TEST_KEYS.codestral);
    expect(shim.clipboard).toContain('CdSt…j5Ga');
  });

  it('"Set key" refuses a masked copy in the box itself, with the reason', async () => {
    h.prompts.enqueue({ kind: 'input', value: 'CdSt...j5Ga' });
    await setKey(h.ctx);
    expect(h.fake.secrets.values.size).toBe(0);
    expect(h.prompts.shownMessages.at(-1)).toMatch(/masked form.*console\.mistral\.ai\/api-keys/);
  });

  it('"Pin the model" for Cline copies the id, names the setting, writes no setting, and the panel shows the pinned model', async () => {
    shim.configuration.set('mistralKeyDoctor.model', 'codestral-latest');
    await h.ctx.checker.check(storedCandidate(TEST_KEYS.console), { interactive: true });
    const suggested = h.ctx.checker.result!.diagnosis.model.suggestion!.id;
    await pin(h.ctx);
    expect(shim.clipboard).toBe(suggested);
    expect(shim.configuration.get('mistralKeyDoctor.model')).toBe('codestral-latest');
    expect(h.ctx.checker.result!.diagnosis.model.id).toBe(suggested);
    expect(h.ctx.panelView().result?.modelLine).toContain(suggested);
  });

  it('the status menu runs the command picked', async () => {
    h.prompts.enqueue({ kind: 'pick', match: 'Open log' });
    await statusMenu(h.ctx);
    expect(shim.executed.at(-1)?.command).toBe('mistralKeyDoctor.showLog');
  });
});
