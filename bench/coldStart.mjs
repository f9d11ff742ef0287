// `npm run bench:cold-start`: how much a `mistral-key-doctor` run costs over Node's own start, as a
// paired ratio (each CLI run next to a `node -e 0` run, so the machine's load at that moment cancels
// out). Runs the release build of dist/cli.js against the emulator on 127.0.0.1; nothing leaves the
// machine. Figures for bench/README.md. `--runs N` (default 20); `--no-build` measures dist/ as it is;
// `--cli FILE` measures another build of the CLI (e.g. an older commit's) instead of dist/cli.js.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { loadFromSource } from './loadSource.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const flag = (name) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined);
const cliPath = path.resolve(flag('--cli') ?? path.join(root, 'dist', 'cli.js'));
const RUNS = Number(flag('--runs') ?? 20);
const RATIO_GOAL = 2.0;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Wall time from spawn to exit; rejects when the exit code is not `expectedCode`. */
function spawnMs(args, env, expectedCode = 0) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === expectedCode) resolve(performance.now() - started);
      else reject(new Error(`node ${args.join(' ')} exited ${code}: ${stderr}`));
    });
  });
}

/** Alternates `node -e 0` and the command; the ratio of each pair, then the medians. */
async function paired(label, args, env) {
  const node = [];
  const cli = [];
  const ratios = [];
  await spawnMs(args, env); // warm the file cache once
  for (let run = 0; run < RUNS; run++) {
    const nodeMs = await spawnMs(['-e', '0'], {});
    const cliMs = await spawnMs(args, env);
    node.push(nodeMs);
    cli.push(cliMs);
    ratios.push(cliMs / nodeMs);
  }
  return { label, nodeMs: median(node), cliMs: median(cli), ratio: median(ratios) };
}

function machine() {
  const cpus = os.cpus();
  return `${cpus[0]?.model ?? 'unknown CPU'} (${cpus.length} cores), Linux ${os.release()}, Node ${process.version}`;
}

if (!process.argv.includes('--no-build') && !flag('--cli')) {
  console.log('Building the release bundles (node esbuild.mjs --production)…');
  execFileSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: 'inherit' });
}
const cliBytes = fs.statSync(cliPath).size;
const cliGzipBytes = zlib.gzipSync(fs.readFileSync(cliPath)).length;

const emulatorModule = await loadFromSource("export { startEmulator, TEST_KEYS } from './src/emulator';", 'emulator');
const emulator = await emulatorModule.startEmulator({ scenario: 'normal' });
// With the console too, so the run makes the plan lookup as a check against Mistral does.
const check = ['check', '--json', '--api-url', emulator.apiUrl, '--codestral-url', emulator.codestralUrl, '--console-url', emulator.consoleUrl];
const key = { MISTRAL_API_KEY: emulatorModule.TEST_KEYS.both };
const results = [];
const load = [os.loadavg()[0]];
try {
  results.push(await paired('`check --json`, key accepted by both loopback hosts, plan lookup on the loopback console', [cliPath, ...check], key));
  results.push(await paired('`check`, the same, zh_CN.UTF-8 locale (report in Chinese)', [cliPath, ...check.filter((arg) => arg !== '--json')], { ...key, LANG: 'zh_CN.UTF-8' }));
  results.push(await paired('`--help`', [cliPath, '--help'], {}));
  // The floor for any fetch-based check: Node's fetch (undici, its web streams) loaded and two requests
  // made; it exits at once, as the CLI does, instead of waiting for idle keep-alive sockets.
  const twoFetches = `Promise.all([${JSON.stringify(emulator.apiUrl)}, ${JSON.stringify(emulator.codestralUrl)}].map((u) => fetch(u + '/v1/models').then((r) => r.text()))).then(() => process.exit(0))`;
  results.push(await paired('for reference: `node -e` making two `fetch()` calls to the loopback hosts, nothing else', ['-e', twoFetches], {}));
} finally {
  await emulator.close();
}
load.push(os.loadavg()[0]);

console.log(`date: ${new Date().toISOString()}; machine: ${machine()}; load average ${load.map((l) => l.toFixed(1)).join(' → ')}`);
console.log(`${path.relative(root, cliPath)}: ${(cliBytes / 1024).toFixed(1)} KiB (${(cliGzipBytes / 1024).toFixed(1)} KiB gzipped)`);
console.log(`| run (${RUNS} pairs) | node -e 0 (median) | CLI (median) | paired ratio (median) |`);
console.log('|---|---|---|---|');
for (const r of results) console.log(`| ${r.label} | ${r.nodeMs.toFixed(0)} ms | ${r.cliMs.toFixed(0)} ms | **${r.ratio.toFixed(2)}** |`);
if (results[0].ratio > RATIO_GOAL) {
  console.error(`The check's cold-start ratio ${results[0].ratio.toFixed(2)} is above the goal of ${RATIO_GOAL}.`);
  process.exitCode = 1;
}
