// One bundle per entry. `node esbuild.mjs [--production] [--watch]`. Every build starts from an
// empty dist/, so a release never ships a development bundle's stale source maps.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import { mergeL10nBundles } from './scripts/merge-l10n.mjs';
import { nodeBundleOptions } from './scripts/node-bundle-options.mjs';
import { writeThirdPartyNotices } from './scripts/third-party-notices.mjs';
import { writeVsixReadme } from './scripts/vsix-readme.mjs';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const node = { ...nodeBundleOptions({ production }), metafile: true };
const manifest = JSON.parse(fs.readFileSync('package.json', 'utf8'));

const entries = [
  { ...node, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js' },
  // Loaded by the extension only when a check runs, so activation never pays for the SDK.
  { ...node, entryPoints: ['src/extension/engine/entry.ts'], outfile: 'dist/engine.js' },
  // Loaded when the first config file opens (see src/extension/languageClient/languageClient.ts).
  { ...node, entryPoints: ['src/extension/languageClient/entry.ts'], outfile: 'dist/languageClient.js' },
  // Also the npm package's `mistral-key-doctor-language-server` command.
  { ...node, entryPoints: ['src/server/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } },
  // undici (about 520 KiB) serves only runs behind a proxy: required from node_modules when one is set.
  // Minified in every build: the CLI's start-up is what its user waits for (bench/coldStart.mjs).
  {
    ...node, minify: true, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' },
    external: [...node.external, 'undici'],
  },
  {
    bundle: true, platform: 'browser', target: 'es2022', format: 'iife', minify: production,
    sourcemap: false, entryPoints: ['src/webview/main.ts'], outfile: 'media/webview.js', logLevel: 'warning', metafile: true,
  },
];

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
