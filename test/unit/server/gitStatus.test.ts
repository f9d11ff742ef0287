import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { gitRoot, isIgnoredByGit, isTrackedByGit } from '../../../src/server/gitStatus';
import { tempGitRepo, type TempRepo } from './gitRepo';

let repo: TempRepo | null = null;
afterEach(() => {
  repo?.remove();
  repo = null;
});

describe('gitStatus', () => {
  it('tells tracked from untracked and ignored files', async () => {
    repo = tempGitRepo();
    const tracked = repo.write('.continue/config.yaml', 'models: []\n');
    const untracked = repo.write('.continue/other.yaml', 'x: 1\n');
    repo.write('.gitignore', '.env\n');
    repo.commit('.continue/config.yaml', '.gitignore');
    expect(await isTrackedByGit(tracked)).toBe(true);
    expect(await isTrackedByGit(untracked)).toBe(false);
    expect(await gitRoot(path.dirname(tracked))).toBe(repo.root);
    expect(await isIgnoredByGit(path.join(repo.root, '.continue/.env'), repo.root)).toBe(true);
    expect(await isIgnoredByGit(untracked, repo.root)).toBe(false);
  });

  it('answers "no" outside a repository, for missing folders, and when git is not installed', async () => {
    expect(await isTrackedByGit('/nonexistent-folder/.continue/config.yaml')).toBe(false);
    expect(await gitRoot('/nonexistent-folder')).toBeNull();
    repo = tempGitRepo();
    const file = repo.write('config.yaml', 'a: 1\n');
    repo.commit('config.yaml');
    const savedPath = process.env.PATH;
    process.env.PATH = '';
    try {
      expect(await isTrackedByGit(file)).toBe(false);
    } finally {
      process.env.PATH = savedPath;
    }
  });
});
