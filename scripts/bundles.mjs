// The product's bundles as esbuild entries, one home for esbuild.mjs (into dist/ and media/) and the
// test builds (into .test-build/, so a test never runs a half-rebuilt dist/).
import { nodeBundleOptions } from './node-bundle-options.mjs';

/**
 * @param {{ production?: boolean, outDir?: string, mediaDir?: string, extensionEntry?: string }} options
 *   `extensionEntry` replaces src/extension/extension.ts (the extension-host tests bundle their own entry).
 */
export function bundleEntries({ production = false, outDir = 'dist', mediaDir = 'media', extensionEntry = 'src/extension/extension.ts' } = {}) {
  const node = nodeBundleOptions({ production });
  return {
    extension: { ...node, entryPoints: [extensionEntry], outfile: `${outDir}/extension.js` },
    // Loaded by the extension only when a check runs, so activation never pays for the SDK.
    engine: { ...node, entryPoints: ['src/extension/engine/entry.ts'], outfile: `${outDir}/engine.js` },
    // Loaded when the first config file opens (see src/extension/languageClient/languageClient.ts).
    languageClient: { ...node, entryPoints: ['src/extension/languageClient/entry.ts'], outfile: `${outDir}/languageClient.js` },
    // Also the npm package's `mistral-key-doctor-language-server` command.
    server: { ...node, entryPoints: ['src/server/server.ts'], outfile: `${outDir}/server.js`, banner: { js: '#!/usr/bin/env node' } },
    // undici (about 520 KiB) serves only runs behind a proxy: required from node_modules when one is set.
    // Minified in every build: the CLI's start-up is what its user waits for (bench/coldStart.mjs).
    cli: {
      ...node, minify: true, entryPoints: ['src/cli/main.ts'], outfile: `${outDir}/cli.js`, banner: { js: '#!/usr/bin/env node' },
      external: [...node.external, 'undici'],
    },
    webview: {
      bundle: true, platform: 'browser', target: 'es2022', format: 'iife', minify: production,
      sourcemap: false, entryPoints: ['src/webview/main.ts'], outfile: `${mediaDir}/webview.js`, logLevel: 'warning',
    },
  };
}
