import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundleLocaleOf, l10nBundlePath } from '../../../src/core/locale';
import { applyLocale, pickLocale } from '../../../src/cli/locale';
import { t, useL10nBundle } from '../../../src/core/l10n';

describe('pickLocale', () => {
  it('picks Simplified Chinese from the usual spellings', () => {
    for (const LANG of ['zh_CN.UTF-8', 'zh_CN', 'zh-CN', 'zh_SG.UTF-8', 'zh', 'zh_Hans']) {
      expect(pickLocale({ LANG })).toBe('zh-cn');
    }
  });

  it('stays in English for other languages, Traditional Chinese and no locale', () => {
    for (const LANG of ['en_US.UTF-8', 'C', 'POSIX', 'fr_FR', 'zh_TW.UTF-8', 'zh_HK', '']) {
      expect(pickLocale({ LANG })).toBe('en');
    }
    expect(pickLocale({})).toBe('en');
  });

  it('follows POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG', () => {
    expect(pickLocale({ LC_ALL: 'en_US.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(pickLocale({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh-cn');
    expect(pickLocale({ LC_ALL: '', LANG: 'zh_CN.UTF-8' })).toBe('zh-cn');
  });
});

describe('applyLocale', () => {
  const dirs: string[] = [];
  afterEach(() => {
    useL10nBundle({});
    for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  });

  function installDir(bundle: string | null): string {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-locale-'));
    dirs.push(root);
    fs.mkdirSync(path.join(root, 'dist'));
    fs.mkdirSync(path.join(root, 'l10n'));
    if (bundle !== null) fs.writeFileSync(path.join(root, 'l10n', 'bundle.l10n.zh-cn.json'), bundle);
    return path.join(root, 'dist');
  }

  it('looks for the bundle in ../l10n next to dist/', () => {
    expect(l10nBundlePath(bundleLocaleOf('zh-cn'), '/opt/mkd/dist')).toBe(path.join('/opt/mkd/l10n/bundle.l10n.zh-cn.json'));
    expect(l10nBundlePath(bundleLocaleOf('en'), '/opt/mkd/dist')).toBeNull();
  });

  it('loads the bundle so t() answers in Chinese', () => {
    const distDir = installDir(JSON.stringify({ 'Key from {0}': '密钥来源：{0}' }));
    expect(applyLocale('zh-cn', distDir)).toBe(true);
    expect(t('Key from {0}', 'MISTRAL_API_KEY')).toBe('密钥来源：MISTRAL_API_KEY');
  });

  it('stays in English when the bundle is missing or broken', () => {
    expect(applyLocale('zh-cn', installDir(null))).toBe(false);
    expect(applyLocale('zh-cn', installDir('{not json'))).toBe(false);
    expect(t('Key from {0}', 'X')).toBe('Key from X');
  });
});
