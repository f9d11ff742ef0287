// The one catalogue of config files: the extension's selector and the server's kinds come from it,
// so every file one side knows the other knows too.
import { describe, expect, it } from 'vitest';
import { CONFIG_FILES, configDocumentSelector, isExampleFileName, kindForPath, UNTITLED_LANGUAGES } from '../../../src/shared/configFiles';

/** VS Code's glob semantics for the patterns the catalogue writes (`**`, `*`). */
function globMatches(pattern: string, filePath: string): boolean {
  const regex = pattern.split('/').map((part) => (part === '**' ? '(?:.*/)?' : `${part.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}/`)).join('');
  return new RegExp(`^${regex.slice(0, -1)}$`).test(filePath);
}

/** A path the entry describes, e.g. `/home/u/.continue/models/sample.yaml`. */
function samplePath(folders: readonly string[], name: string): string {
  return ['', 'home', 'u', ...folders, name.replace('*', 'sample')].join('/');
}

describe('the config-file catalogue', () => {
  const selector = configDocumentSelector();

  it('gives the client a pattern for every file the server reads, and the server the same kind', () => {
    for (const entry of CONFIG_FILES) {
      for (const name of entry.names) {
        const filePath = samplePath(entry.folders, name);
        expect(kindForPath(entry.scheme ?? 'file', filePath.split('/')), filePath).toBe(entry.kind);
        const matching = selector.filter((filter) => 'pattern' in filter && (filter.scheme ?? 'file') === (entry.scheme ?? 'file') && globMatches(filter.pattern, filePath));
        expect(matching.length, filePath).toBeGreaterThan(0);
      }
    }
  });

  it('selects no file the server would not read', () => {
    for (const filePath of ['/repo/config.yaml', '/repo/.continue/prompts/p.yaml', '/repo/settings.json', '/repo/.vibe/other.toml']) {
      expect(selector.some((filter) => 'pattern' in filter && !filter.scheme && globMatches(filter.pattern, filePath)), filePath).toBe(false);
      expect(kindForPath('file', filePath.split('/')), filePath).toBeNull();
    }
  });

  it('selects untitled documents by the languages the server reads them as', () => {
    expect(selector.filter((filter) => filter.scheme === 'untitled')).toEqual(Object.keys(UNTITLED_LANGUAGES).map((language) => ({ scheme: 'untitled', language })));
  });

  it('knows example files', () => {
    expect(isExampleFileName('.env.example')).toBe(true);
    expect(isExampleFileName('.env.sample')).toBe(true);
    expect(isExampleFileName('.env')).toBe(false);
    expect(isExampleFileName('.env.local')).toBe(false);
  });
});
