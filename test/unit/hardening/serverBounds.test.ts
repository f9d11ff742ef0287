// Bounded work per document, in the built language server: hostile files generated here (never
// committed) get one bounded answer each, and every other document keeps getting its diagnostics.
import { afterEach, describe, expect, it } from 'vitest';
import {
  DidOpenTextDocumentNotification, InitializedNotification, InitializeRequest, PublishDiagnosticsNotification, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { MAX_CONFIG_FILE_CHARACTERS } from '../../../src/core/defaults';
import { startServer, type RunningServer } from '../server/serverProcess';
import { FAKE_KEY } from '../server/ruleContext';
import { mergeFanOut, tomlInlineTables } from '../../fuzz/hostileConfigs';

let server: RunningServer | null = null;
afterEach(async () => {
  await server?.stop();
  server = null;
});

async function started() {
  server = startServer();
  const { connection } = server;
  const published = new Map<string, PublishDiagnosticsParams>();
  const waiters: (() => void)[] = [];
  connection.onNotification(PublishDiagnosticsNotification.type, (params) => {
    published.set(params.uri, params);
    waiters.splice(0).forEach((wake) => wake());
  });
  await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: {} });
  await connection.sendNotification(InitializedNotification.type, {});
  const open = (uri: string, text: string, languageId = 'yaml') =>
    connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
  const diagnosticsOf = async (uri: string): Promise<PublishDiagnosticsParams> => {
    for (;;) {
      const found = published.get(uri);
      if (found) return found;
      await new Promise<void>((resolve) => waiters.push(resolve));
    }
  };
  return { open, diagnosticsOf };
}

const plainEnv = `MISTRAL_API_KEY="${FAKE_KEY} "\n`;

describe('bounded work per document', () => {
  it('answers a YAML file whose merge keys fan out 10 ways over 12 levels, and keeps serving the others', async () => {
    const { open, diagnosticsOf } = await started();
    const bomb = mergeFanOut(12, 10);
    expect(bomb.length).toBeLessThan(1_000);
    await open('file:///repo/.continue/config.yaml', bomb);
    await open('file:///repo/.env', plainEnv, 'dotenv');
    expect((await diagnosticsOf('file:///repo/.env')).diagnostics.map((d) => d.code)).toContain('key-hygiene');
    expect((await diagnosticsOf('file:///repo/.continue/config.yaml')).diagnostics).toEqual([]);
  }, 30_000);

  it('says a file is too large to analyse instead of parsing 1.1 MB of TOML inline tables, a 50 MB one-line .env or a 4.4 MB config', async () => {
    const { open, diagnosticsOf } = await started();
    const hostile = {
      'file:///home/u/.vibe/config.toml': tomlInlineTables(1_100_000),
      'file:///repo/big/.env': `MISTRAL_API_KEY=${'a'.repeat(50 * 1024 * 1024)}`,
      'file:///repo/big/.continue/config.yaml': `models:\n${`  - provider: mistral\n    model: codestral-latest\n`.repeat(90_000)}`,
    };
    for (const [uri, text] of Object.entries(hostile)) await open(uri, text, uri.endsWith('.env') ? 'dotenv' : 'plaintext');
    await open('file:///repo/.env', plainEnv, 'dotenv');
    expect((await diagnosticsOf('file:///repo/.env')).diagnostics.map((d) => d.code)).toContain('key-hygiene');
    for (const uri of Object.keys(hostile)) {
      const { diagnostics } = await diagnosticsOf(uri);
      expect(diagnostics.map((d) => [d.code, d.severity]), uri).toEqual([['file-too-large', 3]]);
      expect(diagnostics[0]?.message).toContain('too large to analyse');
    }
  }, 60_000);

  it('says so for TOML under the size limit that holds more values than its parser may keep', async () => {
    const { open, diagnosticsOf } = await started();
    const text = tomlInlineTables(MAX_CONFIG_FILE_CHARACTERS - 100);
    expect(text.length).toBeLessThanOrEqual(MAX_CONFIG_FILE_CHARACTERS);
    await open('file:///home/u/.vibe/config.toml', text, 'toml');
    expect((await diagnosticsOf('file:///home/u/.vibe/config.toml')).diagnostics.map((d) => d.code)).toEqual(['file-too-large']);
  }, 30_000);
});
