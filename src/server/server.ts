// The config language server: `node dist/server.js --stdio` (or IPC when started by the extension).
// Diagnoses Mistral models, keys and base URLs in the config files of coding assistants.
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind, createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind,
  type ClientCapabilities, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_PREFERRED_CODESTRAL_MODEL } from '../core/defaults';
import type { KeyKind, ModelCard } from '../core/diagnosis';
import {
  initializationOptionsSchema, ProbeLearntNotification, probeLearntSchema, serverSettingsSchema,
  SettingsChangedNotification, type ProbeLearnt,
} from '../shared/lspProtocol';
import { analyzeConfig, type ConfigAnalysis } from './analyzeConfig';
import { codeActionsFor } from './codeActions';
import { documentKindOf } from './documentKinds';
import { isTrackedByGit } from './gitStatus';
import { loadLocaleBundle } from './localeBundle';
import { toDiagnostic } from './lspDiagnostics';
import { moveKeyToEnvEdit } from './moveKeyToEnv';
import type { RuleContext } from './rules/finding';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let preferredCodestralModel = DEFAULT_PREFERRED_CODESTRAL_MODEL;
let pinnedNow: Date | null = null;
let liveModels: ModelCard[] | null = null;
const keyKinds = new Map<string, KeyKind>();
const analyses = new Map<string, { version: number; analysis: ConfigAnalysis }>();
const trackedFiles = new Map<string, boolean>();
let canCreateFiles = false;

function learn(learnt: ProbeLearnt): void {
  keyKinds.set(learnt.fingerprint, learnt.keyKind);
  if (learnt.models) liveModels = learnt.models;
}

function supportsFileCreation(capabilities: ClientCapabilities): boolean {
  const workspaceEdit = capabilities.workspace?.workspaceEdit;
  return workspaceEdit?.documentChanges === true && (workspaceEdit.resourceOperations ?? []).includes('create');
}

connection.onInitialize((params): InitializeResult => {
  const warning = loadLocaleBundle(params.locale, __dirname);
  if (warning) connection.console.warn(warning);
  const options = initializationOptionsSchema.safeParse(params.initializationOptions ?? {});
  if (options.success) {
    preferredCodestralModel = options.data.preferredCodestralModel;
    pinnedNow = options.data.now ? new Date(options.data.now) : null;
    options.data.learnt.forEach(learn);
  } else {
    connection.console.warn(`Ignored invalid initializationOptions (${options.error.issues[0]?.message ?? 'unknown'}); using defaults.`);
  }
  canCreateFiles = supportsFileCreation(params.capabilities);
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
    },
    serverInfo: { name: 'mistral-key-doctor-config' },
  };
});

function filePathOf(uri: string): string | null {
  return uri.startsWith('file:') ? fileURLToPath(uri) : null;
}

/**
 * Whether git tracks the file, without making diagnostics wait for git: the first answer is
 * "not tracked", and when git later says otherwise the document is checked again.
 */
function isTracked(document: TextDocument): boolean {
  const filePath = filePathOf(document.uri);
  if (!filePath) return false;
  const known = trackedFiles.get(filePath);
  if (known !== undefined) return known;
  trackedFiles.set(filePath, false);
  // Spawning git costs milliseconds of this thread: do it after the diagnostics went out.
  setImmediate(() => void isTrackedByGit(filePath).then((tracked) => {
    if (!tracked || trackedFiles.get(filePath) !== false) return;
    trackedFiles.set(filePath, true);
    analyses.delete(document.uri);
    const current = documents.get(document.uri);
    if (current) void validate(current);
  }));
  return false;
}

function analysisOf(document: TextDocument): ConfigAnalysis | null {
  const kind = documentKindOf(document.uri);
  if (!kind) return null;
  const cached = analyses.get(document.uri);
  if (cached?.version === document.version) return cached.analysis;
  const ctx: RuleContext = {
    now: pinnedNow ?? new Date(),
    preferredCodestralModel,
    models: liveModels,
    keyKindOf: (fingerprint) => keyKinds.get(fingerprint),
    gitTracked: isTracked(document),
  };
  const analysis = analyzeConfig(kind, document.getText(), ctx);
  analyses.set(document.uri, { version: document.version, analysis });
  return analysis;
}

async function validate(document: TextDocument): Promise<void> {
  const analysis = analysisOf(document);
  if (!analysis) return;
  const diagnostics = analysis.findings.map((finding) => toDiagnostic(document, finding));
  await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
}

function revalidateAll(): void {
  analyses.clear();
  for (const document of documents.all()) void validate(document);
}

documents.onDidChangeContent((change) => void validate(change.document));
documents.onDidSave((change) => {
  const filePath = filePathOf(change.document.uri);
  if (filePath) trackedFiles.delete(filePath);
});
documents.onDidClose((change) => {
  analyses.delete(change.document.uri);
  void connection.sendDiagnostics({ uri: change.document.uri, diagnostics: [] });
});

connection.onCodeAction(async (params) => {
  const document = documents.get(params.textDocument.uri);
  const analysis = document ? analysisOf(document) : null;
  if (!document || !analysis) return [];
  const configPath = filePathOf(document.uri);
  return codeActionsFor({
    document,
    analysis,
    range: params.range,
    diagnostics: params.context.diagnostics,
    moveKeyToEnv: canCreateFiles && configPath
      ? (fix) => moveKeyToEnvEdit(document, configPath, fix.key, (uri) => documents.get(uri))
      : null,
  });
});

connection.onNotification(ProbeLearntNotification, (raw) => {
  const learnt = probeLearntSchema.safeParse(raw);
  if (!learnt.success) {
    connection.console.warn(`Ignored an invalid ${ProbeLearntNotification.method} message: ${learnt.error.issues[0]?.message ?? 'unknown'}.`);
    return;
  }
  learn(learnt.data);
  revalidateAll();
});

connection.onNotification(SettingsChangedNotification, (raw) => {
  const settings = serverSettingsSchema.safeParse(raw);
  if (!settings.success) {
    connection.console.warn(`Ignored an invalid ${SettingsChangedNotification.method} message.`);
    return;
  }
  preferredCodestralModel = settings.data.preferredCodestralModel;
  revalidateAll();
});

documents.listen(connection);
connection.listen();
