// Which files `mistral-key-doctor lint` reads: the named files, and in each named folder every file
// the config-file catalogue knows (the language server's documents). Nothing here can hang or blow
// up: no symbolic link is followed inside a folder, devices and pipes are skipped, the walk is
// bounded, and a file too large for a config file is skipped, each named with the reason.
import fs from 'node:fs';
import path from 'node:path';
import { t } from '../core/l10n';
import { CONFIG_FILES, kindForPath, type DocumentKind } from '../shared/configFiles';
import { MAX_SOURCE_FILE_BYTES } from '../sources/sourceFiles';
import { UsageError } from './args';

export interface LintTarget {
  /** As shown: the path the user gave, or inside a folder they gave. */
  shown: string;
  file: string;
  kind: DocumentKind;
}

export interface Skipped {
  shown: string;
  reason: string;
}

export interface LintPlan {
  targets: LintTarget[];
  skipped: Skipped[];
}

/** Folders never worth walking: dependencies and version-control data. */
const IGNORED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn']);
const MAX_DEPTH = 12;
const MAX_ENTRIES = 50_000;

function segmentsOf(file: string): string[] {
  return path.resolve(file).split(path.sep).filter(Boolean);
}

/** A named file outside the folders the catalogue expects (`lint my-config.yaml`): its name decides when only one format has it. */
function kindByNameAlone(name: string): DocumentKind | null {
  const kinds = new Set(CONFIG_FILES.filter((entry) => !entry.scheme && kindForPath('file', [...entry.folders, name]) === entry.kind).map((entry) => entry.kind));
  return kinds.size === 1 ? [...kinds][0]! : null;
}

function tooLarge(size: number): boolean {
  return size > MAX_SOURCE_FILE_BYTES;
}

function fileProblem(stats: fs.Stats): string | null {
  if (!stats.isFile()) return t('it is not a regular file');
  if (tooLarge(stats.size)) return t('it is larger than 1 MB, too large for a configuration file');
  return null;
}

function planFile(given: string, stats: fs.Stats, plan: LintPlan): void {
  const problem = fileProblem(stats);
  if (problem) {
    plan.skipped.push({ shown: given, reason: problem });
    return;
  }
  const kind = kindForPath('file', segmentsOf(given)) ?? kindByNameAlone(path.basename(given));
  if (kind) plan.targets.push({ shown: given, file: given, kind });
  else plan.skipped.push({ shown: given, reason: t('it is not a configuration file this linter knows (Continue, .env, aider, Mistral Vibe, Tabby, VS Code settings)') });
}

function planFolder(given: string, plan: LintPlan): void {
  let visited = 0;
  const walk = (dir: string, shown: string, depth: number): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    } catch (error) {
      plan.skipped.push({ shown, reason: t('it could not be read ({0})', (error as NodeJS.ErrnoException).code ?? 'error') });
      return;
    }
    for (const entry of entries) {
      if (++visited > MAX_ENTRIES) {
        plan.skipped.push({ shown: given, reason: t('it holds more than {0} entries; the rest was not read', String(MAX_ENTRIES)) });
        return;
      }
      const file = path.join(dir, entry.name);
      const shownFile = path.join(shown, entry.name);
      if (entry.isDirectory()) {
        if (!IGNORED_FOLDERS.has(entry.name) && depth < MAX_DEPTH) walk(file, shownFile, depth + 1);
        continue;
      }
      const kind = kindForPath('file', segmentsOf(file));
      if (!kind) continue;
      if (entry.isSymbolicLink()) {
        plan.skipped.push({ shown: shownFile, reason: t('it is a symbolic link, which lint does not follow inside a folder (name the file itself to lint it)') });
        continue;
      }
      let stats: fs.Stats;
      try {
        stats = fs.statSync(file);
      } catch (error) {
        plan.skipped.push({ shown: shownFile, reason: t('it could not be read ({0})', (error as NodeJS.ErrnoException).code ?? 'error') });
        continue;
      }
      const problem = fileProblem(stats);
      if (problem) plan.skipped.push({ shown: shownFile, reason: problem });
      else plan.targets.push({ shown: shownFile, file, kind });
    }
  };
  walk(given, given, 0);
}

/** The files to lint, in the order given; a path that does not exist is a usage error naming it. */
export function planLint(paths: string[]): LintPlan {
  const found = paths.map((given) => {
    try {
      return { given, stats: fs.statSync(given) };
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') throw new UsageError(t('{0} does not exist: name a config file or a folder that holds some.', given));
      return { given, stats: null, code };
    }
  });
  const plan: LintPlan = { targets: [], skipped: [] };
  for (const { given, stats, code } of found as { given: string; stats: fs.Stats | null; code?: string }[]) {
    if (!stats) plan.skipped.push({ shown: given, reason: t('it could not be read ({0})', code ?? 'error') });
    else if (stats.isDirectory()) planFolder(given, plan);
    else planFile(given, stats, plan);
  }
  return plan;
}

/** The text of a planned file; a reason instead when it cannot be read or has grown too large since it was planned. */
export function readTarget(target: LintTarget): { text: string } | { reason: string } {
  try {
    const text = fs.readFileSync(target.file, 'utf8');
    if (tooLarge(Buffer.byteLength(text, 'utf8'))) return { reason: t('it is larger than 1 MB, too large for a configuration file') };
    return { text };
  } catch (error) {
    return { reason: t('it could not be read ({0})', (error as NodeJS.ErrnoException).code ?? 'error') };
  }
}
