// l10n/parts/sources.zh-cn.json translates exactly the strings the sources area passes to t().
import { describe, expect, it } from 'vitest';
import { expectPartToTranslateExactly, localisedStrings, readPart, sourceFilesUnder } from '../l10nParts';

describe('sources translations', () => {
  it('translates exactly the strings the sources show, keeping the placeholders', () => {
    const strings = localisedStrings(sourceFilesUnder('src/sources'));
    expect(strings.length).toBeGreaterThan(10);
    expectPartToTranslateExactly(readPart('sources'), strings);
  });
});
