import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gitStatus } from '../../../src/shared/gitStatus';
import { safeGitRunner } from '../../../src/shared/safeGit';
import { tempGitRepo, type TempRepo } from './gitRepo';

let repo: TempRepo | null = null;
afterEach(() => {
  repo?.remove();
  repo = null;
});

const trusted = gitStatus(() => true);

describe('gitStatus', () => {
  it('tells tracked from untracked and ignored files in a trusted workspace', async () => {
    repo = tempGitRepo();
    const tracked = repo.write('.continue/config.yaml', 'models: []\n');
    const untracked = repo.write('.continue/other.yaml', 'x: 1\n');
    repo.write('.gitignore', '.env\n');
    repo.commit('.continue/config.yaml', '.gitignore');
    expect(await trusted.isTracked(tracked)).toBe(true);
    expect(await trusted.isTracked(untracked)).toBe(false);
    expect(await trusted.root(path.dirname(tracked))).toBe(repo.root);
    expect(await trusted.isIgnored(path.join(repo.root, '.continue/.env'), repo.root)).toBe(true);
    expect(await trusted.isIgnored(untracked, repo.root)).toBe(false);
  });

  it('runs no git at all while the workspace is untrusted', async () => {
    repo = tempGitRepo();
    const file = repo.write('config.yaml', 'a: 1\n');
    repo.commit('config.yaml');
    const calls: string[][] = [];
    const untrusted = gitStatus(() => false, async (args) => {
      calls.push(args);
      return { code: 0, stdout: '' };
    });
    expect(await untrusted.isTracked(file)).toBeNull();
    expect(await untrusted.root(repo.root)).toBeNull();
    expect(calls).toEqual([]);
  });

  it('answers "unknown" outside a repository, for missing folders, and when git is not installed', async () => {
    expect(await trusted.isTracked('/nonexistent-folder/.continue/config.yaml')).toBeNull();
    expect(await trusted.root('/nonexistent-folder')).toBeNull();
    repo = tempGitRepo();
    const file = repo.write('config.yaml', 'a: 1\n');
    repo.commit('config.yaml');
    const noGit = gitStatus(() => true, safeGitRunner([fs.mkdtempSync(path.join(repo.root, 'empty-'))]));
    expect(await noGit.isTracked(file)).toBeNull();
  });
});
