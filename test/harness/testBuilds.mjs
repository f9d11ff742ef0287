// What the tests run, built into .test-build/ and never into dist/: a test never spawns a bundle that
// `npm run build` is rewriting, and a fresh clone needs no build before `npx vitest run`.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { bundleEntries } from '../../scripts/bundles.mjs';
import { mergeL10nBundles } from '../../scripts/merge-l10n.mjs';

/** Runs `fn` with the checkout as the working directory (the build scripts take paths relative to it). */
async function inRoot(root, fn) {
  const cwd = process.cwd();
  process.chdir(root);
  try {
    return await fn();
  } finally {
    process.chdir(cwd);
  }
}

/**
 * The bundles the unit tests spawn as processes (the CLI and the language server), with the zh-cn
 * bundle beside them where they look for it: `<dir>/dist/cli.js`, `<dir>/dist/server.js`, `<dir>/l10n/`.
 */
export async function buildProcessBundles(root, dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  await inRoot(root, async () => {
    mergeL10nBundles(path.join(dir, 'l10n/bundle.l10n.zh-cn.json'));
    const entries = bundleEntries({ outDir: path.join(dir, 'dist') });
    await Promise.all([entries.cli, entries.server].map((entry) => esbuild.build({ ...entry, absWorkingDir: root })));
  });
  fs.chmodSync(path.join(dir, 'dist/cli.js'), 0o755);
}

/**
 * The extension as the extension-host tests load it: the product's package.json, media and strings,
 * every bundle built from the product's sources, except `dist/extension.js`, which is the test entry
 * (test/integration/testExtension/entry.ts: the real start with scripted prompts and a test API).
 */
export async function buildTestExtension(root, dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  for (const file of ['package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'LICENSE']) {
    if (fs.existsSync(path.join(root, file))) fs.copyFileSync(path.join(root, file), path.join(dir, file));
  }
  fs.cpSync(path.join(root, 'media'), path.join(dir, 'media'), { recursive: true, filter: (source) => !source.endsWith('webview.js') });
  await inRoot(root, async () => {
    mergeL10nBundles(path.join(dir, 'l10n/bundle.l10n.zh-cn.json'));
    const entries = bundleEntries({ outDir: path.join(dir, 'dist'), mediaDir: path.join(dir, 'media'), extensionEntry: 'test/integration/testExtension/entry.ts' });
    await Promise.all(Object.values(entries).map((entry) => esbuild.build({ ...entry, absWorkingDir: root })));
  });
}

/**
 * The npm package's folder as `prepack` leaves it, staged in `dir` instead of the checkout: the
 * manifest, README and LICENSE, the release CLI and server bundles, the zh-cn strings and the
 * third-party notices of what the bundles hold. `npm pack` of `dir` is what a user installs.
 */
export async function buildNpmPackageStage(root, dir) {
  const { bundledPackageDirs, thirdPartyNotices, THIRD_PARTY_NOTICES } = await import('../../scripts/third-party-notices.mjs');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  for (const file of ['package.json', 'README.md', 'LICENSE']) fs.copyFileSync(path.join(root, file), path.join(dir, file));
  await inRoot(root, async () => {
    mergeL10nBundles(path.join(dir, 'l10n/bundle.l10n.zh-cn.json'));
    const entries = bundleEntries({ production: true, outDir: path.join(dir, 'dist') });
    const results = await Promise.all([entries.cli, entries.server].map((entry) => esbuild.build({ ...entry, metafile: true, absWorkingDir: root })));
    const dirs = [...bundledPackageDirs(results.map((result) => result.metafile)), ...Object.keys(manifest.dependencies ?? {}).map((name) => `node_modules/${name}`)];
    fs.writeFileSync(path.join(dir, THIRD_PARTY_NOTICES), thirdPartyNotices(root, dirs));
  });
  fs.chmodSync(path.join(dir, 'dist/cli.js'), 0o755);
  fs.chmodSync(path.join(dir, 'dist/server.js'), 0o755);
}
