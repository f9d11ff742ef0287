// What git says about a file: tracked, ignored, and the repository root. Any failure (git missing,
// not a repository, a timeout) answers "not tracked / not ignored / no root": never throws.
import { execFile } from 'node:child_process';
import path from 'node:path';

const GIT_TIMEOUT_MS = 3000;

function git(args: string[], cwd: string): Promise<{ code: number; stdout: string }> {
  return new Promise((resolve) => {
    execFile('git', args, { cwd, timeout: GIT_TIMEOUT_MS, windowsHide: true }, (error, stdout) => {
      if (!error) return resolve({ code: 0, stdout });
      const code = typeof error.code === 'number' ? error.code : -1;
      resolve({ code, stdout: '' });
    });
  });
}

export async function isTrackedByGit(filePath: string): Promise<boolean> {
  const result = await git(['ls-files', '--error-unmatch', '--', path.basename(filePath)], path.dirname(filePath));
  return result.code === 0;
}

/** True when git would ignore `filePath` (which need not exist yet). */
export async function isIgnoredByGit(filePath: string, repoRoot: string): Promise<boolean> {
  const result = await git(['check-ignore', '-q', '--', path.relative(repoRoot, filePath)], repoRoot);
  return result.code === 0;
}

export async function gitRoot(directory: string): Promise<string | null> {
  const result = await git(['rev-parse', '--show-toplevel'], directory);
  return result.code === 0 ? result.stdout.trim() || null : null;
}
