// Runs the CLI as a real process: the bundle test/unit/globalSetup.ts built for this run (never
// dist/, which a build may be rewriting), with the zh-cn strings beside it as in a release.
import { spawn } from 'node:child_process';
import { testBuild } from '../testBuild';

/** The CLI bundle of this run. */
export const cliPath = (): string => testBuild().cli;

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
    const child = spawn(process.execPath, [cliPath(), ...args], {
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
  const command = [process.execPath, cliPath(), ...args].map((part) => `'${part.replace(/'/g, `'\\''`)}'`).join(' ');
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
