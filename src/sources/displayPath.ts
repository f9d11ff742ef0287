import * as path from 'node:path';

/** `myproject/.env` for a file in a workspace folder, `~/.continue/config.yaml` under home, else the path. */
export function displayPath(file: string, home: string, workspaceFolders: string[]): string {
  for (const folder of workspaceFolders) {
    const inside = relativeInside(folder, file);
    if (inside !== null) return joinForDisplay(path.basename(folder), inside);
  }
  const inHome = relativeInside(home, file);
  return inHome === null ? file : joinForDisplay('~', inHome);
}

function relativeInside(folder: string, file: string): string | null {
  const relative = path.relative(folder, file);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return relative;
}

function joinForDisplay(prefix: string, relative: string): string {
  return `${prefix}/${relative.split(path.sep).join('/')}`;
}
