// The LSP connection. Over `--stdio` the server reads its own frames so that a framing error (a
// missing or malformed Content-Length, a body that is not JSON, a message promised but never
// completed) ends the process with a clear message on stderr: the client sees the exit and
// restarts the server, where a stuck reader would leave it hanging. IPC and sockets go through
// the library's own set-up.
import {
  createConnection, ProposedFeatures, StreamMessageReader, StreamMessageWriter, type Connection,
} from 'vscode-languageserver/node';

/** A message whose body has not arrived this long after its header is taken as a framing error. */
const PARTIAL_MESSAGE_TIMEOUT_MS = 10_000;

/** Messages read before the bad frame still get their answers: the exit waits this long. */
const EXIT_GRACE_MS = 200;
let exiting = false;

function exitOnFramingError(detail: string): void {
  if (exiting) return;
  exiting = true;
  process.stdin.pause();
  process.stderr.write(`Mistral Key Doctor language server: unreadable input from the client (${detail}); exiting so the client can restart it.\n`);
  setTimeout(() => process.exit(1), EXIT_GRACE_MS);
}

export function createServerConnection(argv: readonly string[] = process.argv): { connection: Connection; shutdownReceived(): boolean } {
  let shutdown = false;
  if (!argv.includes('--stdio')) {
    const connection = createConnection(ProposedFeatures.all);
    connection.onShutdown(() => { shutdown = true; });
    return { connection, shutdownReceived: () => shutdown };
  }
  const reader = new StreamMessageReader(process.stdin);
  reader.partialMessageTimeout = PARTIAL_MESSAGE_TIMEOUT_MS;
  reader.onError((error) => exitOnFramingError(error.message.split('\n')[0] ?? 'unknown error'));
  reader.onPartialMessage((info) => exitOnFramingError(`a message announced by Content-Length did not arrive within ${info.waitingTime} ms`));
  reader.onClose(() => {
    if (!exiting) process.exit(shutdown ? 0 : 1);
  });
  const writer = new StreamMessageWriter(process.stdout);
  const connection = createConnection(ProposedFeatures.all, reader, writer);
  connection.onShutdown(() => { shutdown = true; });
  return { connection, shutdownReceived: () => shutdown };
}
