// The watch keeps its Simplified Chinese strings in its own part, l10n/parts/watch.zh-cn.json.
import { describe, it } from 'vitest';
import { expectPartToTranslateExactly, localisedStrings, readPart, sourceFilesUnder } from '../../l10nParts';

describe('watch localisation', () => {
  it('translates every string the watch shows, keeping the placeholders, and nothing else', () => {
    expectPartToTranslateExactly(readPart('watch'), localisedStrings(sourceFilesUnder('src/extension/watch')));
  });
});
