// The config files the language server reads: the tools' files from the tools catalogue
// (src/core/catalogue/), plus VS Code's own settings. The extension's document selector and the
// server's `documentKindOf` are both built from this list, so they cannot drift apart.
import { catalogueConfigFiles, type DocumentKind } from '../core/catalogue';

export { DOCUMENT_KINDS, type DocumentKind } from '../core/catalogue';

export interface ConfigFileEntry {
  kind: DocumentKind;
  /** The folder names just above the file, innermost last (`['.continue', 'models']`); empty: anywhere. */
  folders: readonly string[];
  /** File names; `*` stands for any run of characters other than `/`. */
  names: readonly string[];
  /** URI schemes besides `file` (and `untitled`) where this entry applies, e.g. VS Code's user settings. */
  scheme?: string;
}

/** The first entry that matches a path decides its kind. */
export const CONFIG_FILES: readonly ConfigFileEntry[] = [
  ...catalogueConfigFiles(),
  { kind: 'vscode-settings', folders: ['.vscode'], names: ['settings.json'] },
  { kind: 'vscode-settings', folders: ['User'], names: ['settings.json'] },
  { kind: 'vscode-settings', folders: [], names: ['settings.json'], scheme: 'vscode-userdata' },
];

/** An untitled document has no path: its language decides, for the languages that name one format. */
export const UNTITLED_LANGUAGES: Readonly<Record<string, DocumentKind>> = {
  dotenv: 'dotenv',
};

/** `.env.example`, `.env.sample`…: files that show the shape of a config, holding placeholders. */
export const EXAMPLE_FILE_SUFFIXES = ['.example', '.sample', '.template', '.dist', '.defaults'] as const;

export type DocumentFilter = { scheme?: string; pattern: string } | { scheme: string; language: string };

/** Glob patterns (VS Code document filters) for every entry of the catalogue; any scheme, so remote windows match too. */
export function configDocumentSelector(): DocumentFilter[] {
  const filters: DocumentFilter[] = [];
  for (const entry of CONFIG_FILES) {
    for (const name of entry.names) {
      const pattern = ['**', ...entry.folders, name].join('/');
      filters.push(entry.scheme ? { scheme: entry.scheme, pattern } : { pattern });
    }
  }
  for (const language of Object.keys(UNTITLED_LANGUAGES)) filters.push({ scheme: 'untitled', language });
  return filters;
}

function nameMatches(pattern: string, name: string): boolean {
  const star = pattern.indexOf('*');
  if (star === -1) return pattern === name;
  const prefix = pattern.slice(0, star);
  const suffix = pattern.slice(star + 1);
  return name.length > prefix.length + suffix.length && name.startsWith(prefix) && name.endsWith(suffix);
}

/** The kind for a decoded path split into segments, under a URI scheme; null when no entry matches. */
export function kindForPath(scheme: string, segments: readonly string[]): DocumentKind | null {
  const name = segments[segments.length - 1] ?? '';
  for (const entry of CONFIG_FILES) {
    if (entry.scheme ? entry.scheme !== scheme : scheme === 'vscode-userdata' && entry.kind !== 'vscode-settings') continue;
    if (!entry.names.some((pattern) => nameMatches(pattern, name))) continue;
    const folders = segments.slice(segments.length - 1 - entry.folders.length, segments.length - 1);
    if (folders.length === entry.folders.length && folders.every((folder, index) => folder === entry.folders[index])) return entry.kind;
  }
  return null;
}

export function isExampleFileName(name: string): boolean {
  return EXAMPLE_FILE_SUFFIXES.some((suffix) => name.toLowerCase().endsWith(suffix));
}
