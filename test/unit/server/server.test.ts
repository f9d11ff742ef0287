// Protocol test: the built server over stdio, driven the way an editor drives it.
import { afterEach, describe, expect, it } from 'vitest';
import {
  CodeActionRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, InitializedNotification,
  InitializeRequest, LogMessageNotification, PublishDiagnosticsNotification, TextDocumentEdit, type CodeAction, type TextEdit, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { NotificationType, RequestType } from 'vscode-languageserver-protocol';
import { LSP_METHODS, type PinModelParams, type PinModelResult, type ProbeLearnt, type ServerSettings, type WorkspaceTrust } from '../../../src/shared/lspProtocol';

import { pathToFileURL } from 'node:url';
import fs from 'node:fs';
import path from 'node:path';
import { tempGitRepo } from './gitRepo';
import { FAKE_KEY } from './ruleContext';
import { startServer, type RunningServer } from './serverProcess';

// Typed as an editor's client would declare them, from the method names the extension sends.
const ProbeLearntNotification = new NotificationType<ProbeLearnt>(LSP_METHODS.probeLearnt);
const SettingsChangedNotification = new NotificationType<ServerSettings>(LSP_METHODS.settingsChanged);
const WorkspaceTrustNotification = new NotificationType<WorkspaceTrust>(LSP_METHODS.workspaceTrust);
const PinModelRequest = new RequestType<PinModelParams, PinModelResult, void>(LSP_METHODS.pinModel);

const uri = 'file:///nonexistent-workspace/.continue/config.yaml';
const config = [
  'name: My assistant',
  'version: 1.0.0',
  'models:',
  '  - name: Codestral',
  '    provider: mistral',
  '    model: codestral-latest',
  '    roles: [autocomplete]',
  '',
].join('\n');

let server: RunningServer | null = null;

afterEach(async () => {
  await server?.stop();
  server = null;
});

async function openWith(options: { now: string; locale?: string; trusted?: boolean }, text = config, documentUri = uri) {
  server = startServer();
  const { connection } = server;
  const published: PublishDiagnosticsParams[] = [];
  const waiters: (() => void)[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    waiters.splice(0).forEach((wake) => wake());
  });
  const nextDiagnostics = async (version: number, accept: (params: PublishDiagnosticsParams) => boolean = () => true) => {
    for (;;) {
      const found = published.find((params) => params.uri === documentUri && params.version === version && accept(params));
      if (found) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid, rootUri: null, locale: options.locale ?? 'en',
    capabilities: { workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } } },
    initializationOptions: { preferredCodestralModel: 'codestral-2501', now: options.now, workspaceTrusted: options.trusted ?? false },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  await connection.sendNotification(DidOpenTextDocumentNotification.type, {
    textDocument: { uri: documentUri, languageId: 'yaml', version: 1, text },
  });
  return { connection, nextDiagnostics };
}

function applyPreferredFix(actions: CodeAction[], document: TextDocument): { action: CodeAction; text: string } {
  const action = actions.find((candidate) => candidate.isPreferred);
  if (!action?.edit?.documentChanges) throw new Error(`no preferred fix among ${JSON.stringify(actions)}`);
  const [change] = action.edit.documentChanges;
  if (!change || !TextDocumentEdit.is(change)) throw new Error('expected a text document edit');
  expect(change.textDocument).toEqual({ uri, version: document.version });
  return { action, text: TextDocument.applyEdits(document, change.edits.filter((edit): edit is TextEdit => 'newText' in edit)) };
}

