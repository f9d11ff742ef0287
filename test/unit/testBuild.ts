// Where this run's process bundles are (built by test/unit/globalSetup.ts): `dist/cli.js`,
// `dist/server.js` and the zh-cn strings in `l10n/` beside them, as in a release.
import path from 'node:path';
import { inject } from 'vitest';

export function testBuild(): { dir: string; cli: string; server: string } {
  const dir = inject('testBuildDir');
  return { dir, cli: path.join(dir, 'dist/cli.js'), server: path.join(dir, 'dist/server.js') };
}
