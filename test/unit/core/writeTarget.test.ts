// Where the product may write: real paths, no symlinks (dangling ones included), nothing outside the
// workspace and the tools' own config folders.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkWriteTarget, toolConfigFolders } from '../../../src/core/writeTarget';

const made: string[] = [];
afterEach(() => made.splice(0).forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

function folder(): string {
  const created = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-write-')));
  made.push(created);
  return created;
}

describe('checkWriteTarget', () => {
  it('allows a file (existing or to create, in folders to create) inside the workspace', async () => {
    const workspace = folder();
    fs.writeFileSync(path.join(workspace, '.gitignore'), 'x\n');
    expect(await checkWriteTarget(path.join(workspace, '.gitignore'), [workspace])).toEqual({ ok: true, realPath: path.join(workspace, '.gitignore'), exists: true });
    expect(await checkWriteTarget(path.join(workspace, '.continue/.env'), [workspace])).toEqual({ ok: true, realPath: path.join(workspace, '.continue/.env'), exists: false });
  });

  it('refuses a dangling symlink, whose write would create its target, naming the link', async () => {
    const workspace = folder();
    const outside = folder();
    fs.symlinkSync(path.join(outside, 'collected.txt'), path.join(workspace, '.env'));
    const result = await checkWriteTarget(path.join(workspace, '.env'), [workspace]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(path.join(workspace, '.env'));
  });

  it('refuses a file whose folder links outside the workspace, naming where it leads', async () => {
    const workspace = folder();
    const outside = folder();
    fs.symlinkSync(outside, path.join(workspace, '.continue'));
    const result = await checkWriteTarget(path.join(workspace, '.continue/.env'), [workspace]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(path.join(outside, '.env'));
  });

  it('refuses a path that climbs out with .., and a folder that is not a file', async () => {
    const workspace = folder();
    expect((await checkWriteTarget(path.join(workspace, '../elsewhere/.env'), [workspace])).ok).toBe(false);
    fs.mkdirSync(path.join(workspace, '.env'));
    expect((await checkWriteTarget(path.join(workspace, '.env'), [workspace])).ok).toBe(false);
  });

  it('allows a workspace opened through a symlink, compared by its real path', async () => {
    const real = folder();
    const parent = folder();
    fs.symlinkSync(real, path.join(parent, 'linked'));
    expect((await checkWriteTarget(path.join(parent, 'linked/.env'), [path.join(parent, 'linked')])).ok).toBe(true);
  });

  it('counts the tools\' own folders under home as places to write', () => {
    const folders = toolConfigFolders('/home/u');
    expect(folders).toContain(path.join('/home/u', '.continue'));
    expect(folders).toContain(path.join('/home/u', '.vibe'));
    expect(folders).not.toContain('/home/u');
  });
});