describe('config language server over stdio', () => {
  it('flags codestral-latest and pins it to the preferred codestral-2501 while that is current', async () => {
    const { connection, nextDiagnostics } = await openWith({ now: '2025-09-01T00:00:00Z' });
    const { diagnostics } = await nextDiagnostics(1);
    expect(diagnostics).toHaveLength(1);
    const [diagnostic] = diagnostics;
    expect(diagnostic).toMatchObject({
      code: 'model-moving-alias', severity: 2, source: 'Mistral Key Doctor',
      range: { start: { line: 5, character: 11 }, end: { line: 5, character: 27 } },
    });

    const actions = await connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: diagnostic!.range, context: { diagnostics },
    }) as CodeAction[];
    const document = TextDocument.create(uri, 'yaml', 1, config);
    const { action, text } = applyPreferredFix(actions, document);
    expect(action.title).toBe('Switch model to codestral-2501');
    expect(action.diagnostics).toEqual([diagnostic]);
    expect(text).toBe(config.replace('model: codestral-latest', 'model: codestral-2501'));

    await connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 }, contentChanges: [{ text }],
    });
    expect((await nextDiagnostics(2)).diagnostics).toEqual([]);
  });

  it('pins to the replacement and says why once the preferred id is retired', async () => {
    const { connection, nextDiagnostics } = await openWith({ now: '2026-01-15T00:00:00Z' });
    const { diagnostics } = await nextDiagnostics(1);
    const actions = await connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics },
    }) as CodeAction[];
    const { action, text } = applyPreferredFix(actions, TextDocument.create(uri, 'yaml', 1, config));
    expect(action.title).toBe('Switch model to codestral-2508 (codestral-2501 was retired on 2025-11-30)');
    expect(text).toContain('    model: codestral-2508\n');
  });

  it('speaks Simplified Chinese when the editor asks for zh-cn', async () => {
    const { nextDiagnostics } = await openWith({ now: '2025-09-01T00:00:00Z', locale: 'zh-cn' });
    const { diagnostics } = await nextDiagnostics(1);
    expect(diagnostics[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    expect(diagnostics[0]?.message).toContain('codestral-latest');
  });

  it('sharpens diagnostics with what a probe learnt about the key', async () => {
    const key = 'AbCd1234EfGh5678IjKl9012MnOp3456';
    const withKey = config.replace('    roles:', `    apiKey: ${key}\n    roles:`);
    const { connection, nextDiagnostics } = await openWith({ now: '2025-09-01T00:00:00Z' }, withKey);
    expect((await nextDiagnostics(1)).diagnostics.map((d) => d.code)).toEqual(['model-moving-alias']);
    await connection.sendNotification(ProbeLearntNotification, { fingerprint: 'AbCd…3456', keyKind: 'rejected', models: null });
    const later = await new Promise<PublishDiagnosticsParams>((resolve) => {
      connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
        if (params.diagnostics.length > 1) resolve(params);
      });
    });
    expect(later.diagnostics.map((d) => d.code)).toEqual(['model-moving-alias', 'continue-codestral-autodetect']);
    expect(JSON.stringify(later)).not.toContain(key);
  });

  it('adds the git-tracked-key warning once git answers, with the move-to-.env fix', async () => {
    const repo = tempGitRepo();
    try {
      const text = config.replace('    roles:', `    apiKey: ${FAKE_KEY}\n    roles:`);
      repo.write('.continue/config.yaml', text);
      repo.commit('.continue/config.yaml');
      const trackedUri = pathToFileURL(path.join(repo.root, '.continue/config.yaml')).toString();
      const { connection, nextDiagnostics } = await openWith({ now: '2025-09-01T00:00:00Z', trusted: true }, text, trackedUri);
      const { diagnostics } = await nextDiagnostics(1, (params) => params.diagnostics.some((d) => d.code === 'key-in-tracked-file'));
      const tracked = diagnostics.find((d) => d.code === 'key-in-tracked-file')!;
      const actions = await connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri: trackedUri }, range: tracked.range, context: { diagnostics: [tracked] },
      }) as CodeAction[];
      const move = actions.find((action) => action.diagnostics?.length);
      expect(move?.title).toBe('Move the key to .env and reference it as ${{ secrets.MISTRAL_API_KEY }}');
      expect(move?.edit?.documentChanges?.length).toBeGreaterThan(1);
    } finally {
      repo.remove();
    }
  });

  it('ignores malformed messages and follows a new preferred pin', async () => {
    const { connection, nextDiagnostics } = await openWith({ now: '2025-09-01T00:00:00Z' });
    const { diagnostics } = await nextDiagnostics(1);
    // A whole key where a fingerprint belongs is refused at the boundary; the server carries on.
    await connection.sendNotification(ProbeLearntNotification, { fingerprint: FAKE_KEY, keyKind: 'console', models: null });
    await connection.sendNotification(SettingsChangedNotification, { preferredCodestralModel: 'codestral-2508' });
    const actions = await connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics },
    }) as CodeAction[];
    expect(actions.find((action) => action.isPreferred)?.title).toBe('Switch model to codestral-2508');
  });
});

