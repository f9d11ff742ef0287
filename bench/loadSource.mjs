// Lets the plain-JS benchmarks call the TypeScript sources in-process: bundles the given exports
// once, as the product's Node bundles are built, and requires the result.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { nodeBundleOptions } from '../scripts/node-bundle-options.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** `exports` is module source such as "export { checkKey } from './src/core/check';" (paths from the repository root). */
export async function loadFromSource(exports, name) {
  const outfile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), `mkd-bench-${name}-`)), `${name}.cjs`);
  await esbuild.build({
    ...nodeBundleOptions(),
    sourcemap: false,
    stdin: { contents: exports, resolveDir: root, loader: 'ts' },
    outfile,
  });
  return createRequire(import.meta.url)(outfile);
}
