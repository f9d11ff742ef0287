// Every string the extension shows has a Simplified Chinese translation with the same placeholders,
// and package.nls.zh-cn.json covers every key of package.nls.json.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');
const placeholders = (text: string) => (text.match(/\{\d+\}/g) ?? []).sort();

function shownStrings(): string[] {
  const files = ['src/extension', 'src/webview']
    .flatMap((dir) => fs.readdirSync(path.join(root, dir)).map((file) => path.join(dir, file)))
    .filter((file) => file.endsWith('.ts') && !file.endsWith('languageClient.ts'));
  const strings = new Set<string>();
  for (const file of files) {
    for (const match of read(file).matchAll(/(?:vscode\.l10n\.t|\bt)\(\s*'((?:[^'\\]|\\.)*)'/g)) strings.add(match[1]!.replace(/\\'/g, "'"));
  }
  return [...strings];
}

describe('extension localisation', () => {
  const part = JSON.parse(read('l10n/parts/extension.zh-cn.json')) as Record<string, string>;

  it('translates every string the extension code shows, keeping the placeholders', () => {
    const strings = shownStrings();
    expect(strings.length).toBeGreaterThan(50);
    expect(strings.filter((s) => !(s in part))).toEqual([]);
    for (const s of strings) expect(placeholders(part[s]!), s).toEqual(placeholders(s));
  });

  it('keeps no stale translations', () => {
    const strings = new Set(shownStrings());
    expect(Object.keys(part).filter((s) => !strings.has(s))).toEqual([]);
  });

  it('translates every package.nls.json key', () => {
    const english = JSON.parse(read('package.nls.json')) as Record<string, string>;
    const chinese = JSON.parse(read('package.nls.zh-cn.json')) as Record<string, string>;
    expect(Object.keys(chinese).sort()).toEqual(Object.keys(english).sort());
    const manifest = read('package.json');
    for (const key of manifest.matchAll(/"%([^%"]+)%"/g)) expect(english, key[1]).toHaveProperty([key[1]!]);
  });
});
