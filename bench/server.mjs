// `node bench/server.mjs`: the config language server's figures for bench/README.md. Builds
// dist/server.js, talks LSP to it over stdio like an editor, and measures the time from
// didOpen/didChange to the diagnostics for that version, and the server's resident memory.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { nodeBundleOptions } from '../scripts/node-bundle-options.mjs';
import { loadFromSource } from './loadSource.mjs';
import jsonrpc from 'vscode-jsonrpc/node';

const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = jsonrpc;

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const serverPath = path.join(root, 'dist', 'server.js');
const RUNS = 60;
const GOALS = { typicalMs: 10, largeMs: 50, rssMb: 60 };
const SERVER_EXEC_ARGV = (process.env.MKD_SERVER_EXEC_ARGV ?? '').split(' ').filter(Boolean);

function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function modelItem(index) {
  const mistral = index % 2 === 1;
  return [
    `  - name: Model ${index}`,
    `    provider: ${mistral ? 'mistral' : 'openai'}`,
    `    model: ${index % 10 === 1 ? 'codestral-latest' : mistral ? 'codestral-2508' : 'gpt-4o'}`,
    '    apiKey: ${{ secrets.MISTRAL_API_KEY }}',
    '    roles: [chat, edit]',
  ].join('\n');
}

/** A Continue config of about `lines` lines: a few Mistral models among others. */
function continueConfig(lines, marker) {
  const items = Array.from({ length: Math.max(1, Math.floor((lines - 4) / 5)) }, (_, index) => modelItem(index));
  return `# ${marker}\nname: Bench assistant\nversion: 1.0.0\nmodels:\n${items.join('\n')}\n`;
}

function startServer(execArgv = []) {
  const child = spawn(process.execPath, [...execArgv, serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const waiting = new Map();
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    const key = `${params.uri}#${params.version}`;
    waiting.get(key)?.(params);
    waiting.delete(key);
  });
  connection.listen();
  const diagnosticsFor = (uri, version) => new Promise((resolve) => waiting.set(`${uri}#${version}`, resolve));
  return { child, connection, diagnosticsFor };
}

async function timed(server, uri, version, send) {
  const arrived = server.diagnosticsFor(uri, version);
  const started = performance.now();
  await send();
  const params = await arrived;
  return { ms: performance.now() - started, count: params.diagnostics.length };
}

async function changeLatency(server, uri, lines) {
  let version = 1;
  await timed(server, uri, version, () => server.connection.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'yaml', version, text: continueConfig(lines, 'v1') },
  }));
  const samples = [];
  for (let run = 0; run < RUNS; run++) {
    version++;
    const text = continueConfig(lines, `v${version}`);
    samples.push((await timed(server, uri, version, () => server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version }, contentChanges: [{ text }],
    }))).ms);
  }
  return samples;
}

function rssMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

// The release build (`node esbuild.mjs --production`): minified, as the .vsix ships it.
await esbuild.build({
  ...nodeBundleOptions({ production: true }), absWorkingDir: root, entryPoints: ['src/server/server.ts'], outfile: serverPath,
});
const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-bench-server-'));
const uriOf = (name) => pathToFileURL(path.join(workspace, name, '.continue', 'config.yaml')).toString();
for (let index = 0; index < 24; index++) fs.mkdirSync(path.join(workspace, `p${index}`, '.continue'), { recursive: true });

async function initialized(server) {
  await server.connection.sendRequest('initialize', {
    processId: process.pid, rootUri: null, capabilities: {},
    initializationOptions: { preferredCodestralModel: 'codestral-2501', now: '2025-09-01T00:00:00Z' },
  });
  await server.connection.sendNotification('initialized', {});
  return server;
}

async function stop(server) {
  await server.connection.sendRequest('shutdown');
  await server.connection.sendNotification('exit');
  server.connection.dispose();
}

async function openConfigs(server, count, lines) {
  const samples = [];
  for (let index = 0; index < count; index++) {
    const uri = uriOf(`p${index}`);
    samples.push((await timed(server, uri, 1, () => server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'yaml', version: 1, text: continueConfig(lines, `open ${index}`) },
    }))).ms);
  }
  return samples;
}

const server = await initialized(startServer());
const typicalLines = continueConfig(40, 'x').split('\n').length;
const largeLines = continueConfig(5000, 'x').split('\n').length;
const typical = await changeLatency(server, uriOf('p22'), 40);
const large = await changeLatency(server, uriOf('p23'), 5000);
await stop(server);

// Memory: a fresh server, as the extension starts it, with 20 typical configs open.
const fresh = await initialized(startServer(SERVER_EXEC_ARGV));
const opens = await openConfigs(fresh, 20, 40);
const rss = rssMb(fresh.child.pid);
await stop(fresh);
fs.rmSync(workspace, { recursive: true, force: true });

// The same analysis in-process, as CPU time: on a shared machine wall times above include waiting
// for a core; CPU time shows what the server itself spends.
async function analysisCpuMs(lines) {
  const { analyzeConfig } = await loadFromSource("export { analyzeConfig } from './src/server/analyzeConfig';", 'analyze');
  const ctx = { now: new Date('2025-09-01T00:00:00Z'), preferredCodestralModel: 'codestral-2501', models: null, keyKindOf: () => undefined, gitTracked: false };
  const samples = [];
  for (let run = 0; run < RUNS; run++) {
    const text = continueConfig(lines, `cpu ${run}`);
    const before = process.cpuUsage();
    analyzeConfig('continue-yaml', text, ctx);
    const spent = process.cpuUsage(before);
    samples.push((spent.user + spent.system) / 1000);
  }
  return { medianMs: percentile(samples, 50), p95Ms: percentile(samples, 95) };
}
const cpuTypical = await analysisCpuMs(40);
const cpuLarge = await analysisCpuMs(5000);

const figures = {
  machine: `${os.cpus().length} cores, Node ${process.version}`,
  typical: { lines: typicalLines, medianMs: percentile(typical, 50), p95Ms: percentile(typical, 95) },
  large: { lines: largeLines, medianMs: percentile(large, 50), p95Ms: percentile(large, 95) },
  didOpen: { medianMs: percentile(opens, 50), p95Ms: percentile(opens, 95) },
  rssAfter20ConfigsMb: rss,
};
const format = (value) => value.toFixed(1);
console.log(`didChange → diagnostics, ${typicalLines}-line config: median ${format(figures.typical.medianMs)} ms, p95 ${format(figures.typical.p95Ms)} ms (goal ≤ ${GOALS.typicalMs} ms)`);
console.log(`didChange → diagnostics, ${largeLines}-line config: median ${format(figures.large.medianMs)} ms, p95 ${format(figures.large.p95Ms)} ms (goal ≤ ${GOALS.largeMs} ms)`);
console.log(`analysis CPU time in-process: ${typicalLines} lines median ${format(cpuTypical.medianMs)} ms (p95 ${format(cpuTypical.p95Ms)}), ${largeLines} lines median ${format(cpuLarge.medianMs)} ms (p95 ${format(cpuLarge.p95Ms)})`);
console.log(`didOpen → diagnostics (git look-up runs in the background): median ${format(figures.didOpen.medianMs)} ms, p95 ${format(figures.didOpen.p95Ms)} ms`);
console.log(`resident memory of a fresh server after opening 20 configs: ${format(rss)} MB (goal ≤ ${GOALS.rssMb} MB)`);
const met = figures.typical.medianMs <= GOALS.typicalMs && figures.large.medianMs <= GOALS.largeMs && rss <= GOALS.rssMb;
process.exit(met ? 0 : 1);
