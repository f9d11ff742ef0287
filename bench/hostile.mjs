// `node bench/hostile.mjs`: peak memory and time of the language server's analysis for the worst
// shapes at the size limit (and above it), each in a fresh process so one shape's garbage never
// counts against another. Figures for bench/README.md; budget per shape: ≤ 256 MB peak, ≤ 2 s.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { nodeBundleOptions } from '../scripts/node-bundle-options.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const BUDGET = { ms: 2000, peakMb: 256 };

const SHAPES = {
  'YAML merge keys fanning 10 ways over 12 levels (836 bytes)': ['continue-yaml', (h) => h.mergeFanOut(12, 10)],
  'YAML merge keys fanning 40 ways over 60 levels (15 KiB)': ['continue-yaml', (h) => h.mergeFanOut(60, 40)],
  'YAML: one anchored item aliased in every line, at the limit': ['continue-yaml', (h, limit) => `x: &m {provider: mistral, model: codestral-latest}\nmodels:\n${'  - *m\n'.repeat(Math.floor((limit - 60) / 7))}`],
  'YAML flow mappings, one line, at the limit': ['continue-yaml', (h, limit) => h.yamlFlowMappings(limit)],
  'YAML block items, at the limit': ['continue-yaml', (h, limit) => repeatedTo(limit, 'models:\n', () => '  - provider: mistral\n    model: codestral-latest\n')],
  'JSON objects (Continue config.json), at the limit': ['continue-json', (h, limit) => h.jsonObjects(limit)],
  'VS Code settings.json of small objects, at the limit': ['vscode-settings', (h, limit) => h.jsonObjects(limit)],
  'TOML inline tables at the value cap': ['vibe', (h, limit, cap) => h.tomlInlineTables(Math.floor(cap / 16) * 33)],
  'TOML long strings, at the limit': ['vibe', (h, limit) => repeatedTo(limit, '', (i) => `k${i} = "${'a'.repeat(120)}"\n`)],
  'one-line .env, at the limit': ['dotenv', (h, limit) => h.oneLineDotenv(limit)],
  'above the limit: 1.1 MB of TOML inline tables': ['vibe', (h) => h.tomlInlineTables(1_100_000)],
  'above the limit: 50 MB one-line .env': ['dotenv', (h) => h.oneLineDotenv(50 * 1024 * 1024)],
};

/** `head` and then `line(i)` for i = 0, 1… as long as the text stays within `limit` characters. */
function repeatedTo(limit, head, line) {
  const parts = [head];
  let length = head.length;
  for (let index = 0; ; index++) {
    const next = line(index);
    if (length + next.length > limit) return parts.join('');
    parts.push(next);
    length += next.length;
  }
}

const EXPORTS = `
export { analyzeConfig } from './src/server/analyzeConfig';
export { MAX_CONFIG_FILE_CHARACTERS, MAX_TOML_VALUES } from './src/core/defaults';
export * as hostile from './test/fuzz/hostileConfigs';
`;

if (process.argv[2] === '--shape') {
  const modulePath = process.argv[3];
  const name = process.argv[4];
  const { analyzeConfig, MAX_CONFIG_FILE_CHARACTERS, MAX_TOML_VALUES, hostile } = createRequire(import.meta.url)(modulePath);
  const [kind, make] = SHAPES[name];
  const text = make(hostile, MAX_CONFIG_FILE_CHARACTERS, MAX_TOML_VALUES);
  const ctx = { now: new Date('2026-12-01T00:00:00Z'), preferredCodestralModel: 'codestral-2501', models: null, keyKindOf: () => undefined, gitTracked: false };
  const baseRss = process.resourceUsage().maxRSS;
  const started = performance.now();
  const analysis = analyzeConfig(kind, text, ctx);
  const ms = performance.now() - started;
  const codes = [...new Set(analysis.findings.map((finding) => finding.code))].join(',') || 'none';
  console.log(JSON.stringify({ name, kind, chars: text.length, ms, peakMb: process.resourceUsage().maxRSS / 1024, baseMb: baseRss / 1024, codes }));
  process.exit(0);
}

const outfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-bench-hostile-')), 'hostile.cjs');
await esbuild.build({ ...nodeBundleOptions(), sourcemap: false, stdin: { contents: EXPORTS, resolveDir: root, loader: 'ts' }, outfile });

const rows = [];
for (const name of Object.keys(SHAPES)) {
  const line = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--shape', outfile, name], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const row = JSON.parse(line.trim().split('\n').at(-1));
  rows.push(row);
  console.log(`${row.name}: ${(row.chars / 1024).toFixed(0)} KiB ${row.kind}, ${row.ms.toFixed(0)} ms, peak RSS ${row.peakMb.toFixed(0)} MB (process at start ${row.baseMb.toFixed(0)} MB) → ${row.codes}`);
}
const over = rows.filter((row) => row.ms > BUDGET.ms || row.peakMb > BUDGET.peakMb);
console.log(over.length === 0 ? `every shape within ${BUDGET.peakMb} MB and ${BUDGET.ms} ms` : `OVER BUDGET: ${over.map((row) => row.name).join('; ')}`);
process.exit(over.length === 0 ? 0 : 1);
