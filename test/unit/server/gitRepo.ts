// A throw-away git repository for tests of git-aware code.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface TempRepo {
  root: string;
  write(relative: string, text: string): string;
  commit(...relative: string[]): void;
  remove(): void;
}

export function tempGitRepo(): TempRepo {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-git-')));
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.invalid', ...args], { cwd: root, stdio: 'pipe' });
  git('init', '-q');
  return {
    root,
    write(relative, text) {
      const file = path.join(root, relative);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
      return file;
    },
    commit(...relative) {
      git('add', '--', ...relative);
      git('commit', '-q', '-m', 'fixture');
    },
    remove() {
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}
