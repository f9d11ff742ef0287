// The client side of the config language server. Nothing starts at activation: the first time a
// config file the server understands is open, `vscode-languageclient` is loaded and the server
// (dist/server.js, over IPC) started. Probe results are remembered and forwarded by fingerprint.
// The initialization options are computed at every (re)start, so a restarted server knows what the
// last probes learnt, the trust and the preferred pin. When the server dies too often the client
// stops restarting it: the extension says so, with a button to restart it, and restarts it on the
// next config file opened.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Diagnosis, ModelCard } from '../../core/diagnosis';
import { configDocumentSelector } from '../../shared/configFiles';
import { CHECK_KEY_IN_FILE_COMMAND, LSP_METHODS, type LspNotificationParams, type ProbeLearnt } from '../../shared/lspProtocol';
import type { Log } from '../log';
import { currentSettings, SETTINGS_SECTION } from '../settings';
import type { Prompts } from '../prompts';
import { RestartPolicy } from './restartPolicy';

/** The files the server diagnoses: built from the same catalogue as the server's `documentKindOf`. */
export const CONFIG_DOCUMENT_SELECTOR = configDocumentSelector();

const PREFERRED_MODEL_SETTING = `${SETTINGS_SECTION}.preferredCodestralModel`;

export interface ConfigLanguageClient extends vscode.Disposable {
  /** Tells the server what a probe learnt: the key's kind (by fingerprint) and the live models list. */
  notifyProbeLearnt(diagnosis: Diagnosis, models?: ModelCard[] | null): void;
}

function preferredCodestralModel(): string {
  return currentSettings().preferredCodestralModel;
}

export function registerConfigLanguageClient(
  context: vscode.ExtensionContext,
  log: Log & { channel?: vscode.LogOutputChannel },
  prompts: Pick<Prompts, 'warn'>,
): ConfigLanguageClient {
  const learnt = new Map<string, ProbeLearnt>();
  let client: LanguageClient | undefined;
  let starting: Promise<void> | undefined;
  let disposed = false;

  const send = (action: (running: LanguageClient) => Promise<void>): void => {
    if (client) action(client).catch((error: unknown) => log.warn(`Config language server notification failed: ${String(error)}`));
  };

  // By method name: the client lives in its own bundle, and this one carries no vscode-jsonrpc.
  const notify = <K extends keyof LspNotificationParams>(name: K, params: LspNotificationParams[K]): void =>
    send((running) => running.sendNotification(LSP_METHODS[name], params));

  const start = async (): Promise<void> => {
    // A bundle of its own, so activation never parses vscode-languageclient.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a runtime path esbuild must not bundle
    const { CloseAction, ErrorAction, LanguageClient, TransportKind } = require(context.asAbsolutePath('dist/languageClient.js')) as typeof import('./entry');
    const module = context.asAbsolutePath('dist/server.js');
    const restarts = new RestartPolicy();
    const started = new LanguageClient(
      'mistralKeyDoctor.configServer',
      'Mistral Key Doctor config server',
      { run: { module, transport: TransportKind.ipc }, debug: { module, transport: TransportKind.ipc } },
      {
        documentSelector: CONFIG_DOCUMENT_SELECTOR,
        ...(log.channel ? { outputChannel: log.channel } : {}),
        // A function: vscode-languageclient calls it at every start and restart.
        initializationOptions: () => {
          sentAtStart = new Set(learnt.values());
          return {
            preferredCodestralModel: preferredCodestralModel(), learnt: [...sentAtStart], workspaceTrusted: vscode.workspace.isTrusted,
            clientCommands: [CHECK_KEY_IN_FILE_COMMAND],
          };
        },
        errorHandler: {
          error: () => ({ action: ErrorAction.Continue, handled: true }),
          closed: () => {
            if (restarts.shouldRestart()) {
              log.warn('The config language server stopped; restarting it.');
              return { action: CloseAction.Restart, handled: true };
            }
            gaveUp(started);
            return { action: CloseAction.DoNotRestart, handled: true };
          },
        },
      },
    );
    let sentAtStart = new Set<ProbeLearnt>();
    await started.start();
    client = started;
    log.info('Config language server started.');
    for (const message of learnt.values()) {
      if (!sentAtStart.has(message)) notify('probeLearnt', message);
    }
  };

  const startNow = (): void => {
    if (starting || disposed) return;
    starting = start().catch((error: unknown) => {
      log.error(`Could not start the config language server (${context.asAbsolutePath('dist/server.js')}): ${String(error)}.`);
      starting = undefined;
    });
  };

  const startFor = (document: vscode.TextDocument): void => {
    if (vscode.languages.match(CONFIG_DOCUMENT_SELECTOR, document) === 0) return;
    startNow();
  };

  /** The client stopped restarting the server: a new client starts on request or with the next config file. */
  const gaveUp = (stopped: LanguageClient): void => {
    if (client === stopped) client = undefined;
    starting = undefined;
    setTimeout(() => void stopped.dispose().catch(() => undefined), 0);
    log.error('The config language server stopped too often and was not restarted: config files get no diagnostics until it restarts.');
    const t = vscode.l10n.t;
    const restart = t('Restart the config server');
    void prompts.warn(t('The Mistral Key Doctor config server stopped too often, so config files get no diagnostics. It restarts when you open a config file.'), restart)
      .then((answer) => {
        if (answer === restart) startNow();
      });
  };

  const subscriptions = [
    vscode.workspace.onDidOpenTextDocument(startFor),
    // The server runs git (which a folder's .git/config can turn into any command) only once trusted.
    vscode.workspace.onDidGrantWorkspaceTrust(() => notify('workspaceTrust', { trusted: true })),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(PREFERRED_MODEL_SETTING)) {
        notify('settingsChanged', { preferredCodestralModel: preferredCodestralModel() });
      }
    }),
  ];
  vscode.workspace.textDocuments.forEach(startFor);

  const handle: ConfigLanguageClient = {
    notifyProbeLearnt(diagnosis, models = null) {
      if (diagnosis.keyKind === 'unknown' || diagnosis.key.fingerprint === '…') return;
      const message: ProbeLearnt = { fingerprint: diagnosis.key.fingerprint, keyKind: diagnosis.keyKind, models };
      learnt.set(message.fingerprint, message);
      notify('probeLearnt', message);
    },
    dispose() {
      disposed = true;
      for (const subscription of subscriptions) subscription.dispose();
      client?.stop().catch(() => undefined);
    },
  };
  context.subscriptions.push(handle);
  return handle;
}
