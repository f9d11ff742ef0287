// Real files in a fresh temp folder for each test: `home/…` and `ws/…` paths.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach } from 'vitest';
import { SourceFiles, type SourceContext } from '../../../src/sources/sourceFiles';

export const KEY_A = 'abcdEFGHijklMNOPqrstUVWXyz012345';
export const KEY_B = 'ZYXWvutsRQPOnmlkJIHGfedcBA987654';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

export interface Tree {
  root: string;
  home: string;
  workspace: string;
  path(relative: string): string;
}

export function makeTree(files: Record<string, string>): Tree {
  const root = mkdtempSync(path.join(tmpdir(), 'mkd-sources-'));
  roots.push(root);
  const tree: Tree = {
    root, home: path.join(root, 'home'), workspace: path.join(root, 'ws'),
    path: (relative) => path.join(root, relative),
  };
  mkdirSync(tree.home, { recursive: true });
  mkdirSync(tree.workspace, { recursive: true });
  for (const [relative, content] of Object.entries(files)) {
    mkdirSync(path.dirname(tree.path(relative)), { recursive: true });
    writeFileSync(tree.path(relative), content);
  }
  return tree;
}

export function contextFor(tree: Tree, overrides: Partial<Omit<SourceContext, 'files'>> = {}): SourceContext {
  const workspaceFolders = overrides.workspaceFolders ?? [tree.workspace];
  return {
    home: tree.home, workspaceFolders, env: {}, includeToolFiles: true, includeWorkspaceFiles: true,
    ...overrides,
    files: new SourceFiles(tree.home, workspaceFolders),
  };
}
