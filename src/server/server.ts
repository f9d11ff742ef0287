// The config language server: `node dist/server.js --stdio` (or IPC when started by the extension).
// Diagnoses Mistral models, keys and base URLs in the config files of coding assistants. Every
// message is validated before use; git runs only in a workspace the client says is trusted.
import {
  CodeActionKind, TextDocumentSyncKind, type InitializeResult,
} from 'vscode-languageserver/node';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { version } from '../../package.json';
import { DEFAULT_PREFERRED_CODESTRAL_MODEL } from '../core/defaults';
import { checkWriteTarget, toolConfigFolders } from '../core/writeTarget';
import type { KeyKind, ModelCard } from '../core/diagnosis';
import { isExampleFileName } from '../shared/configFiles';
import { PIN_MODEL_CODE_ACTION_KIND } from '../shared/diagnosticCodes';
import {
  initializationOptionsSchema, LSP_METHODS, pinModelParamsSchema, probeLearntSchema,
  serverSettingsSchema, workspaceTrustSchema, type ProbeLearnt,
} from '../shared/lspProtocol';
import { analyzeConfig, type ConfigAnalysis } from './analyzeConfig';
import { AnalysisScheduler } from './analysisScheduler';
import { codeActionsFor } from './codeActions';
import { DocumentStore, type OpenDocument } from './documentStore';
import { gitStatus } from '../shared/gitStatus';
import { loadLocaleBundle } from './localeBundle';
import { toDiagnostic } from './lspDiagnostics';
import { moveKeyToEnvEdit } from './moveKeyToEnv';
import { pinModelEdit } from './pinModel';
import {
  codeActionParamsSchema, didChangeParamsSchema, didOpenParamsSchema, documentOnlyParamsSchema, firstIssue,
} from './requestParams';
import type { RuleContext } from './rules/finding';
import { createServerConnection } from './serverConnection';
import { editCapabilitiesOf, type EditCapabilities } from './workspaceEdits';

const { connection } = createServerConnection();
const log = (message: string): void => connection.console.warn(message);
const documents = new DocumentStore(log);

let preferredCodestralModel = DEFAULT_PREFERRED_CODESTRAL_MODEL;
let pinnedNow: Date | null = null;
let liveModels: ModelCard[] | null = null;
let workspaceTrusted = false;
/** The client's workspace folders (local paths): where fixes may write, with the tools' own folders. */
let workspaceFolders: string[] = [];
/** Commands the client said it runs itself; only actions carrying one of them are offered. */
let clientCommands: ReadonlySet<string> = new Set();
let editCapabilities: EditCapabilities = { documentChanges: false, createFiles: false, disabledActions: false };
const keyKinds = new Map<string, KeyKind>();
const analyses = new Map<string, { version: number; analysis: ConfigAnalysis }>();
const trackedFiles = new Map<string, boolean>();
const git = gitStatus(() => workspaceTrusted);

function learn(learnt: ProbeLearnt): void {
  keyKinds.set(learnt.fingerprint, learnt.keyKind);
  if (learnt.models) liveModels = learnt.models;
}

connection.onInitialize((params): InitializeResult => {
  const locale = typeof params?.locale === 'string' ? params.locale : undefined;
  const warning = loadLocaleBundle(locale, __dirname);
  if (warning) log(warning);
  const options = initializationOptionsSchema.safeParse(params?.initializationOptions ?? {});
  if (options.success) {
    preferredCodestralModel = options.data.preferredCodestralModel;
    pinnedNow = options.data.now ? new Date(options.data.now) : null;
    workspaceTrusted = options.data.workspaceTrusted;
    clientCommands = new Set(options.data.clientCommands);
    options.data.learnt.forEach(learn);
  } else {
    log(`Ignored invalid initializationOptions (${firstIssue(options.error)}); using defaults.`);
  }
  editCapabilities = editCapabilitiesOf(params?.capabilities);
  workspaceFolders = localFolders(params?.workspaceFolders?.map((folder) => folder?.uri) ?? [params?.rootUri]);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, PIN_MODEL_CODE_ACTION_KIND] },
    },
    // No executeCommandProvider: the server runs no command, and offers none the client has not named.
    serverInfo: { name: 'mistral-key-doctor-config', version },
  };
});

function localFolders(uris: unknown[]): string[] {
  return uris.flatMap((uri) => {
    if (typeof uri !== 'string' || !uri.startsWith('file:')) return [];
    try {
      return [fileURLToPath(uri)];
    } catch {
      return [];
    }
  });
}

/** Why a fix may not write into this document's file (a symlink, outside the workspace), or null. */
async function writeRefusal(open: OpenDocument): Promise<string | null> {
  if (!open.filePath) return null;
  // Without workspace folders, the file's own folder: a symlink is still refused.
  const roots = workspaceFolders.length > 0 ? [...workspaceFolders, ...toolConfigFolders()] : [path.dirname(open.filePath)];
  const target = await checkWriteTarget(open.filePath, roots);
  return target.ok ? null : target.reason;
}

/**
 * Whether git tracks the file, without making diagnostics wait for git: the first answer is
 * "not tracked", and when git later says otherwise the document is checked again. Untrusted: never asked.
 */
function isTracked(open: OpenDocument): boolean {
  const { filePath } = open;
  if (!filePath || !workspaceTrusted) return false;
  const known = trackedFiles.get(filePath);
  if (known !== undefined) return known;
  trackedFiles.set(filePath, false);
  // Spawning git costs milliseconds of this thread: do it after the diagnostics went out.
  setImmediate(() => void git.isTracked(filePath).then((tracked) => {
    if (tracked !== true || trackedFiles.get(filePath) !== false) return;
    trackedFiles.set(filePath, true);
    analyses.delete(open.document.uri);
    if (documents.get(open.document.uri)) scheduler.runNow(open.document.uri);
  }));
  return false;
}

