// Builds `dist/server.js` (the shipped bundle) and talks LSP to it over stdio, as an editor does.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import * as esbuild from 'esbuild';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';

export const repoRoot = path.resolve(__dirname, '../../..');
export const serverBundle = path.join(repoRoot, 'dist/server.js');

export async function buildServer(): Promise<void> {
  const { mergeL10nBundles } = (await import(path.join(repoRoot, 'scripts/merge-l10n.mjs'))) as { mergeL10nBundles: () => void };
  const cwd = process.cwd();
  process.chdir(repoRoot);
  try {
    mergeL10nBundles();
  } finally {
    process.chdir(cwd);
  }
  await esbuild.build({
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', sourcemap: true, logLevel: 'warning',
    external: ['vscode'], mainFields: ['module', 'main'], absWorkingDir: repoRoot, entryPoints: ['src/server/server.ts'], outfile: serverBundle,
    // As the release build writes it: it is also the npm package's language-server command.
    banner: { js: '#!/usr/bin/env node' },
  });
}

export interface RunningServer {
  connection: ProtocolConnection;
  child: ChildProcessWithoutNullStreams;
  stop(): Promise<void>;
}

export function startServer(): RunningServer {
  const child = spawn(process.execPath, [serverBundle, '--stdio'], { stdio: 'pipe' });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.listen();
  return {
    connection,
    child,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await connection.sendRequest('shutdown').catch(() => undefined);
      await connection.sendNotification('exit').catch(() => undefined);
      connection.dispose();
      await exited;
    },
  };
}
