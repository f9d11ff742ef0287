// `npm run bench`: the CLI's figures for bench/README.md (the check includes the plan lookup). Everything runs against the emulator on
// 127.0.0.1; nothing leaves the machine. Exits 1 when the latency budget (ratio ≤ 1.25) is exceeded.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { loadFromSource } from './loadSource.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cliPath = path.join(root, 'dist', 'cli.js');
const RUNS = 10;
const INJECTED_LATENCY_MS = 400;
const RATIO_BUDGET = 1.25;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function checkRequest(engine, emulator) {
  return {
    rawKey: engine.TEST_KEYS.both, target: 'auto', model: 'codestral-2508', apiUrl: emulator.apiUrl,
    codestralUrl: emulator.codestralUrl, consoleUrl: emulator.consoleUrl, timeoutMs: 10_000, keyAgeMs: null,
    preferredCodestralModel: 'codestral-2501',
  };
}

/**
 * Median wall time of a whole check (both hosts and the plan lookup) with `latencyMs` added to every
 * answer of all three listeners.
 */
async function medianCheckMs(engine, latencyMs) {
  const emulator = await engine.startEmulator({ scenario: 'normal', latencyMs });
  try {
    await engine.checkKey(checkRequest(engine, emulator)); // warm-up: module init, first connections
    const times = [];
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const diagnosis = await engine.checkKey(checkRequest(engine, emulator));
      times.push(performance.now() - started);
      if (diagnosis.cause.id !== 'ok') throw new Error(`bench check did not succeed: ${diagnosis.cause.id}`);
      if (diagnosis.key.plan === null) throw new Error('bench check got no plan: the plan lookup did not run or failed');
    }
    return median(times);
  } finally {
    await emulator.close();
  }
}

function spawnCheckMs(emulator, key) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [cliPath, 'check', '--json', '--api-url', emulator.apiUrl, '--codestral-url', emulator.codestralUrl], {
      env: { PATH: process.env.PATH, MISTRAL_API_KEY: key },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`cli exited ${code}`))));
  });
}

function spawnMs(args) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', () => resolve(performance.now() - started));
  });
}

/** What any Node process costs to start here, for reading the cold-start figure. */
async function medianNodeStartMs() {
  const times = [];
  for (let run = 0; run < RUNS; run++) times.push(await spawnMs(['-e', '0']));
  return median(times);
}

async function medianColdStartMs(engine) {
  const emulator = await engine.startEmulator({ scenario: 'normal' });
  try {
    const times = [];
    for (let run = 0; run < RUNS; run++) times.push(await spawnCheckMs(emulator, engine.TEST_KEYS.both));
    return median(times);
  } finally {
    await emulator.close();
  }
}

function machine() {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? 'unknown CPU'} (${cpus.length} cores), ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}, Node ${process.version}`;
}

console.log('Building the production bundles (node esbuild.mjs --production)…');
execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: 'inherit' });
const cliBytes = fs.statSync(cliPath).size;
const cliGzipBytes = zlib.gzipSync(fs.readFileSync(cliPath)).length;

const engine = await loadFromSource(
  "export { checkKey } from './src/core/check'; export { startEmulator, TEST_KEYS } from './src/emulator';",
  'engine',
);
const baselineMs = await medianCheckMs(engine, 0);
const withLatencyMs = await medianCheckMs(engine, INJECTED_LATENCY_MS);
const ratio = withLatencyMs / (INJECTED_LATENCY_MS + baselineMs);
const coldStartMs = await medianColdStartMs(engine);
const nodeStartMs = await medianNodeStartMs();

const figures = [
  `date: ${new Date().toISOString()}`,
  `machine: ${machine()}`,
  `check, 0 ms injected (median of ${RUNS}): ${baselineMs.toFixed(1)} ms`,
  `check with plan lookup, ${INJECTED_LATENCY_MS} ms injected on all three listeners (api, codestral, console; median of ${RUNS}): ${withLatencyMs.toFixed(1)} ms`,
  `added-latency ratio = ${withLatencyMs.toFixed(1)} / (${INJECTED_LATENCY_MS} + ${baselineMs.toFixed(1)}) = ${ratio.toFixed(3)} (budget ≤ ${RATIO_BUDGET})`,
  `CLI cold start, spawn to exit, check over loopback (median of ${RUNS}): ${coldStartMs.toFixed(0)} ms`,
  `  for comparison, \`node -e 0\` spawn to exit (median of ${RUNS}): ${nodeStartMs.toFixed(0)} ms; load average ${os.loadavg()[0].toFixed(1)}`,
  `dist/cli.js (production): ${(cliBytes / 1024).toFixed(1)} KiB (${(cliGzipBytes / 1024).toFixed(1)} KiB gzipped)`,
];
console.log(figures.join('\n'));
if (ratio > RATIO_BUDGET) {
  console.error(`The added-latency ratio ${ratio.toFixed(3)} exceeds ${RATIO_BUDGET}: the two hosts and the plan lookup are no longer asked concurrently.`);
  process.exitCode = 1;
}
