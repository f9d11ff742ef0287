// `node bench/command-to-verdict.mjs [--runs N]`: command → verdict in the real workbench, with its
// breakdown (bench/README.md, "VS Code extension: command → verdict"). Packages the extension as the
// UI tests do; everything runs on loopback.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 6;

execFileSync('bash', ['scripts/ensure-test-tools.sh'], { cwd: root, stdio: 'inherit' });
execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: 'ignore' });
process.env.MKD_VSIX = path.join(root, 'mistral-key-doctor.vsix');

// Inside the checkout (out/ is git-ignored), so that playwright-core resolves from node_modules.
const outfile = path.join(root, 'out/bench/commandToVerdict.cjs');
await esbuild.build({
  entryPoints: [path.join(root, 'bench/commandToVerdict.ts')], bundle: true, platform: 'node', target: 'node20', format: 'cjs',
  external: ['vscode', 'playwright-core', '@opentelemetry/*'], outfile, logLevel: 'warning', absWorkingDir: root,
});
const { measure } = createRequire(import.meta.url)(outfile);
const { samples, engineLine } = await measure(runs);
console.log(`| run | click → panel shows content | click → verdict painted | extension host: ${'key search, probe, command to verdict'} |`);
console.log('|---|---|---|---|');
for (const sample of samples) console.log(`| ${sample.run}${sample.run === 1 ? ' (cold: panel created, engine loaded)' : ''} | ${sample.firstPaintMs} ms | ${sample.verdictMs} ms | ${sample.hostLine} |`);
console.log(engineLine ?? 'no engine load line in the log');
const warm = samples.slice(1).map((s) => s.verdictMs).sort((a, b) => a - b);
if (warm.length) console.log(`warm median click → verdict: ${warm[Math.floor(warm.length / 2)]} ms`);
