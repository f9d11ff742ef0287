import { beforeEach, describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import { FakeWebviewPanel, shim } from '../../vscode-shim';
import { DiagnosticsPanel, PANEL_VIEW_TYPE } from '../../../../src/extension/panel/diagnosticsPanel';
import { buildPanelView } from '../../../../src/extension/panel/panelView';
import type { FromWebviewMessage } from '../../../../src/shared/webviewProtocol';
import { codestralKeyForCline, resultFor } from '../diagnosisFixtures';

function setUp() {
  const received: FromWebviewMessage[] = [];
  const invalid: string[] = [];
  const panel = new DiagnosticsPanel(
    vscode.Uri.file('/ext'),
    () => buildPanelView({ tool: 'cline', detection: null, settingsNotes: [], checking: false, result: resultFor(codestralKeyForCline()), nextCheckAt: null }),
    { onMessage: (m) => received.push(m), onInvalidMessage: (issue) => invalid.push(issue) },
  );
  return { panel, received, invalid };
}

describe('DiagnosticsPanel', () => {
  beforeEach(() => shim.reset());

  it('opens one panel, limited to media/, with scripts but no command URIs', () => {
    const { panel } = setUp();
    panel.show();
    panel.show();
    expect(shim.panels).toHaveLength(1);
    const [webviewPanel] = shim.panels;
    expect(webviewPanel!.viewType).toBe(PANEL_VIEW_TYPE);
    expect(webviewPanel!.title).toBe('Mistral Key Doctor');
    expect(webviewPanel!.revealed).toBe(1);
    expect(webviewPanel!.options).toMatchObject({ enableScripts: true, enableCommandUris: false });
    expect((webviewPanel!.options.localResourceRoots as vscode.Uri[]).map(String)).toEqual(['file:///ext/media']);
    expect(webviewPanel!.webview.html).toContain("default-src 'none'");
  });

  it('posts nothing before the ready handshake, then renders the current view', () => {
    const { panel } = setUp();
    panel.show();
    const webviewPanel = shim.panels[0]!;
    panel.refresh();
    expect(webviewPanel.posted).toEqual([]);
    webviewPanel.receive({ type: 'ready' });
    expect(webviewPanel.posted).toHaveLength(1);
    expect(webviewPanel.posted[0]).toMatchObject({ type: 'render', view: { tool: 'cline', result: { verdict: 'It does not work for Cline.' } } });
  });

  it('passes valid messages on and drops invalid ones with a logged reason', () => {
    const { panel, received, invalid } = setUp();
    panel.show();
    const webviewPanel = shim.panels[0]!;
    webviewPanel.receive({ type: 'selectTool', tool: 'continue' });
    webviewPanel.receive({ type: 'selectTool', tool: 'emacs' });
    webviewPanel.receive({ type: 'runCommand', command: 'workbench.action.terminal.new' });
    webviewPanel.receive('recheck');
    webviewPanel.receive({ type: 'openLink', url: 'x'.repeat(5000) });
    expect(received).toEqual([{ type: 'selectTool', tool: 'continue' }]);
    expect(invalid).toHaveLength(4);
  });

  it('opens a new panel with a fresh nonce after the old one was closed', () => {
    const { panel } = setUp();
    panel.show();
    shim.panels[0]!.dispose();
    expect(panel.isOpen).toBe(false);
    panel.show();
    const nonce = (html: string) => /'nonce-([^']+)'/.exec(html)![1];
    expect(shim.panels).toHaveLength(2);
    expect(nonce(shim.panels[1]!.webview.html)).not.toBe(nonce(shim.panels[0]!.webview.html));
  });

  it('puts the first view into the page, so content shows before any message', () => {
    const { panel } = setUp();
    panel.show();
    const html = shim.panels[0]!.webview.html;
    const data = /<script type="application\/json" id="initial-view">([^<]*)<\/script>/.exec(html);
    expect(JSON.parse(data![1]!)).toMatchObject({ tool: 'cline', result: { verdict: 'It does not work for Cline.' } });
  });

  it('restores a panel VS Code kept across a reload, with the current view', async () => {
    const { panel } = setUp();
    panel.registerSerializer();
    const restored = new FakeWebviewPanel(PANEL_VIEW_TYPE, 'Mistral Key Doctor', {});
    await shim.serializers.get(PANEL_VIEW_TYPE)!.deserializeWebviewPanel(restored, { panel: 'diagnostics' });
    expect(panel.isOpen).toBe(true);
    expect(restored.webview.html).toContain('It does not work for Cline.');
    expect(restored.webview.options).toMatchObject({ enableScripts: true, enableCommandUris: false });
    restored.receive({ type: 'ready' });
    expect(restored.posted).toHaveLength(1);
  });
});
