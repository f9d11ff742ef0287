// Which language a locale name asks for, for every surface that picks its own l10n bundle: the CLI
// (POSIX `zh_SG.UTF-8`) and the language server (the editor's BCP 47 `zh-cn`). VS Code's extension
// host picks the extension's bundle itself.
import path from 'node:path';

export type BundleLocale = 'en' | 'zh-cn';

/** Simplified Chinese for zh, zh-CN, zh-SG and zh-Hans (any case, `_` or `-`, with or without `.UTF-8`/`@…`); else English. */
export function bundleLocaleOf(name: string | undefined): BundleLocale {
  const tag = (name ?? '').split(/[.@]/)[0]!.toLowerCase().replace(/_/g, '-');
  return /^zh(-(cn|sg|hans)(-.*)?)?$/.test(tag) ? 'zh-cn' : 'en';
}

/** The bundle `npm run build` writes to `l10n/`, beside the `dist/` a bundled surface runs from; English needs none. */
export function l10nBundlePath(locale: BundleLocale, distDir: string): string | null {
  return locale === 'en' ? null : path.join(distDir, '..', 'l10n', `bundle.l10n.${locale}.json`);
}
