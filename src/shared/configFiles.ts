// The one catalogue of config files the language server reads: which format each is, where it
// lives, and which untitled documents count. The extension's document selector and the server's
// `documentKindOf` are both built from it, so they cannot drift apart.

export const DOCUMENT_KINDS = ['continue-yaml', 'continue-json', 'dotenv', 'aider', 'vibe', 'tabby', 'vscode-settings'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export interface ConfigFileEntry {
  kind: DocumentKind;
  /** The folder names just above the file, innermost last (`['.continue', 'models']`); empty: anywhere. */
  folders: readonly string[];
  /** File names; `*` stands for any run of characters other than `/`. */
  names: readonly string[];
  /** URI schemes besides `file` (and `untitled`) where this entry applies, e.g. VS Code's user settings. */
  scheme?: string;
}

const CONTINUE_BLOCK_FOLDERS = ['models', 'agents', 'assistants', 'configs'] as const;

export const CONFIG_FILES: readonly ConfigFileEntry[] = [
  { kind: 'continue-yaml', folders: ['.continue'], names: ['config.yaml', 'config.yml'] },
  ...CONTINUE_BLOCK_FOLDERS.map((folder): ConfigFileEntry => ({ kind: 'continue-yaml', folders: ['.continue', folder], names: ['*.yaml', '*.yml'] })),
  { kind: 'continue-json', folders: ['.continue'], names: ['config.json'] },
  { kind: 'dotenv', folders: [], names: ['.env', '.env.*'] },
  { kind: 'aider', folders: [], names: ['.aider.conf.yml', '.aider.conf.yaml'] },
  { kind: 'vibe', folders: ['.vibe'], names: ['config.toml'] },
  { kind: 'tabby', folders: ['.tabby'], names: ['config.toml'] },
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
