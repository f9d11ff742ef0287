import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TEST_KEYS } from '../../../../src/emulator';
import { SECRET_NAME } from '../../../../src/extension/key/keyStore';
import { shim } from '../../vscode-shim';
import { createHarness, until, type Harness } from '../ctxHarness';

describe('routePanelMessage', () => {
  let h: Harness;
  beforeEach(async () => { h = await createHarness(); });
  afterEach(async () => h.close());

  it('re-checks for the host of the tool picked in the panel when it differs, and keeps the base URLs', async () => {
    shim.configuration.set('mistralKeyDoctor.model', 'codestral-2508');
    await h.fake.secrets.storage.store(SECRET_NAME, TEST_KEYS.codestral);
    h.ctx.panel.show();
    shim.panels[0]!.receive({ type: 'recheck' });
    await until(() => h.ctx.checker.result?.toolHost === 'api', 'the check for Cline');
    shim.panels[0]!.receive({ type: 'selectTool', tool: 'roo' });
    await until(() => h.ctx.checker.result?.toolHost === 'codestral', 'the re-check for Roo Code');
    expect(shim.configuration.get('mistralKeyDoctor.tool')).toBe('roo');
    expect(shim.configuration.get('mistralKeyDoctor.apiBaseUrl')).toBe(h.emulator.apiUrl);
    expect(h.ctx.checker.result!.diagnosis.worksForTarget).toBe(true);
    expect(h.ctx.checker.result!.diagnosis.hosts.codestral.url).toBe(h.emulator.codestralUrl.replace(/\/$/, ''));
  });

  it('opens only allowlisted pages', async () => {
    h.ctx.panel.show();
    for (const url of ['https://evil.example/console.mistral.ai', 'javascript:alert(1)', 'https://console.mistral.ai/api-keys']) shim.panels[0]!.receive({ type: 'openLink', url });
    await until(() => shim.opened.length === 1 && h.log.lines.filter((line) => line.startsWith('Refused to open')).length === 2, 'the three links handled');
    expect(shim.opened).toEqual(['https://console.mistral.ai/api-keys']);
  });
});
