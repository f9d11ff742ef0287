import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { t, useL10nBundle } from '../../../src/core/l10n';
import { bundleLocaleOf, l10nBundlePath } from '../../../src/core/locale';
import { loadLocaleBundle } from '../../../src/server/localeBundle';

afterEach(() => useL10nBundle({}));

describe('loadLocaleBundle', () => {
  it('resolves the zh-cn bundle next to dist/ for Chinese locales only', () => {
    expect(l10nBundlePath(bundleLocaleOf('zh-cn'), '/ext/dist')).toBe(path.join('/ext/l10n/bundle.l10n.zh-cn.json'));
    expect(l10nBundlePath(bundleLocaleOf('zh-Hans'), '/ext/dist')).not.toBeNull();
    expect(l10nBundlePath(bundleLocaleOf('en'), '/ext/dist')).toBeNull();
    expect(l10nBundlePath(bundleLocaleOf(undefined), '/ext/dist')).toBeNull();
  });

  it('loads the bundle so t() translates, and explains a missing bundle', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-l10n-'));
    fs.mkdirSync(path.join(root, 'l10n'));
    fs.writeFileSync(path.join(root, 'l10n/bundle.l10n.zh-cn.json'), JSON.stringify({ 'Use {0}': '改用 {0}' }));
    expect(loadLocaleBundle('zh-cn', path.join(root, 'dist'))).toBeNull();
    expect(t('Use {0}', 'https')).toBe('改用 https');
    fs.rmSync(root, { recursive: true });
    expect(loadLocaleBundle('zh-cn', path.join(root, 'dist'))).toMatch(/Could not load .*npm run build/);
  });
});
