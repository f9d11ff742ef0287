// `npm run fuzz -- [--runs N] [--seed S] [--timeout-ms T] [--concurrency C] [--replay INDEX]`:
// checkKey against seeded, misbehaving loopback hosts (test/fuzz/fuzz*.ts). Prints the figures
// for bench/README.md and every failing run with its seed; exits 1 when any run failed.
import os from 'node:os';
import { loadFromSource } from './loadSource.mjs';

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

const options = parseArgs(process.argv.slice(2));
const driver = await loadFromSource(
  "export { runFuzz, runFuzzCase } from './test/fuzz/fuzzDriver'; export { fuzzCase, describeFuzzCase } from './test/fuzz/fuzzCases';",
  'fuzz',
);

if (options.replay !== null) {
  const fuzzCase = driver.fuzzCase(options.seed, options.replay);
  console.log(JSON.stringify({ ...fuzzCase, key: '(not shown)', rawKey: '(not shown)' }, null, 2));
  const result = await driver.runFuzzCase(fuzzCase, options['timeout-ms']);
  console.log(result);
  process.exit(result.problems.length === 0 ? 0 : 1);
}

const progressEvery = Math.max(1, Math.floor(options.runs / 20));
const summary = await driver.runFuzz({
  seed: options.seed,
  runs: options.runs,
  timeoutMs: options['timeout-ms'],
  concurrency: options.concurrency,
  onRun: (result) => {
    if (result.problems.length > 0) console.log(`FAIL ${result.description}: ${result.problems.join('; ')}`);
    if ((result.index + 1) % progressEvery === 0) process.stderr.write(`… ${result.index + 1}/${options.runs}\n`);
  },
});

const causes = Object.entries(summary.causes).sort(([, a], [, b]) => b - a);
console.log(`
seed                      ${summary.seed}
runs                      ${summary.runs}  (timeout ${summary.timeoutMs} ms, ${options.concurrency} at a time, ${os.cpus().length} cores)
wall time                 ${(summary.wallMs / 1000).toFixed(1)} s
crashes                   ${summary.crashes}
unhandled rejections      ${summary.unhandledRejections}
leaks (waves)             ${summary.leaks}
key or a piece in output  ${summary.keyLeaks}
host control chars shown  ${summary.controlLeaks}
unsafe model ids          ${summary.unsafeIds}
key sent to other host    ${summary.redirectLeaks}
uncatalogued causes       ${summary.uncatalogued}
runs past deadline+100ms  ${summary.lateRunsByWallClock} by the wall clock; ${summary.lateRuns} once the time the process was stalled is taken off
worst time past deadline  ${Math.round(summary.worstOverrunMs)} ms by the wall clock; ${Math.round(summary.worstWaitPastDeadlineMs)} ms once stalls are taken off
longest stall             ${Math.round(summary.longestStallMs)} ms (load average at the end ${os.loadavg()[0].toFixed(1)})
causes:
${causes.map(([id, count]) => `  ${id.padEnd(30)}${String(count).padStart(6)}  ${((100 * count) / summary.runs).toFixed(1)}%`).join('\n')}`);

process.exit(summary.failures.length === 0 && summary.unhandledRejections === 0 && summary.leaks === 0 ? 0 : 1);
