// Bundles the test harness and test files with esbuild into out/test/ (one CommonJS file per entry,
// mirroring test/): `vscode` comes from the extension host, mocha and playwright-core from node_modules.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const TEST_FILE = /\.test\.ts$/;

function filesUnder(dir, pattern) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && pattern.test(entry.name))
    .map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
}

/**
 * @param {string} root the checkout
 * @param {{ integration?: boolean, e2e?: boolean }} which test trees to build besides the harness
 */
export async function buildTests(root, which) {
  const out = path.join(root, 'out/test');
  const entries = [path.join(root, 'test/harness/index.ts')];
  if (which.integration) {
    fs.rmSync(path.join(out, 'integration'), { recursive: true, force: true });
    entries.push(path.join(root, 'test/integration/index.ts'), ...filesUnder(path.join(root, 'test/integration/suite'), TEST_FILE));
  }
  if (which.e2e) {
    fs.rmSync(path.join(out, 'e2e'), { recursive: true, force: true });
    entries.push(...filesUnder(path.join(root, 'test/e2e'), TEST_FILE));
  }
  const options = {
    absWorkingDir: root,
    outbase: path.join(root, 'test'),
    outdir: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha', 'playwright-core', '@opentelemetry/*'],
    logLevel: 'warning',
  };
  await Promise.all([
    esbuild.build({ ...options, entryPoints: entries }),
    // Launched as an executable by @vscode/test-electron (vscodeExecutablePath).
    esbuild.build({ ...options, entryPoints: [path.join(root, 'test/harness/vscodeShim.ts')], banner: { js: '#!/usr/bin/env node' } }),
  ]);
  fs.chmodSync(path.join(out, 'harness/vscodeShim.js'), 0o755);
  return out;
}
