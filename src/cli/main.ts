// Entry of `mistral-key-doctor` (bundled to dist/cli.js).
import { CheckRequestError } from '../core/check';
import { t } from '../core/l10n';
import { version } from '../../package.json';
import { DEFAULT_TIMEOUT_MS, keyShapedRuns, parseCliArgs, UsageError, type CheckOptions, type DoctorOptions } from './args';
import { runCheckCommand } from './checkCommand';
import type { CliContext } from './context';
import { runDemo } from './demo';
import { findKeys, placesOf, runDoctor } from './doctor';
import { EXIT_NO_VERDICT, EXIT_USAGE } from './exitCode';
import { helpText } from './help';
import { DEFAULT_KEY_ENVS } from './keySource';
import { runLint } from './lint';
import { applyLocale, pickLocale } from './locale';
import { Output } from './output';
import { exitCodeAfterWriting, ReportStream } from './reportStream';

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
    case 'doctor':
      return runDoctor(command.options, ctx);
    case 'lint':
      return runLint(command.options, ctx);
    case 'demo':
      return runDemo(ctx);
    case 'auto':
      return runAuto(ctx);
  }
}

/** `auto` (what `npm run doctor` runs): the doctor when a key is found on this machine, else the demo. */
async function runAuto(ctx: CliContext): Promise<number> {
  const places = placesOf(ctx);
  const found = await findKeys(ctx, places);
  if (found.candidates.length > 0) return runDoctor(AUTO_DOCTOR_OPTIONS, ctx, found);
  // A variable set to something that is not key-shaped (a masked copy, say): `check` explains what is wrong with it.
  if (DEFAULT_KEY_ENVS.some((name) => ctx.env[name])) return runCheckCommand(AUTO_CHECK_OPTIONS, ctx);
  ctx.output.err(`${t('No Mistral key found on this machine (the environment, the coding tools\' files under {0}, .env in {1}), so this runs the demo on the embedded emulator instead. To check a key: MISTRAL_API_KEY=… npm run doctor', places.home, places.cwd)}\n`);
  for (const problem of found.problems) ctx.output.err(`${t('Skipped: {0}', problem.message)}\n`);
  return runDemo(ctx);
}

const AUTO_CHECK_OPTIONS: CheckOptions = {
  keyEnv: null, keyStdin: false, tool: null, targetGiven: false, target: 'auto', model: null, apiUrl: null,
  codestralUrl: null, consoleUrl: null, planLookup: true, timeoutMs: DEFAULT_TIMEOUT_MS, newKey: false, watch: false, json: false,
};

const AUTO_DOCTOR_OPTIONS: DoctorOptions = {
  apiUrl: null, codestralUrl: null, consoleUrl: null, planLookup: true, timeoutMs: DEFAULT_TIMEOUT_MS, json: false,
};

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

async function main(): Promise<void> {
  const stdout = new ReportStream(process.stdout);
  // stderr is where a lost report is announced; if it is gone too there is nobody left to tell.
  process.stderr.on('error', () => undefined);
  applyLocale(pickLocale(process.env), __dirname);
  const ctx: CliContext = { env: process.env, output: new Output(stdout, process.stderr), stdin: process.stdin };
  // The last guard: whatever path a message takes, nothing key-shaped from the command line is printed back.
  for (const run of process.argv.slice(2).flatMap(keyShapedRuns)) ctx.output.hide(run, '…');
  const verdict = await exitCodeOf(process.argv.slice(2), ctx);
  await stdout.flushed();
  if (stdout.failure) ctx.output.err(`mistral-key-doctor: ${t('could not write the report: {0}', stdout.failure.message)}\n`);
  await new Promise<void>((resolve) => process.stderr.write('', () => resolve()));
  // fetch keeps idle keep-alive connections open for a while; the answer is out, so do not wait for them.
  process.exit(exitCodeAfterWriting(verdict, stdout));
}

void main();
