// Where the product may write a file (a key moved to `.env`, a `.gitignore` line, a pinned model):
// the real path, resolved before the write, must be a regular file or a file still to create, not a
// symlink (even one that points nowhere yet: the write would create its target), and must lie in a
// workspace folder or a tool's own config folder. The language server and the extension both ask
// here; git's "tracked" answer is the caller's, since only it may run git.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { t } from './l10n';
import { resolveStorePath, toolFileStores } from './catalogue';
import { TOOL_IDS } from './diagnosis';

export type WriteTarget =
  | { ok: true; /** The real path to write, symlinks in its folders resolved. */ realPath: string; exists: boolean }
  | { ok: false; reason: string };

/** The folders of the tools' own files under the home folder (`~/.continue`, `~/.vibe`…), or the file itself (`~/.aider.conf.yml`). */
export function toolConfigFolders(home = os.homedir(), env: Record<string, string | undefined> = process.env): string[] {
  const folders = new Set<string>();
  for (const tool of TOOL_IDS) {
    for (const store of toolFileStores(tool)) {
      if (!store.path.startsWith('~/')) continue;
      // The tool's own folder (`~/.continue`, or where its override variable points), or the file itself.
      const overridable = store.override !== null && store.path.startsWith(store.override.replaces);
      const folder = overridable ? store.override!.replaces : `~/${store.path.slice(2).split('/')[0]}`;
      const resolved = resolveStorePath({ path: folder, override: store.override }, home, env);
      if (resolved) folders.add(path.resolve(resolved));
    }
  }
  return [...folders];
}

function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

async function realOrSelf(folder: string): Promise<string> {
  return fs.realpath(folder).catch(() => path.resolve(folder));
}

/** The nearest existing ancestor's real path, with the missing rest appended (a folder the fix would create). */
async function realFolder(folder: string): Promise<string> {
  const missing: string[] = [];
  let current = path.resolve(folder);
  for (;;) {
    try {
      return path.join(await fs.realpath(current), ...missing.reverse());
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return path.join(current, ...missing.reverse());
      missing.push(path.basename(current));
      current = parent;
    }
  }
}

/**
 * Whether `filePath` may be written. `roots` are the folders writes may land in (workspace folders,
 * tool config folders); each is compared by its real path too.
 */
export async function checkWriteTarget(filePath: string, roots: readonly string[]): Promise<WriteTarget> {
  const absolute = path.resolve(filePath);
  const stat = await fs.lstat(absolute).catch(() => null);
  if (stat?.isSymbolicLink()) {
    return { ok: false, reason: t('Nothing was written: {0} is a symbolic link, and writing through it would change another file. Replace the link with a regular file first.', absolute) };
  }
  if (stat && !stat.isFile()) return { ok: false, reason: t('Nothing was written: {0} is not a regular file.', absolute) };
  const realPath = path.join(await realFolder(path.dirname(absolute)), path.basename(absolute));
  const realRoots = await Promise.all(roots.map(realOrSelf));
  const allowed = realRoots.some((root) => isInside(realPath, root));
  if (!allowed) {
    return { ok: false, reason: t('Nothing was written: {0} is outside the workspace and the tools\' config folders.', realPath === absolute ? absolute : `${absolute} → ${realPath}`) };
  }
  return { ok: true, realPath, exists: stat !== null };
}
