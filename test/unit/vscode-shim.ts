// The slice of the `vscode` API that unit tests need, aliased to `vscode` by vitest.config.mts.
// Behaviour lives in small fakes that tests can inspect (`shim.*`); nothing here talks to VS Code.

type Listener<T> = (event: T) => unknown;

export class Disposable {
  constructor(private readonly onDispose: () => void = () => {}) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((item) => item.dispose()));
  }
  dispose(): void {
    this.onDispose();
  }
}

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>): Disposable => {
    this.listeners.push(listener);
    return new Disposable(() => { this.listeners = this.listeners.filter((l) => l !== listener); });
  };
  fire(data: T): void {
    for (const listener of [...this.listeners]) listener(data);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class Uri {
  private constructor(readonly scheme: string, readonly path: string) {}
  static parse(value: string): Uri {
    const url = new URL(value);
    return new Uri(url.protocol.replace(/:$/, ''), value.slice(url.protocol.length));
  }
  static file(path: string): Uri {
    return new Uri('file', path);
  }
  static joinPath(base: Uri, ...segments: string[]): Uri {
    return new Uri(base.scheme, [base.path.replace(/\/$/, ''), ...segments].join('/'));
  }
  get fsPath(): string {
    return this.path;
  }
  toString(): string {
    return this.scheme === 'file' ? `file://${this.path}` : `${this.scheme}:${this.path}`;
  }
}

export class RelativePattern {
  constructor(readonly baseUri: Uri, readonly pattern: string) {}
}

/** A file-system watcher whose events tests fire (`shim.fileWatchers`). */
export class FakeFileSystemWatcher {
  readonly changed = new EventEmitter<Uri>();
  readonly created = new EventEmitter<Uri>();
  readonly deleted = new EventEmitter<Uri>();
  readonly onDidChange = this.changed.event;
  readonly onDidCreate = this.created.event;
  readonly onDidDelete = this.deleted.event;
  disposed = false;
  constructor(readonly pattern: RelativePattern) {}
  dispose(): void {
    this.disposed = true;
  }
}

export class ThemeColor {
  constructor(readonly id: string) {}
}

export class MarkdownString {
  isTrusted?: boolean | { enabledCommands: readonly string[] };
  supportThemeIcons?: boolean;
  constructor(public value = '') {}
}

export class Position {
  constructor(readonly line: number, readonly character: number) {}
}

export enum StatusBarAlignment { Left = 1, Right = 2 }
export enum QuickPickItemKind { Separator = -1, Default = 0 }
export enum ViewColumn { Active = -1, One = 1 }
export enum ConfigurationTarget { Global = 1, Workspace = 2, WorkspaceFolder = 3 }
export enum ExtensionMode { Production = 1, Development = 2, Test = 3 }
export enum ProgressLocation { SourceControl = 1, Window = 10, Notification = 15 }
export enum InputBoxValidationSeverity { Info = 1, Warning = 2, Error = 3 }

function format(message: string, args: unknown[]): string {
  return message.replace(/\{(\d+)\}/g, (match, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : match));
}

export const l10n = {
  bundle: undefined as Record<string, string> | undefined,
  t(message: string, ...args: unknown[]): string {
    return format(message, args);
  },
};

/** A webview panel that records what the extension did with it. */
export class FakeWebviewPanel {
  readonly posted: unknown[] = [];
  private readonly received = new EventEmitter<unknown>();
  private readonly disposed = new EventEmitter<void>();
  iconPath: unknown;
  visible = true;
  viewColumn = ViewColumn.One;
  revealed = 0;
  readonly webview = {
    html: '',
    options: {} as Record<string, unknown>,
    cspSource: 'https://webview.test',
    asWebviewUri: (uri: Uri) => Uri.parse(`https://webview.test${uri.path}`),
    postMessage: async (message: unknown) => { this.posted.push(message); return true; },
    onDidReceiveMessage: this.received.event,
  };
  readonly onDidDispose = this.disposed.event;
  constructor(readonly viewType: string, readonly title: string, readonly options: Record<string, unknown>) {}
  /** Test helper: the webview posts a message to the extension. */
  receive(message: unknown): void {
    this.received.fire(message);
  }
  reveal(): void {
    this.revealed += 1;
  }
  dispose(): void {
    this.disposed.fire();
  }
}

export const shim = {
  panels: [] as FakeWebviewPanel[],
  configuration: new Map<string, unknown>(),
  workspaceConfiguration: new Map<string, unknown>(),
  trusted: true,
  workspaceFolders: [] as { uri: Uri; name: string; index: number }[],
  clipboard: '',
  opened: [] as string[],
  executed: [] as { command: string; args: unknown[] }[],
  registered: new Map<string, (...args: unknown[]) => unknown>(),
  errors: [] as string[],
  statusItems: [] as FakeStatusBarItem[],
  failStatusBarItem: false,
  fileWatchers: [] as FakeFileSystemWatcher[],
  serializers: new Map<string, { deserializeWebviewPanel(panel: FakeWebviewPanel, state: unknown): Promise<void> | void }>(),
  extensions: [] as { id: string; packageJSON: { version?: string } }[],
  reset(): void {
    shim.fileWatchers.length = 0;
    shim.serializers.clear();
    shim.extensions = [];
    shim.registered.clear();
    shim.errors.length = 0;
    shim.statusItems.length = 0;
    shim.failStatusBarItem = false;
    shim.panels.length = 0;
    shim.configuration.clear();
    shim.workspaceConfiguration.clear();
    shim.trusted = true;
    shim.workspaceFolders = [];
    shim.clipboard = '';
    shim.opened.length = 0;
    shim.executed.length = 0;
  },
};

export class FakeStatusBarItem {
  text = '';
  name = '';
  command: unknown;
  tooltip: unknown;
  backgroundColor: ThemeColor | undefined;
  accessibilityInformation: unknown;
  visible = false;
  constructor(readonly id: string) {}
  show(): void { this.visible = true; }
  hide(): void { this.visible = false; }
  dispose(): void { this.visible = false; }
}

export const window = {
  createStatusBarItem(id: string): FakeStatusBarItem {
    if (shim.failStatusBarItem) throw new Error('status bar unavailable');
    const item = new FakeStatusBarItem(id);
    shim.statusItems.push(item);
    return item;
  },
  createOutputChannel: () => ({ info() {}, warn() {}, error() {}, show() {}, dispose() {} }),
  registerWebviewPanelSerializer(viewType: string, serializer: { deserializeWebviewPanel(panel: FakeWebviewPanel, state: unknown): Promise<void> | void }): Disposable {
    shim.serializers.set(viewType, serializer);
    return new Disposable(() => shim.serializers.delete(viewType));
  },
  createWebviewPanel(viewType: string, title: string, _column: unknown, options: Record<string, unknown>): FakeWebviewPanel {
    const panel = new FakeWebviewPanel(viewType, title, options);
    shim.panels.push(panel);
    return panel;
  },
  showInputBox: async () => undefined,
  showQuickPick: async () => undefined,
  showInformationMessage: async () => undefined,
  showWarningMessage: async () => undefined,
  showErrorMessage: async (message: string) => { shim.errors.push(message); return undefined; },
  async withProgress<T>(_options: unknown, task: (progress: { report(value: unknown): void }, token: { isCancellationRequested: boolean; onCancellationRequested: (listener: () => void) => Disposable }) => Promise<T>): Promise<T> {
    return task({ report: () => {} }, { isCancellationRequested: false, onCancellationRequested: () => new Disposable() });
  },
};

export const commands = {
  registerCommand(id: string, run: (...args: unknown[]) => unknown): Disposable {
    shim.registered.set(id, run);
    return new Disposable(() => shim.registered.delete(id));
  },
  async executeCommand(command: string, ...args: unknown[]): Promise<unknown> {
    shim.executed.push({ command, args });
    return undefined;
  },
  async getCommands(): Promise<string[]> {
    return [...shim.registered.keys()];
  },
};

export const languages = {
  getDiagnostics: () => [] as unknown[],
  onDidChangeDiagnostics: () => new Disposable(),
  match: () => 0,
};

export const extensions = {
  getExtension: () => ({ packageJSON: { version: '0.0.0-test' } }),
  get all() {
    return shim.extensions;
  },
  onDidChange: () => new Disposable(),
};

export const version = '1.100.0-shim';

function configurationSection(section: string) {
  const key = (name: string) => `${section}.${name}`;
  return {
    get<T>(name: string, fallback?: T): T | undefined {
      const full = key(name);
      if (shim.workspaceConfiguration.has(full)) return shim.workspaceConfiguration.get(full) as T;
      if (shim.configuration.has(full)) return shim.configuration.get(full) as T;
      return fallback;
    },
    inspect<T>(name: string) {
      const full = key(name);
      return {
        key: full,
        globalValue: shim.configuration.get(full) as T | undefined,
        workspaceValue: shim.workspaceConfiguration.get(full) as T | undefined,
      };
    },
    has(name: string): boolean {
      return shim.configuration.has(key(name)) || shim.workspaceConfiguration.has(key(name));
    },
    async update(name: string, value: unknown, target: ConfigurationTarget = ConfigurationTarget.Global): Promise<void> {
      (target === ConfigurationTarget.Global ? shim.configuration : shim.workspaceConfiguration).set(key(name), value);
    },
  };
}

export const workspace = {
  getConfiguration: (section: string) => configurationSection(section),
  get isTrusted(): boolean {
    return shim.trusted;
  },
  get workspaceFolders() {
    return shim.workspaceFolders.length > 0 ? shim.workspaceFolders : undefined;
  },
  asRelativePath: (value: Uri | string) => String(value),
  textDocuments: [] as unknown[],
  onDidChangeConfiguration: () => new Disposable(),
  onDidGrantWorkspaceTrust: () => new Disposable(),
  onDidOpenTextDocument: () => new Disposable(),
  createFileSystemWatcher(pattern: RelativePattern): FakeFileSystemWatcher {
    const watcher = new FakeFileSystemWatcher(pattern);
    shim.fileWatchers.push(watcher);
    return watcher;
  },
};

export const env = {
  language: 'en',
  clipboard: {
    readText: async () => shim.clipboard,
    writeText: async (text: string) => { shim.clipboard = text; },
  },
  openExternal: async (uri: Uri) => { shim.opened.push(uri.toString()); return true; },
};
