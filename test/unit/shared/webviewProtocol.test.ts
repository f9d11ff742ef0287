import { describe, expect, it } from 'vitest';
import { fromWebviewSchema, toWebviewSchema } from '../../../src/shared/webviewProtocol';
import { buildPanelView } from '../../../src/extension/panel/panelView';
import { codestralKeyForCline, resultFor } from '../extension/diagnosisFixtures';

describe('webview protocol', () => {
  it('accepts every message the panel sends', () => {
    for (const message of [
      { type: 'ready' }, { type: 'recheck' }, { type: 'setKey' }, { type: 'copyReport' }, { type: 'pinModel' },
      { type: 'selectTool', tool: 'roo' }, { type: 'openLink', url: 'https://console.mistral.ai/api-keys' },
    ]) expect(fromWebviewSchema.safeParse(message).success, JSON.stringify(message)).toBe(true);
  });

  it('refuses unknown types, unknown tools and missing fields', () => {
    for (const message of [null, 'ready', {}, { type: 'eval', code: '1' }, { type: 'selectTool', tool: 'vim' }, { type: 'openLink' }, { type: 'openLink', url: 42 }]) {
      expect(fromWebviewSchema.safeParse(message).success, JSON.stringify(message)).toBe(false);
    }
  });

  it('round-trips a render message and refuses a tampered one', () => {
    const message = { type: 'render', view: buildPanelView({ tool: 'cline', detection: null, settingsNotes: [], checking: false, result: resultFor(codestralKeyForCline()), nextCheckAt: null }) };
    expect(toWebviewSchema.parse(JSON.parse(JSON.stringify(message)))).toEqual(message);
    const tampered = JSON.parse(JSON.stringify(message)) as { view: { result: { hosts: { outcome: string }[] } } };
    tampered.view.result.hosts[0]!.outcome = 'hacked';
    expect(toWebviewSchema.safeParse(tampered).success).toBe(false);
  });
});
