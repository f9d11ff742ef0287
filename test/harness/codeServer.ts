import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './freePort';
import { waitFor } from './poll';
import { repoRoot } from './repoRoot';
import type { RunDir } from './runDir';

const execFileAsync = promisify(execFile);

/** code-server's binary: $CODE_SERVER, else the one scripts/ensure-test-tools.sh installs. */
export function codeServerBinary(): string {
  const binary = process.env.CODE_SERVER ?? path.join(repoRoot(), '.tools/code-server/node_modules/.bin/code-server');
  if (!fs.existsSync(binary)) throw new Error(`code-server not found at ${binary}: run \`bash scripts/ensure-test-tools.sh\` (or set CODE_SERVER).`);
  return binary;
}

function profileArgs(run: RunDir): string[] {
  return ['--config', path.join(run.dir, 'code-server.yaml'), '--user-data-dir', run.userDataDir, '--extensions-dir', run.extensionsDir];
}

/** `code-server --version` as VS Code prints it: version, commit, architecture. */
export async function codeServerVersion(run: RunDir): Promise<{ code: string; commit: string }> {
  const { stdout } = await execFileAsync(codeServerBinary(), [...profileArgs(run), '--version'], { env: run.env });
  const match = /with Code (\S+)/.exec(stdout);
  if (!match?.[1]) throw new Error(`Unexpected \`code-server --version\` output: ${stdout}`);
  return { code: match[1], commit: /^\S+ ([0-9a-f]{40})/m.exec(stdout)?.[1] ?? 'unknown' };
}

/** Installs a .vsix into the run's extensions folder. */
export async function installExtension(run: RunDir, vsixPath: string): Promise<void> {
  try {
    await execFileAsync(codeServerBinary(), [...profileArgs(run), '--install-extension', path.resolve(vsixPath)], { env: run.env });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`code-server --install-extension ${vsixPath} failed:\n${stdout}${stderr}`);
  }
}

/** A running code-server, alone in its process group. */
export interface CodeServer {
  baseUrl: string;
  port: number;
  logFile: string;
  log(): string;
  stop(): Promise<void>;
}

/** Starts code-server on a free 127.0.0.1 port (loopback keeps webviews in a secure context) and waits for /healthz. */
/** `workspaceTrust`: keep VS Code's workspace trust on (off by default, so every folder is trusted). */
export async function startCodeServer(run: RunDir, options: { folder?: string; locale?: string; workspaceTrust?: boolean } = {}): Promise<CodeServer> {
  const port = await freePort();
  const logFile = path.join(run.dir, 'code-server.log');
  const logFd = fs.openSync(logFile, 'w');
  const args = [...profileArgs(run), '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry',
    '--disable-update-check', ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override',
    ...(options.locale ? ['--locale', options.locale] : []),
    ...(options.folder ? [options.folder] : [])];
  const child = spawn(codeServerBinary(), args, { env: run.env, detached: true, stdio: ['ignore', logFd, logFd] });
  fs.closeSync(logFd);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let running = true;
  void exited.then(() => { running = false; });
  const stopGroup = () => {
    try { if (child.pid) process.kill(-child.pid, 'SIGTERM'); } catch { /* already gone */ }
  };
  process.once('exit', stopGroup);
  const log = () => fs.readFileSync(logFile, 'utf8');
  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitFor(async () => {
      if (!running) throw new Error(`code-server exited while starting; its log:\n${log()}`);
      return (await fetch(`${baseUrl}/healthz`).catch(() => undefined))?.ok;
    }, { what: `code-server on ${baseUrl}`, timeoutMs: 60_000 });
  } catch (error) {
    stopGroup();
    throw new Error(`${(error as Error).message}\n--- code-server log ---\n${log()}`);
  }
  return {
    baseUrl, port, logFile, log,
    stop: async () => {
      process.removeListener('exit', stopGroup);
      if (!running) return;
      stopGroup();
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (running) try { if (child.pid) process.kill(-child.pid, 'SIGKILL'); } catch { /* already gone */ }
    },
  };
}
