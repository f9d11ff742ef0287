// Across the whole product: every string the code localises has a Simplified Chinese translation
// with its placeholders, and the parts merge into one bundle without disagreeing.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { localisedStrings, placeholdersOf, ROOT, sourceFilesUnder } from './l10nParts';

describe('zh-cn localisation of src/', () => {
  const parts = fs.readdirSync(path.join(ROOT, 'l10n/parts')).filter((file) => file.endsWith('.zh-cn.json'));
  const translations = new Map<string, Set<string>>();
  for (const file of parts) {
    const part = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n/parts', file), 'utf8')) as Record<string, string>;
    for (const [english, chinese] of Object.entries(part)) translations.set(english, (translations.get(english) ?? new Set()).add(chinese));
  }

  it('translates every localised string in every area, keeping the placeholders', () => {
    const strings = localisedStrings(sourceFilesUnder('src'));
    expect(strings.length).toBeGreaterThan(300);
    expect(strings.filter((english) => !translations.has(english))).toEqual([]);
    for (const english of strings) {
      for (const chinese of translations.get(english)!) expect(placeholdersOf(chinese), english).toEqual(placeholdersOf(english));
    }
  });

  it('never translates one English string two ways in two parts', () => {
    expect([...translations].filter(([, chinese]) => chinese.size > 1).map(([english]) => english)).toEqual([]);
  });
});
