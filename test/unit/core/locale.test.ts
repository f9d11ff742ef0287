import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pickLocale } from '../../../src/cli/locale';
import { bundleLocaleOf, l10nBundlePath } from '../../../src/core/locale';

describe('bundleLocaleOf', () => {
  it('reads Simplified Chinese in its POSIX and BCP 47 spellings, Singapore included', () => {
    for (const name of ['zh', 'zh-cn', 'zh-CN', 'zh_CN.UTF-8', 'zh-SG', 'zh_SG.UTF-8', 'zh-Hans', 'zh_Hans', 'zh-Hans-SG', 'zh_CN@pinyin']) {
      expect(bundleLocaleOf(name), name).toBe('zh-cn');
    }
  });

  it('stays in English for Traditional Chinese, other languages and no locale', () => {
    for (const name of ['zh-TW', 'zh_HK.UTF-8', 'zh-Hant', 'zh-Hant-CN', 'zhx', 'en_US.UTF-8', 'C', 'POSIX', '', undefined]) {
      expect(bundleLocaleOf(name), String(name)).toBe('en');
    }
  });

  it('is the one answer of the CLI and the language server (zh-SG once split them)', () => {
    expect(pickLocale({ LANG: 'zh_SG.UTF-8' })).toBe('zh-cn');
    expect(l10nBundlePath(bundleLocaleOf('zh-sg'), '/ext/dist')).toBe(path.join('/ext/l10n/bundle.l10n.zh-cn.json'));
    expect(l10nBundlePath(bundleLocaleOf('zh-tw'), '/ext/dist')).toBeNull();
  });
});

describe('l10nBundlePath', () => {
  it('points at l10n/ beside dist/, and at nothing for English', () => {
    expect(l10nBundlePath('zh-cn', '/opt/mkd/dist')).toBe(path.join('/opt/mkd/l10n/bundle.l10n.zh-cn.json'));
    expect(l10nBundlePath('en', '/opt/mkd/dist')).toBeNull();
  });
});
