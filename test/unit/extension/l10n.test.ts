// Every string the extension shows has a Simplified Chinese translation with the same placeholders,
// and package.nls.zh-cn.json covers every key of package.nls.json.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectPartToTranslateExactly, localisedStrings, readPart, ROOT, sourceFilesUnder } from '../l10nParts';

const read = (file: string) => fs.readFileSync(path.join(ROOT, file), 'utf8');

describe('extension localisation', () => {
  it('translates every string the extension code shows, keeping the placeholders, and nothing else', () => {
    const files = sourceFilesUnder('src/extension', 'src/webview').filter((file) => !file.startsWith(path.join('src/extension', 'watch')));
    const strings = localisedStrings(files);
    expect(strings.length).toBeGreaterThan(50);
    expectPartToTranslateExactly(readPart('extension'), strings);
  });

  it('translates every package.nls.json key', () => {
    const english = JSON.parse(read('package.nls.json')) as Record<string, string>;
    const chinese = JSON.parse(read('package.nls.zh-cn.json')) as Record<string, string>;
    expect(Object.keys(chinese).sort()).toEqual(Object.keys(english).sort());
    const manifest = read('package.json');
    for (const key of manifest.matchAll(/"%([^%"]+)%"/g)) expect(english, key[1]).toHaveProperty([key[1]!]);
  });

  it('gives every walkthrough step one page per language, and every page exists', () => {
    const english = JSON.parse(read('package.nls.json')) as Record<string, string>;
    const chinese = JSON.parse(read('package.nls.zh-cn.json')) as Record<string, string>;
    const manifest = JSON.parse(read('package.json')) as { contributes: { walkthroughs: { steps: { media: { markdown: string } }[] }[] } };
    for (const step of manifest.contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps)) {
      const key = /^%(.+)%$/.exec(step.media.markdown)?.[1];
      expect(key, step.media.markdown).toBeDefined();
      expect(chinese[key!]).toBe(english[key!]!.replace(/\.md$/, '.zh-cn.md'));
      for (const page of [english[key!]!, chinese[key!]!]) {
        const text = read(page);
        expect(text.length).toBeGreaterThan(100);
        // One language per page: no Chinese in the English page, no English section after a rule in the Chinese one.
        expect(/[\u4e00-\u9fff]/.test(text)).toBe(page.endsWith('.zh-cn.md'));
        expect(text).not.toContain('\n---\n');
      }
    }
  });
});
