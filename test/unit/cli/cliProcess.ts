// Runs the built CLI (dist/cli.js) as a real process. The CLI tests need `npm run build` first (the
// README's test command does it); a missing or stale bundle fails loudly instead of testing old code.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
export const CLI_PATH = path.join(REPO_ROOT, 'dist', 'cli.js');
const MAP_PATH = `${CLI_PATH}.map`;
const L10N_BUNDLE = path.join(REPO_ROOT, 'l10n', 'bundle.l10n.zh-cn.json');
/** Without a source map (a production build) every directory the bundle may draw from counts. */
const BUNDLED_DIRS = ['src/cli', 'src/core', 'src/emulator'];

function filesIn(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The sources dist/cli.js was built from: its source map's list when it belongs to this build. */
function bundledSources(builtAt: number): string[] {
  if (fs.existsSync(MAP_PATH) && Math.abs(fs.statSync(MAP_PATH).mtimeMs - builtAt) < 5_000) {
    const map = JSON.parse(fs.readFileSync(MAP_PATH, 'utf8')) as { sources: string[] };
    return map.sources.map((source) => path.resolve(path.dirname(CLI_PATH), source)).filter((file) => !file.includes('node_modules'));
  }
  return BUNDLED_DIRS.flatMap((dir) => filesIn(path.join(REPO_ROOT, dir)));
}

/**
 * Throws when dist/cli.js is missing; warns when it is older than the sources it bundles (an edit
 * made while the suite runs should not fail it, but testing old code must not go unnoticed).
 */
export function assertCliBuilt(): void {
  if (!fs.existsSync(CLI_PATH)) throw new Error('dist/cli.js does not exist: run `npm run build` before the CLI tests.');
  const builtAt = fs.statSync(CLI_PATH).mtimeMs;
  const bundleAt = fs.existsSync(L10N_BUNDLE) ? fs.statSync(L10N_BUNDLE).mtimeMs : 0;
  const stale = [
    ...bundledSources(builtAt).map((file) => ({ file, builtAt })),
    ...filesIn(path.join(REPO_ROOT, 'l10n/parts')).map((file) => ({ file, builtAt: bundleAt })),
  ].find(({ file, builtAt: since }) => fs.existsSync(file) && fs.statSync(file).mtimeMs > since);
  if (stale) {
    console.warn(`WARNING: the build is older than ${path.relative(REPO_ROOT, stale.file)}; these CLI tests ran against it. Run \`npm run build\` first.`);
  }
}

export interface CliRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliRunOptions {
  /** The whole environment of the child (only PATH is added), so the caller's own key never leaks in. */
  env?: Record<string, string>;
  /** The working directory (the folder whose `.env` the doctor reads); the test process's own by default. */
  cwd?: string;
  stdin?: string;
  /** Leave stdin open after writing `stdin` (a pipe that never closes). */
  keepStdinOpen?: boolean;
  /** Called with the child's stderr so far, every time it grows. */
  onStderr?: (stderr: string, child: ReturnType<typeof spawn>) => void;
}

export function runCli(args: string[], options: CliRunOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI_PATH, ...args], {
      env: { PATH: process.env.PATH ?? '', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
      ...(options.cwd ? { cwd: options.cwd } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      options.onStderr?.(stderr, child);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    if (options.keepStdinOpen) child.stdin.write(options.stdin ?? '');
    else child.stdin.end(options.stdin ?? '');
    child.on('close', () => child.stdin.destroy());
  });
}

/** Runs the CLI under a pseudo-terminal (util-linux `script`), so it sees a TTY on stdin, stdout and stderr. */
export function runCliOnTerminal(
  args: string[],
  env: Record<string, string>,
  /** Called with the terminal's output so far whenever it grows; `type` sends keystrokes. */
  onOutput?: (output: string, type: (text: string) => void) => void,
): Promise<CliRun> {
  const command = [process.execPath, CLI_PATH, ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      env: { PATH: process.env.PATH ?? '', TERM: 'xterm-256color', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    const type = (text: string) => child.stdin.write(text);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      onOutput?.(stdout, type);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      child.stdin.destroy();
      resolve({ code, signal, stdout, stderr: '' });
    });
    if (!onOutput) child.stdin.end();
  });
}
