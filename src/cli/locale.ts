// Chooses the CLI language from the POSIX locale variables and loads the matching l10n bundle.
import fs from 'node:fs';
import path from 'node:path';
import { useL10nBundle } from '../core/l10n';

export type CliLocale = 'en' | 'zh-cn';

/** POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG. Simplified Chinese is zh, zh_CN, zh_SG or zh_Hans. */
export function pickLocale(env: NodeJS.ProcessEnv): CliLocale {
  const value = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((candidate) => candidate !== undefined && candidate !== '');
  if (!value) return 'en';
  const tag = value.split(/[.@]/)[0]?.toLowerCase().replace('_', '-') ?? '';
  if (tag === 'zh' || tag === 'zh-cn' || tag === 'zh-sg' || tag.startsWith('zh-hans')) return 'zh-cn';
  return 'en';
}

/** `l10n/` sits beside `dist/`, where the bundled CLI runs from. */
export function bundlePathFor(locale: CliLocale, distDir: string): string | null {
  return locale === 'en' ? null : path.join(distDir, '..', 'l10n', `bundle.l10n.${locale}.json`);
}

/** Loads the bundle; a missing or broken bundle leaves the CLI in English rather than failing the check. */
export function applyLocale(locale: CliLocale, distDir: string): boolean {
  const file = bundlePathFor(locale, distDir);
  if (!file) return false;
  try {
    useL10nBundle(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>);
    return true;
  } catch {
    return false;
  }
}