function analysisOf(open: OpenDocument): ConfigAnalysis {
  const { document } = open;
  const cached = analyses.get(document.uri);
  if (cached?.version === document.version) return cached.analysis;
  const ctx: RuleContext = {
    now: pinnedNow ?? new Date(),
    preferredCodestralModel,
    models: liveModels,
    keyKindOf: (fingerprint) => keyKinds.get(fingerprint),
    gitTracked: isTracked(open),
    exampleFile: isExampleFileName(open.name),
  };
  const analysis = analyzeConfig(open.kind, document.getText(), ctx);
  analyses.set(document.uri, { version: document.version, analysis });
  return analysis;
}

function publish(uri: string): void {
  const open = documents.get(uri);
  if (!open) return;
  const analysis = analysisOf(open);
  const diagnostics = analysis.findings.map((finding) => toDiagnostic(open.document, finding));
  void connection.sendDiagnostics({ uri, version: open.document.version, diagnostics });
}

const scheduler = new AnalysisScheduler(publish);

function revalidateAll(): void {
  analyses.clear();
  for (const open of documents.all()) scheduler.runNow(open.document.uri);
}

/** The URI a malformed message names, for the log line; `?` when it names none. */
function uriIn(raw: unknown): string {
  const uri = (raw as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
  return typeof uri === 'string' ? uri : '?';
}

connection.onDidOpenTextDocument((raw) => {
  const params = didOpenParamsSchema.safeParse(raw);
  if (!params.success) {
    documents.skip(uriIn(raw), `invalid didOpen (${firstIssue(params.error)})`);
    return;
  }
  const { uri, languageId, version, text } = params.data.textDocument;
  analyses.delete(uri);
  if (documents.openDocument(uri, languageId, version, text)) scheduler.runNow(uri);
});

connection.onDidChangeTextDocument((raw) => {
  const params = didChangeParamsSchema.safeParse(raw);
  if (!params.success) {
    documents.skip(uriIn(raw), `invalid didChange (${firstIssue(params.error)})`);
    return;
  }
  const { uri, version } = params.data.textDocument;
  if (documents.change(uri, version, params.data.contentChanges)) scheduler.changed(uri);
});

connection.onDidSaveTextDocument((raw) => {
  const params = documentOnlyParamsSchema.safeParse(raw);
  const filePath = params.success ? documents.get(params.data.textDocument.uri)?.filePath : null;
  if (filePath) trackedFiles.delete(filePath);
});

connection.onDidCloseTextDocument((raw) => {
  const params = documentOnlyParamsSchema.safeParse(raw);
  if (!params.success) return;
  const { uri } = params.data.textDocument;
  scheduler.forget(uri);
  analyses.delete(uri);
  if (documents.close(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
});

connection.onCodeAction(async (raw) => {
  const params = codeActionParamsSchema.safeParse(raw);
  if (!params.success) {
    log(`Ignored an invalid code-action request (${firstIssue(params.error)}).`);
    return [];
  }
  const open = documents.get(params.data.textDocument.uri);
  if (!open) return [];
  const { document, filePath } = open;
  return codeActionsFor({
    writeRefusal: await writeRefusal(open),
    document,
    analysis: analysisOf(open),
    range: params.data.range,
    diagnostics: params.data.context.diagnostics,
    only: params.data.context.only,
    capabilities: editCapabilities,
    clientCommands,
    moveKeyToEnv: filePath
      ? (fix) => moveKeyToEnvEdit({
        document, configPath: filePath, key: fix.key, openDocument: (uri) => documents.get(uri)?.document, git, capabilities: editCapabilities, workspaceFolders,
      })
      : null,
  });
});

connection.onRequest(LSP_METHODS.pinModel, async (raw: unknown) => {
  const params = pinModelParamsSchema.safeParse(raw);
  if (!params.success) return { edit: null, pinned: 0, message: `Invalid ${LSP_METHODS.pinModel} request (${firstIssue(params.error)}).` };
  const open = documents.get(params.data.uri);
  if (!open) return { edit: null, pinned: 0, message: `${params.data.uri} is not an open config document.` };
  const refusal = await writeRefusal(open);
  if (refusal) return { edit: null, pinned: 0, message: refusal };
  return pinModelEdit(open.document, analysisOf(open), params.data.model, editCapabilities);
});

connection.onNotification(LSP_METHODS.probeLearnt, (raw: unknown) => {
  const learnt = probeLearntSchema.safeParse(raw);
  if (!learnt.success) {
    log(`Ignored an invalid ${LSP_METHODS.probeLearnt} message: ${firstIssue(learnt.error)}.`);
    return;
  }
  learn(learnt.data);
  revalidateAll();
});

connection.onNotification(LSP_METHODS.settingsChanged, (raw: unknown) => {
  const settings = serverSettingsSchema.safeParse(raw);
  if (!settings.success) {
    log(`Ignored an invalid ${LSP_METHODS.settingsChanged} message.`);
    return;
  }
  preferredCodestralModel = settings.data.preferredCodestralModel;
  revalidateAll();
});

connection.onNotification(LSP_METHODS.workspaceTrust, (raw: unknown) => {
  const trust = workspaceTrustSchema.safeParse(raw);
  if (!trust.success) {
    log(`Ignored an invalid ${LSP_METHODS.workspaceTrust} message.`);
    return;
  }
  if (trust.data.trusted === workspaceTrusted) return;
  workspaceTrusted = trust.data.trusted;
  trackedFiles.clear();
  revalidateAll();
});

connection.listen();