/** A started server with the given client capabilities, collecting diagnostics and log lines. */
async function started(initializationOptions: Record<string, unknown> = {}, capabilities: Record<string, unknown> = {}) {
  server = startServer();
  const { connection } = server;
  const published: PublishDiagnosticsParams[] = [];
  const logs: string[] = [];
  const waiters: (() => void)[] = [];
  const wake = () => waiters.splice(0).forEach((resolve) => resolve());
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.push(params);
    wake();
  });
  connection.onNotification(LogMessageNotification.type, (params) => {
    logs.push(params.message);
    wake();
  });
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid, rootUri: null, capabilities,
    initializationOptions: { preferredCodestralModel: 'codestral-2501', now: '2025-09-01T00:00:00Z', ...initializationOptions },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  const until = async <T>(find: () => T | undefined): Promise<T> => {
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  const open = (documentUri: string, text: unknown, languageId = 'plaintext', version = 1) => connection.sendNotification(
    DidOpenTextDocumentNotification.type, { textDocument: { uri: documentUri, languageId, version, text } } as never,
  );
  const diagnosticsOf = (documentUri: string, version: number) => until(() => published.find((params) => params.uri === documentUri && params.version === version));
  return { connection, open, diagnosticsOf, logs, published, until };
}

describe('the server survives bad input', () => {
  it('skips unusual URIs and malformed documents with one log line each, and keeps serving', async () => {
    const { open, diagnosticsOf, logs, until } = await started();
    await open('file://fileserver/share/.env', `MISTRAL_API_KEY=${FAKE_KEY}\n`);
    await open('file://fileserver/share/.env', `MISTRAL_API_KEY=${FAKE_KEY}\n`);
    await open('file:///repo/%E0%A4%A/.env', 'MISTRAL_API_KEY=x\n');
    await open('file:///repo/null/.env', null);
    await open('file:///repo/ok/.continue/config.yaml', config, 'yaml');
    const { diagnostics } = await diagnosticsOf('file:///repo/ok/.continue/config.yaml', 1);
    expect(diagnostics.map((d) => d.code)).toEqual(['model-moving-alias']);
    await until(() => (logs.length >= 3 ? logs : undefined));
    expect(logs.filter((line) => line.includes('fileserver'))).toHaveLength(1);
    expect(logs.find((line) => line.includes('fileserver'))).toContain('another host');
    expect(logs.some((line) => line.includes('%-escape'))).toBe(true);
    expect(logs.some((line) => line.includes('null/.env') && line.includes('invalid didOpen'))).toBe(true);
  });

  it('reports a config nested 5,000 deep as a parse error instead of overflowing the stack', async () => {
    const { open, diagnosticsOf, connection } = await started();
    const deepJson = `{"models": ${'['.repeat(5011)}${']'.repeat(5011)}}`;
    const deepSettings = `{"a": ${'{"b": '.repeat(3463)}1${'}'.repeat(3463)}}`;
    const deepYaml = `models: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const deepToml = `a = ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    await open('file:///repo/.continue/config.json', deepJson);
    await open('file:///repo/.vscode/settings.json', deepSettings);
    await open('file:///repo/.continue/models/deep.yaml', deepYaml);
    await open('file:///home/u/.vibe/config.toml', deepToml);
    for (const documentUri of ['file:///repo/.continue/config.json', 'file:///repo/.vscode/settings.json', 'file:///repo/.continue/models/deep.yaml', 'file:///home/u/.vibe/config.toml']) {
      const { diagnostics } = await diagnosticsOf(documentUri, 1);
      expect(diagnostics.map((d) => d.code), documentUri).toEqual(['parse-error']);
      expect(diagnostics[0]?.message).toContain('nests deeper than');
    }
    expect(await connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: 'file:///repo/.continue/config.json' } } as never)).toEqual([]);
  });

  it('refuses a pin whose id is not a plain model id, and pins where the tool reads the model', async () => {
    const { open, diagnosticsOf, connection } = await started({}, { workspace: { workspaceEdit: { documentChanges: true } } });
    const aider = 'file:///repo/.aider.conf.yml';
    const text = 'model: mistral/codestral-latest\nweak-model: mistral/codestral-2508\n';
    await open(aider, text, 'yaml');
    expect((await diagnosticsOf(aider, 1)).diagnostics.map((d) => d.code)).toEqual(['model-moving-alias']);
    const injected = await connection.sendRequest(PinModelRequest, { uri: aider, model: 'codestral-2508\napiBase: https://attacker.example/v1' });
    expect(injected).toMatchObject({ edit: null, pinned: 0 });
    const pinned = await connection.sendRequest(PinModelRequest, { uri: aider, model: 'codestral-2508' });
    expect(pinned.pinned).toBe(1);
    const [change] = pinned.edit?.documentChanges ?? [];
    if (!change || !TextDocumentEdit.is(change)) throw new Error('expected a text document edit');
    const document = TextDocument.create(aider, 'yaml', 1, text);
    expect(TextDocument.applyEdits(document, change.edits as TextEdit[])).toBe('model: mistral/codestral-2508\nweak-model: mistral/codestral-2508\n');
    expect(await connection.sendRequest(PinModelRequest, { uri: 42 } as never)).toMatchObject({ edit: null });
  });
});

