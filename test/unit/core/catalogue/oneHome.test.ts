// What each tool reads has one home, src/core/catalogue/: the key variable names in keyVariables.ts,
// the tools' config paths in the rows. Every other module asks the catalogue (like host names,
// which live only in src/core/hosts.ts).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { catalogueRows } from '../../../../src/core/catalogue';
import { ROOT, sourceFilesUnder } from '../../l10nParts';

const KEY_VARIABLE_HOME = 'src/core/catalogue/keyVariables.ts';
const CATALOGUE = 'src/core/catalogue/';
const KEY_VARIABLE = /\b(MISTRAL|CODESTRAL)_API_KEY\b/;

const files = sourceFilesUnder('src').map((file) => file.split(path.sep).join('/'));

/** `.vibe`, `.cline`, `.aider.conf.yml`, `providers.json`…: the folder under home and the file name of each tool file the rows name. */
function configPathNames(): string[] {
  const names = new Set<string>();
  for (const row of catalogueRows()) {
    const mirror = row.modelStore.kind === 'ui' && row.modelStore.mirror ? [{ kind: 'file' as const, ...row.modelStore.mirror }] : [];
    const stores = [...row.keyStores, row.modelStore, ...mirror];
    for (const store of stores) {
      if (store.kind !== 'file' || !store.path.startsWith('~/')) continue;
      const segments = store.path.slice(2).split('/');
      names.add(segments[0]!);
      const file = segments[segments.length - 1]!;
      if (!file.includes('*') && !['.env', 'config.yaml', 'config.json', 'config.toml'].includes(file)) names.add(file);
    }
  }
  return [...names].sort();
}

/** Every string literal and template text of a file, with its line. */
function literals(file: string): { text: string; line: number }[] {
  const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: { text: string; line: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node)) {
      found.push({ text: node.text, line: source.getLineAndCharacterOfPosition(node.getStart()).line + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

function spells(text: string, name: string): boolean {
  return new RegExp(`(^|[^\\w.-])${name.replace(/[.*]/g, (c) => `\\${c}`)}($|[^\\w-])`).test(text);
}

describe('one home for what each tool reads', () => {
  it('spells the key variable names only in src/core/catalogue/keyVariables.ts (code, strings and comments)', () => {
    const offenders = files.filter((file) => file !== KEY_VARIABLE_HOME).flatMap((file) => {
      const lines = fs.readFileSync(path.join(ROOT, file), 'utf8').split('\n');
      return lines.flatMap((line, index) => (KEY_VARIABLE.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : []));
    });
    expect(offenders, 'import the name from src/core/catalogue/keyVariables.ts').toEqual([]);
    expect(fs.readFileSync(path.join(ROOT, KEY_VARIABLE_HOME), 'utf8')).toMatch(KEY_VARIABLE);
  });

  it('writes a tool\'s config paths only in the catalogue\'s rows', () => {
    const names = configPathNames();
    expect(names).toEqual(expect.arrayContaining(['.vibe', '.tabby', '.cline', '.continue', '.aider.conf.yml', 'providers.json', 'secrets.json', 'globalState.json']));
    const offenders = files.filter((file) => !file.startsWith(CATALOGUE)).flatMap((file) =>
      literals(file).flatMap(({ text, line }) => names.filter((name) => spells(text, name)).map((name) => `${file}:${line}: ${name} in '${text.slice(0, 80)}'`)));
    expect(offenders, 'read the path from src/core/catalogue (toolFile, resolveStorePath, workspaceConfigFolder)').toEqual([]);
  });

  it('the scans find what they look for', () => {
    expect(spells("path.join(home, '.vibe')", '.vibe')).toBe(true);
    expect(spells('~/.cline/data/settings/providers.json', 'providers.json')).toBe(true);
    expect(spells('my.vibe.config', '.vibe')).toBe(false);
    expect(literals('src/core/catalogue/rows.ts').some(({ text }) => spells(text, '.tabby'))).toBe(true);
  });
});
