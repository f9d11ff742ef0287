// A repository's own `.git/config` can name programs for git to run. The safe runner must never
// run them; the same repository with plain git shows that the trap is real.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findGit, safeGitRunner, SAFE_GIT_OPTIONS } from '../../../src/shared/safeGit';
import { tempGitRepo, type TempRepo } from './gitRepo';

let repo: TempRepo | null = null;
afterEach(() => {
  repo?.remove();
  repo = null;
});

/** A repository whose config runs a script (fsmonitor, hooks, pager) that writes a marker file. */
function trappedRepo(): { root: string; marker: string; file: string } {
  repo = tempGitRepo();
  const file = repo.write('.env', 'MISTRAL_API_KEY=x\n');
  repo.commit('.env');
  const marker = path.join(repo.root, 'MARKER');
  const script = repo.write('trap.sh', `#!/bin/sh\ntouch '${marker}'\n`);
  fs.chmodSync(script, 0o755);
  fs.mkdirSync(path.join(repo.root, 'hooks'), { recursive: true });
  fs.copyFileSync(script, path.join(repo.root, 'hooks', 'post-index-change'));
  fs.chmodSync(path.join(repo.root, 'hooks', 'post-index-change'), 0o755);
  fs.appendFileSync(path.join(repo.root, '.git', 'config'), `[core]\n\tfsmonitor = ${script}\n\thooksPath = ${path.join(repo.root, 'hooks')}\n\tpager = ${script}\n`);
  return { root: repo.root, marker, file };
}

describe('safeGitRunner', () => {
  it('runs git without the commands a .git/config names (core.fsmonitor, hooks, pager)', async () => {
    const { root, marker } = trappedRepo();
    const run = safeGitRunner();
    expect(await run(['ls-files', '--error-unmatch', '--', '.env'], root)).toEqual({ code: 0, stdout: '.env\n' });
    expect((await run(['check-ignore', '-q', '--', '.env'], root)).code).toBe(1);
    expect((await run(['rev-parse', '--show-toplevel'], root)).stdout.trim()).toBe(root);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('is needed: plain git in the same repository runs the fsmonitor command', () => {
    const { root, marker } = trappedRepo();
    execFileSync('git', ['ls-files', '--', '.env'], { cwd: root, stdio: 'pipe' });
    expect(fs.existsSync(marker)).toBe(true);
  });

  it('switches every executing option off and finds git only in fixed folders', () => {
    expect(SAFE_GIT_OPTIONS).toEqual(expect.arrayContaining(['--no-pager', 'core.fsmonitor=', 'core.hooksPath=/dev/null', 'diff.external=']));
    const workspaceBin = fs.mkdtempSync(path.join(process.env.TMPDIR ?? '/tmp', 'mkd-bin-'));
    fs.writeFileSync(path.join(workspaceBin, 'git'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    const savedPath = process.env.PATH;
    process.env.PATH = `${workspaceBin}${path.delimiter}${savedPath ?? ''}`;
    try {
      expect(findGit()).not.toBe(path.join(workspaceBin, 'git'));
      expect(findGit([workspaceBin + '-missing'])).toBeNull();
    } finally {
      process.env.PATH = savedPath;
      fs.rmSync(workspaceBin, { recursive: true, force: true });
    }
  });
});
