// One bundle per entry. `node esbuild.mjs [--production] [--watch]`. Every build starts from an
// empty dist/, so a release never ships a development bundle's stale source maps.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import { mergeL10nBundles } from './scripts/merge-l10n.mjs';
import { bundleEntries } from './scripts/bundles.mjs';
import { writeVsixReadme } from './scripts/vsix-readme.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const entries = Object.values(bundleEntries({ production }));

fs.rmSync('dist', { recursive: true, force: true });
fs.mkdirSync('dist');
mergeL10nBundles();
if (production) writeVsixReadme('.');
if (watch) {
  for (const entry of entries) await (await esbuild.context(entry)).watch();
} else {
  await Promise.all(entries.map((entry) => esbuild.build(entry)));
  fs.chmodSync('dist/cli.js', 0o755);
}
