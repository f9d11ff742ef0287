// Stands in for the VS Code binary that @vscode/test-electron's runTests() launches (`vscodeExecutablePath`)
// on machines that cannot download VS Code: it runs the extension tests in code-server's real (Node, remote)
// extension host, with the workbench opened in headless Chromium. Takes VS Code's own flags:
//   --extensionDevelopmentPath=<dir> (repeatable) --extensionTestsPath=<module> [--extensionDevelopmentKind=web]
//   [--user-data-dir=<dir>] [--extensions-dir=<dir>] [--enable-workspace-trust] [--version] [workspace folder]
// Exit code: the tests' (0 when all pass). Env: TEST_TIMEOUT_MS (default 300000), VERBOSE, KEEP_RUN_DIR.
import fs from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { launchBrowser, workbenchUrl } from './browser';
import { codeServerVersion, startCodeServer } from './codeServer';
import { createRunDir, runDirAt, writeUserSettings, type RunDir } from './runDir';

interface ShimArgs {
  version: boolean;
  developmentPaths: string[];
  testsPath: string | undefined;
  developmentKind: string | undefined;
  userDataDir: string | undefined;
  extensionsDir: string | undefined;
  folder: string | undefined;
  workspaceTrust: boolean;
}

const FLAGS_WITH_SEPARATE_VALUE = new Set(['user-data-dir', 'extensions-dir', 'locale', 'log', 'extensionDevelopmentPath',
  'extensionTestsPath', 'extensionDevelopmentKind']);

function parseArgs(argv: string[]): ShimArgs {
  const parsed: ShimArgs = { version: false, developmentPaths: [], testsPath: undefined, developmentKind: undefined,
    userDataDir: undefined, extensionsDir: undefined, folder: undefined, workspaceTrust: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    const flag = /^--([^=]+)(?:=(.*))?$/.exec(arg);
    if (!flag) { parsed.folder = path.resolve(arg); continue; }
    const name = flag[1] ?? '';
    const value = () => path.resolve(flag[2] ?? (FLAGS_WITH_SEPARATE_VALUE.has(name) ? argv[++i] ?? '' : ''));
    if (name === 'version') parsed.version = true;
    else if (name === 'enable-workspace-trust') parsed.workspaceTrust = true;
    else if (name === 'extensionDevelopmentPath') parsed.developmentPaths.push(value());
    else if (name === 'extensionTestsPath') parsed.testsPath = value();
    else if (name === 'extensionDevelopmentKind') parsed.developmentKind = flag[2] ?? argv[++i];
    else if (name === 'user-data-dir') parsed.userDataDir = value();
    else if (name === 'extensions-dir') parsed.extensionsDir = value();
    else if (FLAGS_WITH_SEPARATE_VALUE.has(name) && flag[2] === undefined) i++;
  }
  return parsed;
}

/** The remote authority the workbench uses for the server's files (4.100: "127.0.0.1:<port>"). */
async function remoteAuthority(baseUrl: string, folder: string): Promise<string> {
  const html = await (await fetch(workbenchUrl(baseUrl, folder))).text();
  const settings = /id="vscode-workbench-web-configuration" data-settings="([^"]*)"/.exec(html)?.[1];
  const authority = settings
    ? (JSON.parse(settings.replace(/&quot;/g, '"').replace(/&amp;/g, '&')) as { remoteAuthority?: unknown }).remoteAuthority
    : undefined;
  // Newer code-server serves the placeholder "remote" and substitutes location.host in the page.
  return typeof authority === 'string' && authority !== 'remote' ? authority : new URL(baseUrl).host;
}

