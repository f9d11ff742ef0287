// Loads the Simplified Chinese bundle when the editor's locale asks for it. The bundle sits in
// `l10n/` beside `dist/`, where the built server runs.
import fs from 'node:fs';
import { useL10nBundle } from '../core/l10n';
import { bundleLocaleOf, l10nBundlePath } from '../core/locale';

/** Returns an English warning for the log when the bundle is missing or unreadable. */
export function loadLocaleBundle(locale: string | undefined, distDirectory: string): string | null {
  const bundlePath = l10nBundlePath(bundleLocaleOf(locale), distDirectory);
  if (!bundlePath) return null;
  try {
    useL10nBundle(JSON.parse(fs.readFileSync(bundlePath, 'utf8')) as Record<string, string>);
    return null;
  } catch (error) {
    return `Could not load ${bundlePath} (${(error as Error).message}); messages stay in English. Run "npm run build" to generate it.`;
  }
}