describe('edits follow the client\'s capabilities', () => {
  it('sends plain `changes` to a client that did not announce documentChanges, and matches diagnostics by line', async () => {
    const { open, diagnosticsOf, connection } = await started();
    const withAccents = config.replace('    model: codestral-latest', '    model: codestral-latest # modèle préféré');
    await open(uri, withAccents, 'yaml');
    const { diagnostics } = await diagnosticsOf(uri, 1);
    // neovim 0.7 sends byte columns back: the range no longer matches exactly.
    const byteColumns = diagnostics.map((d) => ({ ...d, range: { start: d.range.start, end: { ...d.range.end, character: d.range.end.character + 3 } } }));
    const actions = await connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri }, range: byteColumns[0]!.range, context: { diagnostics: byteColumns },
    }) as CodeAction[];
    const pin = actions.find((action) => action.isPreferred);
    expect(pin?.edit?.documentChanges).toBeUndefined();
    expect(pin?.edit?.changes?.[uri]).toEqual([{ range: diagnostics[0]!.range, newText: 'codestral-2501' }]);
  });
});

describe('workspace trust', () => {
  it('runs git only once the client says the workspace is trusted, with the repository\'s own commands off', async () => {
    const repo = tempGitRepo();
    try {
      const envFile = repo.write('.env', `MISTRAL_API_KEY=${FAKE_KEY}\n`);
      repo.commit('.env');
      const marker = path.join(repo.root, 'FSMONITOR-RAN');
      const script = repo.write('monitor.sh', `#!/bin/sh\ntouch '${marker}'\n`);
      fs.chmodSync(script, 0o755);
      fs.appendFileSync(path.join(repo.root, '.git/config'), `[core]\n\tfsmonitor = ${script}\n`);
      const envUri = pathToFileURL(envFile).toString();
      const { open, connection, until, published } = await started();
      await open(envUri, `MISTRAL_API_KEY=${FAKE_KEY}\n`, 'dotenv');
      await until(() => published.find((params) => params.uri === envUri));
      // Untrusted: git is never asked, so the tracked .env goes unnoticed and nothing runs.
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(published.flatMap((params) => params.diagnostics.map((d) => d.code))).not.toContain('env-file-tracked');
      await connection.sendNotification(WorkspaceTrustNotification, { trusted: true });
      await until(() => published.find((params) => params.diagnostics.some((d) => d.code === 'env-file-tracked')));
      expect(fs.existsSync(marker)).toBe(false);
    } finally {
      repo.remove();
    }
  });
});
