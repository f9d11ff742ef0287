// `npm run test:e2e`: the UI tests. Packages the extension (.vsix, checked with `vsce ls`), bundles
// test/e2e/**/*.test.ts, and runs them with mocha; each test file opens its own code-server with the
// .vsix installed, in headless Chromium. `--update-screenshots` (or MKD_UPDATE_SCREENSHOTS=1) also
// refreshes media/screenshots/. Env: MKD_TEST_GREP (only tests whose title matches), KEEP_RUN_DIR.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Mocha from 'mocha';
import { buildTests } from '../harness/buildTests.mjs';

process.setSourceMapsEnabled(true);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const vsix = path.join(root, 'mistral-key-doctor.vsix');
const started = Date.now();
const lap = (message) => console.log(`[test:e2e +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

/** What the .vsix must hold, and what must never ship in it. */
const REQUIRED_IN_VSIX = ['package.json', 'dist/extension-page.md', 'LICENSE', 'dist/THIRD_PARTY_NOTICES.md', 'dist/extension.js', 'dist/engine.js', 'dist/languageClient.js', 'dist/server.js', 'media/webview.js'];
const FORBIDDEN_IN_VSIX = [/^(src|test|out|bench|scripts|node_modules|\.tools|\.test-runs|\.ci)\//, /(?<!\.d)\.ts$/, /\.map$/, /(^|\/)\.env/];

function runStep(what, file, args, options = {}) {
  try {
    return execFileSync(file, args, { cwd: root, stdio: options.capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8' });
  } catch {
    console.error(`[test:e2e] ${what} failed (see above)`);
    process.exit(1);
  }
}

function checkPackageContents() {
  const listed = runStep('vsce ls', process.execPath, [path.join(root, 'scripts/package-vsix.mjs'), '--list'], { capture: true })
    .split('\n').map((line) => line.trim()).filter(Boolean);
  const missing = REQUIRED_IN_VSIX.filter((file) => !listed.includes(file));
  const forbidden = listed.filter((file) => FORBIDDEN_IN_VSIX.some((pattern) => pattern.test(file)));
  if (missing.length || forbidden.length) {
    console.error(`[test:e2e] the .vsix contents are wrong (.vscodeignore is an allowlist):${missing.length ? `\n  missing: ${missing.join(', ')}` : ''}${forbidden.length ? `\n  must not ship: ${forbidden.join(', ')}` : ''}`);
    process.exit(1);
  }
  lap(`.vsix holds ${listed.length} files: ${listed.join(', ')}`);
}

runStep('installing the test tools', 'bash', ['scripts/ensure-test-tools.sh']);
runStep('packaging the extension', 'npm', ['run', '--silent', 'package']);
checkPackageContents();
const out = await buildTests(root, { e2e: true });
lap(`packaged ${path.relative(root, vsix)} (${Math.round(fs.statSync(vsix).size / 1024)} KiB) and built the UI tests`);

process.env.MKD_VSIX = vsix;
if (process.argv.includes('--update-screenshots')) process.env.MKD_UPDATE_SCREENSHOTS = '1';
const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 180_000, reporter: 'spec' });
Mocha.interfaces.bdd(mocha.suite);
if (process.env.MKD_TEST_GREP) mocha.grep(process.env.MKD_TEST_GREP);
const testFiles = fs.readdirSync(path.join(out, 'e2e'), { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile() && entry.name.endsWith('.test.js'))
  .map((entry) => path.join(entry.parentPath, entry.name))
  .sort();
for (const file of testFiles) mocha.addFile(file);
await mocha.loadFilesAsync();
mocha.run((failures) => {
  lap(failures ? `${failures} UI test(s) FAILED` : 'all UI tests passed');
  process.exit(failures ? 1 : 0);
});
