// Protocol test: the built server over stdio, driven the way an editor drives it.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  CodeActionRequest, DidChangeTextDocumentNotification, DidOpenTextDocumentNotification, InitializedNotification,
  InitializeRequest, PublishDiagnosticsNotification, TextDocumentEdit, type CodeAction, type TextEdit, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ProbeLearntNotification, SettingsChangedNotification } from '../../../src/shared/lspProtocol';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { tempGitRepo } from './gitRepo';
import { FAKE_KEY } from './ruleContext';
import { buildServer, startServer, type RunningServer } from './serverProcess';

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

beforeAll(async () => {
  await buildServer();
}, 60_000);

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
