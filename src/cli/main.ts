// Entry of `mistral-key-doctor` (bundled to dist/cli.js).
import { CheckRequestError } from '../core/check';
import { t } from '../core/l10n';
import { version } from '../../package.json';
import { DEFAULT_TIMEOUT_MS, keyShapedRuns, parseCliArgs, UsageError, type CheckOptions } from './args';
import { runCheckCommand } from './checkCommand';
import type { CliContext } from './context';
import { runDemo } from './demo';
import { EXIT_NO_VERDICT, EXIT_USAGE } from './exitCode';
import { helpText } from './help';
import { KEY_VARIABLES } from '../core/catalogue/keyVariables';
import { applyLocale, pickLocale } from './locale';
import { Output } from './output';

async function run(argv: string[], ctx: CliContext): Promise<number> {
  const command = parseCliArgs(argv);
  switch (command.kind) {
    case 'help':
      ctx.output.out(helpText());
      return 0;
    case 'version':
      ctx.output.out(`${version}\n`);
      return 0;
    case 'check':
      return runCheckCommand(command.options, ctx);
    case 'demo':
      return runDemo(ctx);
    case 'auto':
      if (KEY_VARIABLES.some((name) => ctx.env[name] !== undefined)) return runCheckCommand(AUTO_CHECK_OPTIONS, ctx);
      ctx.output.err(`${t('{0} and {1} are not set, so this runs the demo on the embedded emulator instead of checking your key. To check yours: {0}=… npm run doctor', ...KEY_VARIABLES)}\n`);
      return runDemo(ctx);
  }
}

/** `auto` (what `npm run doctor` runs) is a plain `check` of the default variables. */
const AUTO_CHECK_OPTIONS: CheckOptions = {
  keyEnv: null, keyStdin: false, tool: null, toolVersion: null, targetGiven: false, target: 'auto', model: null, apiUrl: null,
  codestralUrl: null, consoleUrl: null, planLookup: true, timeoutMs: DEFAULT_TIMEOUT_MS, newKey: false, watch: false, json: false,
};

/** `mistral-key-doctor demo | head`: a reader that stops early is not an error. */
function exitQuietlyOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
  });
}

async function exitCodeOf(argv: string[], ctx: CliContext): Promise<number> {
  try {
    return await run(argv, ctx);
  } catch (error) {
    if (error instanceof UsageError || error instanceof CheckRequestError) {
      ctx.output.err(`mistral-key-doctor: ${error.message}\n`);
      return EXIT_USAGE;
    }
    // A bug, not a diagnosis: say so without a stack trace (which could hold request details).
    ctx.output.err(`mistral-key-doctor: ${t('internal error ({0}). Please report it with the command you ran (never the key).', (error as Error)?.message ?? String(error))}\n`);
    return EXIT_NO_VERDICT;
  }
}

function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

async function main(): Promise<void> {
  exitQuietlyOnClosedPipe(process.stdout);
  exitQuietlyOnClosedPipe(process.stderr);
  applyLocale(pickLocale(process.env), __dirname);
  const ctx: CliContext = { env: process.env, output: new Output(process.stdout, process.stderr), stdin: process.stdin };
  // The last guard: whatever path a message takes, nothing key-shaped from the command line is printed back.
  for (const run of process.argv.slice(2).flatMap(keyShapedRuns)) ctx.output.hide(run, '…');
  const code = await exitCodeOf(process.argv.slice(2), ctx);
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  // fetch keeps idle keep-alive connections open for a while; the answer is out, so do not wait for them.
  process.exit(code);
}

void main();
