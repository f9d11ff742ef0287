// The diagnostics panel: one at a time, content only from media/, and a typed message protocol
// validated on arrival. A serializer brings it back after a reload with the last result.
import * as vscode from 'vscode';
import { fromWebviewSchema, toWebviewSchema, type FromWebviewMessage, type PanelView, type ToWebviewMessage } from '../../shared/webviewProtocol';
import { renderPanelHtml } from './panelHtml';

export const PANEL_VIEW_TYPE = 'mistralKeyDoctor.diagnostics';
const PANEL_TITLE = 'Mistral Key Doctor';

export interface PanelEvents {
  /** A validated message other than `ready`. */
  onMessage(message: Exclude<FromWebviewMessage, { type: 'ready' }>): void;
  /** An inbound message that failed validation (it is dropped). */
  onInvalidMessage(issue: string): void;
}

/** Sees every HTML render and outbound message (the extension-host tests record them). */
export interface PanelRecorder {
  html(html: string): void;
  posted(message: ToWebviewMessage): void;
}

export class DiagnosticsPanel {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly currentView: () => PanelView,
    private readonly events: PanelEvents,
    private readonly recorder?: PanelRecorder,
  ) {}

  get isOpen(): boolean {
    return this.panel !== undefined;
  }

  /** Restores the panel VS Code kept across a reload. */
  registerSerializer(): vscode.Disposable {
    return vscode.window.registerWebviewPanelSerializer(PANEL_VIEW_TYPE, {
      deserializeWebviewPanel: (panel: vscode.WebviewPanel) => {
        if (this.panel) panel.dispose();
        else this.adopt(panel);
        return Promise.resolve();
      },
    });
  }

  show(): void {
    if (this.panel) {
      this.panel.reveal(this.panel.viewColumn ?? vscode.ViewColumn.Active);
      this.refresh();
      return;
    }
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, PANEL_TITLE, vscode.ViewColumn.Active, this.options());
    this.adopt(panel);
  }

  /** Re-renders with the current view once the webview is ready; a no-op when the panel is closed. */
  refresh(): void {
    if (!this.panel || !this.ready) return;
    const message: ToWebviewMessage = toWebviewSchema.parse({ type: 'render', view: this.currentView() });
    this.recorder?.posted(message);
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    this.panel?.dispose();
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return {
      enableScripts: true,
      enableCommandUris: false,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'media')],
    };
  }

  private adopt(panel: vscode.WebviewPanel): void {
    const media = vscode.Uri.joinPath(this.extensionUri, 'media');
    panel.webview.options = this.options();
    panel.iconPath = vscode.Uri.joinPath(media, 'icon.png');
    this.panel = panel;
    this.ready = false;
    panel.onDidDispose(() => {
      if (this.panel === panel) this.panel = undefined;
      this.ready = false;
    });
    panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw));
    const html = renderPanelHtml({
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'webview.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(media, 'panel.css')).toString(),
      language: vscode.env.language,
      initialView: toWebviewSchema.parse({ type: 'render', view: this.currentView() }).view,
    });
    this.recorder?.html(html);
    panel.webview.html = html;
  }

  /** A message from the webview: validated, then routed (or dropped with a log line). */
  receive(raw: unknown): void {
    const parsed = fromWebviewSchema.safeParse(raw);
    if (!parsed.success) {
      this.events.onInvalidMessage(parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; '));
      return;
    }
    if (parsed.data.type === 'ready') {
      this.ready = true;
      this.refresh();
      return;
    }
    this.events.onMessage(parsed.data);
  }
}
