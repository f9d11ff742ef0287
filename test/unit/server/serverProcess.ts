// Talks LSP over stdio to the server bundle test/unit/globalSetup.ts built for this run, as an editor does.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import {
  createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { testBuild } from '../testBuild';

/** The bundled server, built from the sources as dist/server.js is. */
export const serverBundle = (): string => testBuild().server;

export interface RunningServer {
  connection: ProtocolConnection;
  child: ChildProcessWithoutNullStreams;
  stop(): Promise<void>;
}

export function startServer(): RunningServer {
  const child = spawn(process.execPath, [serverBundle(), '--stdio'], { stdio: 'pipe' });
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
