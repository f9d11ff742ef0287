// One bundle per entry. `node esbuild.mjs [--production] [--watch]`. Every build starts from an
// empty dist/, so a release never ships a development bundle's stale source maps.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import { mergeL10nBundles } from './scripts/merge-l10n.mjs';
import { bundleEntries } from './scripts/bundles.mjs';
import { writeThirdPartyNotices } from './scripts/third-party-notices.mjs';
import { writeVsixReadme } from './scripts/vsix-readme.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

// Each build keeps its metafile: the third-party notices list what the bundles really hold.
const entries = Object.values(bundleEntries({ production })).map((entry) => ({ ...entry, metafile: true }));
const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));

fs.rmSync('dist', { recursive: true, force: true });
fs.mkdirSync('dist');
mergeL10nBundles();
if (production) writeVsixReadme('.');
if (watch) {
  for (const entry of entries) await (await esbuild.context(entry)).watch();
} else {
  const results = await Promise.all(entries.map((entry) => esbuild.build(entry)));
  for (const command of Object.values(manifest.bin)) fs.chmodSync(command, 0o755);
  writeThirdPartyNotices('.', results.map((result) => result.metafile), Object.keys(manifest.dependencies ?? {}));
}
