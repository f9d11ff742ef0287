// `npm run test:integration`: the mocha suites under test/integration/suite/ in a real VS Code extension host,
// through @vscode/test-electron's runTests(). Where VS Code cannot be downloaded (the default here), the
// "VS Code" it launches is test/harness/vscodeShim.ts: code-server's Node extension host driven by headless
// Chromium. MKD_USE_DOWNLOADED_VSCODE=1 runs the same suites in a downloaded desktop VS Code instead.
// Env: MKD_TEST_GREP (only tests whose title matches), TEST_TIMEOUT_MS, VERBOSE, KEEP_RUN_DIR.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';
import { buildTests } from '../harness/buildTests.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const useDownloadedVsCode = process.env.MKD_USE_DOWNLOADED_VSCODE === '1';
const started = Date.now();
const lap = (message) => console.log(`[test:integration +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);

function runStep(what, file, args) {
  try {
    execFileSync(file, args, { cwd: root, stdio: 'inherit' });
  } catch {
    console.error(`[test:integration] ${what} failed (see above)`);
    process.exit(1);
  }
}

if (!useDownloadedVsCode) runStep('installing the test tools', 'bash', ['scripts/ensure-test-tools.sh']);
runStep('building the extension', process.execPath, ['esbuild.mjs']);
const out = await buildTests(root, { integration: true });
const harness = createRequire(import.meta.url)(path.join(out, 'harness/index.js'));
lap('extension and tests built');
const vscodeExecutablePath = useDownloadedVsCode ? undefined : path.join(out, 'harness/vscodeShim.js');
if (vscodeExecutablePath) {
  const [version, commit] = execFileSync(vscodeExecutablePath, ['--version'], { cwd: root, encoding: 'utf8' }).split('\n');
  lap(`VS Code ${version} (${commit?.slice(0, 10)}) through code-server's extension host and headless Chromium`);
}

/**
 * One window of tests. Suites in `*.untrusted.test.ts` need a window whose folder is not trusted
 * (workspace trust on, never granted); index.ts picks the files that match the window it runs in.
 */
async function runWindow(label, window, extraSettings, extraArgs = []) {
  const run = harness.createRunDir(label);
  const workspace = path.join(run.dir, 'workspace');
  fs.cpSync(path.join(root, 'test/integration/fixtures/workspace'), workspace, { recursive: true });
  harness.writeUserSettings(run, extraSettings);
  let exitCode = 1;
  try {
    exitCode = await runTests({
      ...(vscodeExecutablePath ? { vscodeExecutablePath } : {}),
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(out, 'integration/index'),
      launchArgs: [workspace, `--user-data-dir=${run.userDataDir}`, `--extensions-dir=${run.extensionsDir}`, '--disable-extensions', ...extraArgs],
      extensionTestsEnv: { MKD_TEST_RUN_DIR: run.dir, MKD_TEST_WINDOW: window },
    });
  } catch (error) {
    console.error(`[test:integration] ${error.message}`);
  } finally {
    lap(exitCode === 0 ? `${label}: all extension-host tests passed` : `${label}: extension-host tests FAILED`);
    if (exitCode === 0) run.remove();
    else console.error(`[test:integration] run folder kept for inspection: ${run.dir}`);
  }
  return exitCode;
}

const trusted = await runWindow('integration', 'trusted', {});
const untrusted = await runWindow('integration-untrusted', 'untrusted', {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.emptyWindow': false,
}, vscodeExecutablePath ? ['--enable-workspace-trust'] : []);
// The oldest VS Code package.json claims (engines.vscode, installed by scripts/ensure-test-tools.sh):
// the trusted window once more, on it. CODE_SERVER set by the caller picks one code-server for all.
let oldest = 0;
if (vscodeExecutablePath && !process.env.CODE_SERVER) {
  process.env.CODE_SERVER = path.join(root, '.tools/code-server-oldest/node_modules/.bin/code-server');
  const [version] = execFileSync(vscodeExecutablePath, ['--version'], { cwd: root, encoding: 'utf8' }).split('\n');
  lap(`the oldest VS Code the extension claims: ${version}`);
  oldest = await runWindow('integration-oldest', 'trusted', {});
  delete process.env.CODE_SERVER;
}
process.exit([trusted, untrusted, oldest].find((code) => code !== 0) ?? 0);
