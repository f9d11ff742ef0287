// Runs git with every option that could execute a command switched off. A repository's own
// `.git/config` can name programs (`core.fsmonitor`, hooks, pagers, external diff, textconv,
// credential helpers): command-line `-c` settings override it, the system config is not read, git
// itself is looked up only in fixed system folders (never through the workspace's PATH), and a
// timeout ends a git that hangs. Callers decide whether git may run at all (workspace trust).
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const GIT_TIMEOUT_MS = 3000;

export const SAFE_GIT_DIRECTORIES: readonly string[] = process.platform === 'win32'
  ? ['C:\\Program Files\\Git\\cmd', 'C:\\Program Files (x86)\\Git\\cmd']
  : ['/usr/bin', '/bin', '/usr/local/bin', '/opt/homebrew/bin'];

/** Settings that neutralise every executing option of the repository's configuration. */
export const SAFE_GIT_OPTIONS: readonly string[] = [
  '--no-pager',
  '-c', 'core.fsmonitor=',
  '-c', 'core.hooksPath=/dev/null',
  '-c', 'core.pager=cat',
  '-c', 'core.askPass=',
  '-c', 'core.sshCommand=',
  '-c', 'credential.helper=',
  '-c', 'diff.external=',
  '-c', 'protocol.allow=never',
];

export interface GitResult {
  code: number;
  stdout: string;
}

export type GitRunner = (args: string[], cwd: string) => Promise<GitResult>;

export function findGit(directories: readonly string[] = SAFE_GIT_DIRECTORIES): string | null {
  const name = process.platform === 'win32' ? 'git.exe' : 'git';
  for (const directory of directories) {
    const candidate = path.join(directory, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here: try the next folder
    }
  }
  return null;
}

function safeEnvironment(gitPath: string): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = {};
  for (const name of ['HOME', 'USERPROFILE', 'SYSTEMROOT', 'TMPDIR', 'TEMP', 'TMP']) {
    if (process.env[name] !== undefined) environment[name] = process.env[name];
  }
  return {
    ...environment,
    PATH: [path.dirname(gitPath), ...SAFE_GIT_DIRECTORIES].join(path.delimiter),
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_TERMINAL_PROMPT: '0',
    GIT_OPTIONAL_LOCKS: '0',
    GIT_PAGER: 'cat',
    PAGER: 'cat',
    LC_ALL: 'C',
  };
}

/** A git runner that never executes what the repository configures; any failure is a non-zero code. */
export function safeGitRunner(directories: readonly string[] = SAFE_GIT_DIRECTORIES): GitRunner {
  return (args, cwd) => new Promise((resolve) => {
    const gitPath = findGit(directories);
    if (!gitPath) return resolve({ code: -1, stdout: '' });
    execFile(gitPath, [...SAFE_GIT_OPTIONS, ...args], {
      cwd, timeout: GIT_TIMEOUT_MS, killSignal: 'SIGKILL', windowsHide: true, env: safeEnvironment(gitPath), maxBuffer: 1024 * 1024,
    }, (error, stdout) => {
      if (!error) return resolve({ code: 0, stdout });
      resolve({ code: typeof error.code === 'number' ? error.code : -1, stdout: '' });
    });
  });
}
