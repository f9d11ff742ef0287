// Chooses the CLI language from the POSIX locale variables and loads the matching l10n bundle.
import fs from 'node:fs';
import { useL10nBundle } from '../core/l10n';
import { bundleLocaleOf, l10nBundlePath, type BundleLocale } from '../core/locale';

export type CliLocale = BundleLocale;

/** POSIX precedence: LC_ALL, then LC_MESSAGES, then LANG. */
export function pickLocale(env: NodeJS.ProcessEnv): CliLocale {
  return bundleLocaleOf([env.LC_ALL, env.LC_MESSAGES, env.LANG].find((candidate) => candidate !== undefined && candidate !== ''));
}

/** Loads the bundle; a missing or broken bundle leaves the CLI in English rather than failing the check. */
export function applyLocale(locale: CliLocale, distDir: string): boolean {
  const file = l10nBundlePath(locale, distDir);
  if (!file) return false;
  try {
    useL10nBundle(JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>);
    return true;
  } catch {
    return false;
  }
}
