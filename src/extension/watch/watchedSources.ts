// The sources the watch can follow, one per key finder, and the files each one reads, taken from
// the tools catalogue (the key and model files of every version, with their environment overrides
// such as VIBE_HOME or TABBY_ROOT, as the finders read them). Home files are watched in their
// folder; workspace files through a pattern inside each workspace folder.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ToolId } from '../../core/diagnosis';
import { resolveStorePath, toolFileStores, toolName, workspaceConfigFolder } from '../../core/catalogue';
import { KEY_VARIABLES } from '../../core/catalogue/keyVariables';
import type { KeyCandidate, SourceId } from '../../sources/types';

/** The finders the watch follows, in the order the status menu lists them. */
export const WATCHED_SOURCE_IDS = ['continue', 'vibe', 'cline', 'tabby', 'aider', 'dotenv', 'env'] as const satisfies readonly SourceId[];
export type WatchedSourceId = (typeof WATCHED_SOURCE_IDS)[number];

/** The tool whose table row names the source's files; the environment has no files. */
const TOOL_OF_SOURCE: Readonly<Record<WatchedSourceId, ToolId | null>> = {
  continue: 'continue', vibe: 'vibe', cline: 'cline', tabby: 'tabby', aider: 'aider', dotenv: 'litellm', env: null,
};

/** Workspace files a source reads beyond the table's: Continue's block folders and its `.env` secrets. */
const CONTINUE_FOLDER = workspaceConfigFolder('continue')!;
const EXTRA_WORKSPACE_GLOBS: Readonly<Partial<Record<WatchedSourceId, readonly string[]>>> = {
  continue: [`${CONTINUE_FOLDER}/**`, `${CONTINUE_FOLDER}rc.json`, '.env'],
};

/** One file-system watcher: `glob` relative to `base` (home folder or workspace folder). */
export interface WatchPattern {
  base: string;
  glob: string;
  /** `~/.continue/config.yaml` or `myproject/.env`: how logs and menus name it. */
  display: string;
  inWorkspace: boolean;
}

export function isWatchedSourceId(value: unknown): value is WatchedSourceId {
  return typeof value === 'string' && (WATCHED_SOURCE_IDS as readonly string[]).includes(value);
}

export function toolOfSource(id: WatchedSourceId): ToolId | null {
  return TOOL_OF_SOURCE[id];
}

/** The files the source reads, as watch patterns; workspace ones only for the folders given. */
export function watchPatterns(id: WatchedSourceId, home: string, workspaceFolders: readonly string[],
  env: Record<string, string | undefined> = {}): WatchPattern[] {
  const tool = TOOL_OF_SOURCE[id];
  if (!tool) return [];
  const relative = new Set<string>(EXTRA_WORKSPACE_GLOBS[id] ?? []);
  const patterns: WatchPattern[] = [];
  for (const store of toolFileStores(tool)) {
    if (!store.path.startsWith('~/')) {
      relative.add(store.path);
      continue;
    }
    const absolute = resolveStorePath(store, home, env);
    if (absolute === null) continue;
    const overridden = store.override !== null && Boolean(env[store.override.variable]);
    const display = overridden ? absolute : store.path;
    if (patterns.some((known) => path.join(known.base, known.glob) === absolute)) continue;
    patterns.push({ base: path.dirname(absolute), glob: path.basename(absolute), display, inWorkspace: false });
  }
  const folderGlobs = [...relative].filter((glob) => glob.endsWith('/**')).map((glob) => glob.slice(0, -2));
  const covered = (glob: string) => !glob.endsWith('/**') && folderGlobs.some((folder) => glob.startsWith(folder));
  for (const folder of workspaceFolders) {
    for (const glob of [...relative].filter((g) => !covered(g))) {
      patterns.push({ base: folder, glob, display: `${path.basename(folder)}/${glob}`, inWorkspace: true });
    }
  }
  return patterns;
}

/** Localised: whose key a status row speaks of, e.g. "Continue's key". */
export function keyOwnerName(id: WatchedSourceId | 'stored'): string {
  const t = vscode.l10n.t;
  switch (id) {
    case 'stored': return t('The stored key');
    case 'env': return t('The environment\'s key');
    case 'dotenv': return t('The .env key');
    default: return t('{0}\'s key', toolName(TOOL_OF_SOURCE[id]!));
  }
}

/** Localised: the place the consent question and "Stop watching" name, e.g. "Continue's files". */
export function sourcePlaceName(id: WatchedSourceId): string {
  const t = vscode.l10n.t;
  switch (id) {
    case 'env': return t('the environment variables {0} and {1}', ...KEY_VARIABLES);
    case 'dotenv': return t('the workspace\'s .env files');
    default: return t('{0}\'s files', toolName(TOOL_OF_SOURCE[id]!));
  }
}

/** A watched key as the one key-and-source shape the check takes; it keeps the host and model its source names. */
export function watchedKeyCandidate(request: { sourceId: WatchedSourceId; key: string; fingerprint: string; label: string; target: KeyCandidate['source']['target']; model: string | null; tool?: ToolId | null }): KeyCandidate {
  const source = {
    id: request.sourceId, tool: request.tool ?? TOOL_OF_SOURCE[request.sourceId] ?? 'other', path: null, line: null, label: request.label,
    model: request.model, target: request.target, apiBase: null, alsoReads: [],
  };
  return { key: request.key, fingerprint: request.fingerprint, source, sources: [source] };
}
