// What git says about a file: tracked, ignored, and the repository root. Git runs only while the
// workspace is trusted (the client says so), and then only through the safe runner. Untrusted, or
// on any failure (git missing, not a repository, a timeout), the answer is null: "git was not asked".
import path from 'node:path';
import { safeGitRunner, type GitRunner } from './safeGit';

export interface GitStatus {
  isTracked(filePath: string): Promise<boolean | null>;
  /** Whether git would ignore `filePath` (which need not exist yet). */
  isIgnored(filePath: string, repoRoot: string): Promise<boolean | null>;
  root(directory: string): Promise<string | null>;
}

export function gitStatus(isTrusted: () => boolean, run: GitRunner = safeGitRunner()): GitStatus {
  const git = async (args: string[], cwd: string) => (isTrusted() ? run(args, cwd) : null);
  return {
    async isTracked(filePath) {
      const result = await git(['ls-files', '--error-unmatch', '--', path.basename(filePath)], path.dirname(filePath));
      return result === null || result.code === -1 ? null : result.code === 0;
    },
    async isIgnored(filePath, repoRoot) {
      const result = await git(['check-ignore', '-q', '--', path.relative(repoRoot, filePath)], repoRoot);
      return result === null || result.code === -1 ? null : result.code === 0;
    },
    async root(directory) {
      const result = await git(['rev-parse', '--show-toplevel'], directory);
      return result?.code === 0 ? result.stdout.trim() || null : null;
    },
  };
}
