// `npm run fuzz -- [--runs N] [--seed S] [--timeout-ms T] [--concurrency C] [--replay INDEX]`:
// checkKey against seeded, misbehaving loopback hosts (src/emulator/fuzz*.ts). Prints the figures
// for bench/README.md and every failing run with its seed; exits 1 when any run failed.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { noOpenTelemetry } from '../scripts/no-opentelemetry.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULTS = { runs: 10_000, seed: 20261127, 'timeout-ms': 300, concurrency: 2, replay: null };

function parseArgs(argv) {
  const options = { ...DEFAULTS };
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i]?.replace(/^--/, '');
    const value = Number(argv[i + 1]);
    if (!(name in DEFAULTS) || !Number.isInteger(value) || value < 0) {
      console.error(`Unknown or invalid option "${argv[i]} ${argv[i + 1] ?? ''}". Use --runs N --seed S --timeout-ms T --concurrency C --replay INDEX (whole numbers).`);
      process.exit(2);
    }
    options[name] = value;
  }
  return options;
}

/** The fuzz driver bundled once (as the CLI is bundled), so this plain-JS script can run it in-process. */
async function loadDriver() {
  const outfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-fuzz-')), 'fuzz.mjs');
  await esbuild.build({
    stdin: {
      contents: "export { runFuzz, runFuzzCase } from './src/emulator/fuzzDriver'; export { fuzzCase, describeFuzzCase } from './src/emulator/fuzzCases';",
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true, platform: 'node', target: 'node20', format: 'esm', outfile, logLevel: 'warning',
    plugins: [noOpenTelemetry],
    banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
  });
  return import(pathToFileURL(outfile).href);
}

const options = parseArgs(process.argv.slice(2));
const driver = await loadDriver();

if (options.replay !== null) {
  const fuzzCase = driver.fuzzCase(options.seed, options.replay);
  console.log(JSON.stringify({ ...fuzzCase, key: '(not shown)', rawKey: '(not shown)' }, null, 2));
  const result = await driver.runFuzzCase(fuzzCase, options['timeout-ms']);
  console.log(result);
  process.exit(result.problems.length === 0 ? 0 : 1);
}

const progressEvery = Math.max(1, Math.floor(options.runs / 20));
// How long this process went without running at all: lateness beyond this is the check's own doing.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
const DEADLINE_SLACK_MS = 100;
const stalls = [];
let waveStallMs = 0;
let lateBeyondStalls = 0;
const summary = await driver.runFuzz({
  seed: options.seed,
  runs: options.runs,
  timeoutMs: options['timeout-ms'],
  concurrency: options.concurrency,
  onRun: (result) => {
    if (result.index % options.concurrency === 0) {
      waveStallMs = loopDelay.max / 1e6;
      stalls.push(waveStallMs);
      loopDelay.reset();
    }
    if (result.overrunMs - waveStallMs > DEADLINE_SLACK_MS) lateBeyondStalls++;
    if (result.problems.length > 0) console.log(`FAIL ${result.description}: ${result.problems.join('; ')}`);
    if ((result.index + 1) % progressEvery === 0) process.stderr.write(`… ${result.index + 1}/${options.runs}\n`);
  },
});

loopDelay.disable();
stalls.sort((a, b) => a - b);
const stallAt = (q) => Math.round(stalls[Math.min(stalls.length - 1, Math.floor(q * stalls.length))] ?? 0);
const causes = Object.entries(summary.causes).sort(([, a], [, b]) => b - a);
console.log(`
seed                      ${summary.seed}
runs                      ${summary.runs}  (timeout ${summary.timeoutMs} ms, ${options.concurrency} at a time, ${os.cpus().length} cores)
wall time                 ${(summary.wallMs / 1000).toFixed(1)} s
crashes                   ${summary.crashes}
unhandled rejections      ${summary.unhandledRejections}
leaks (waves)             ${summary.leaks}
key in an output          ${summary.keyLeaks}
key sent to other host    ${summary.redirectLeaks}
uncatalogued causes       ${summary.uncatalogued}
runs past deadline+100ms  ${summary.lateRuns}
worst time past deadline  ${Math.round(summary.worstOverrunMs)} ms
longest stall per wave    median ${stallAt(0.5)} ms, p99 ${stallAt(0.99)} ms, max ${stallAt(1)} ms (load average ${os.loadavg()[0].toFixed(1)})
late beyond those stalls  ${lateBeyondStalls}
causes:
${causes.map(([id, count]) => `  ${id.padEnd(30)}${String(count).padStart(6)}  ${((100 * count) / summary.runs).toFixed(1)}%`).join('\n')}`);

process.exit(summary.failures.length === 0 && summary.unhandledRejections === 0 && summary.leaks === 0 ? 0 : 1);