async function runExtensionTests(args: ShimArgs, run: RunDir): Promise<number> {
  const timeoutMs = Number(process.env.TEST_TIMEOUT_MS ?? 300_000);
  const started = Date.now();
  const lap = (message: string) => console.log(`[vscode-shim +${((Date.now() - started) / 1000).toFixed(1)}s] ${message}`);
  const folder = args.folder ?? fs.mkdtempSync(path.join(run.dir, 'workspace-'));
  const server = await startCodeServer(run, { workspaceTrust: args.workspaceTrust });
  lap(`code-server up on ${server.baseUrl}`);
  const { context, page } = await launchBrowser(run);
  try {
    let finish: (code: number) => void = () => undefined;
    const finished = new Promise<number>((resolve) => { finish = resolve; });
    // The workbench reports the tests' end and output through these two hooks (as @vscode/test-web does).
    await page.exposeFunction('codeAutomationExit', (code: number) => finish(code));
    await page.exposeFunction('codeAutomationLog', (type: string, logArgs: unknown) => {
      const line = format(...(Array.isArray(logArgs) ? logArgs as unknown[] : [logArgs]));
      (type === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
    });
    page.on('pageerror', (error) => console.error(`[workbench error] ${error.message}`));
    if (process.env.VERBOSE) page.on('console', (message) => console.log(`[workbench ${message.type()}] ${message.text()}`));
    // Newer code-server only honours the development payload with the smoke-test driver enabled, which
    // its CLI does not expose: set the flag in the page's configuration element before the workbench reads it.
    await page.addInitScript(() => {
      const observer = new MutationObserver(() => {
        const element = document.getElementById('vscode-workbench-web-configuration');
        const settings = element?.getAttribute('data-settings');
        if (!element || !settings) return;
        const config = JSON.parse(settings) as { developmentOptions?: Record<string, unknown> };
        config.developmentOptions = { ...config.developmentOptions, enableSmokeTestDriver: true };
        element.setAttribute('data-settings', JSON.stringify(config));
        observer.disconnect();
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    const authority = await remoteAuthority(server.baseUrl, folder);
    const remote = (file: string) => `vscode-remote://${authority}${file}`;
    const payload: [string, string][] = [
      ...args.developmentPaths.map((dir): [string, string] => ['extensionDevelopmentPath', remote(dir)]),
      ['extensionTestsPath', remote(args.testsPath ?? '')],
      ...(args.developmentKind ? [['extensionDevelopmentKind', args.developmentKind] as [string, string]] : []),
    ];
    await page.goto(workbenchUrl(server.baseUrl, folder, payload), { waitUntil: 'domcontentloaded' });
    lap('workbench opened, extension tests running');
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => { timer = setTimeout(() => resolve('timeout'), timeoutMs); });
    const code = await Promise.race([finished, timedOut]);
    clearTimeout(timer);
    if (code === 'timeout') {
      console.error(`[vscode-shim] the extension tests did not finish within ${timeoutMs} ms (TEST_TIMEOUT_MS)`);
      await page.screenshot({ path: path.join(run.dir, 'timeout.png') }).catch(() => undefined);
    }
    lap(`extension tests finished with exit code ${code}`);
    if (code !== 0 || process.env.VERBOSE) console.log(`--- code-server log (${server.logFile}) ---\n${server.log()}`);
    return code === 'timeout' ? 1 : code;
  } finally {
    await context.close().catch(() => undefined);
    await server.stop();
  }
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const fresh = createRunDir('ext-host');
  const run = args.userDataDir || args.extensionsDir
    ? runDirAt(fresh.dir, args.userDataDir ?? fresh.userDataDir, args.extensionsDir ?? fresh.extensionsDir)
    : fresh;
  try {
    if (args.version) {
      const { code, commit } = await codeServerVersion(run);
      console.log(`${code}\n${commit}\n${process.arch}`);
      return 0;
    }
    if (!args.developmentPaths.length || !args.testsPath) {
      console.error('usage: vscodeShim --extensionDevelopmentPath=<dir> --extensionTestsPath=<module> [--user-data-dir=<dir>] [workspace folder]');
      return 2;
    }
    if (!fs.existsSync(path.join(run.userDataDir, 'User', 'settings.json'))) writeUserSettings(run);
    return await runExtensionTests(args, run);
  } finally {
    fresh.remove();
  }
}

main().then((code) => process.exit(code), (error: Error) => {
  console.error(`[vscode-shim] ${error.stack ?? error.message}`);
  process.exit(1);
});
