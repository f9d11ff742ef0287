// esbuild options for every Node bundle: the product's (esbuild.mjs) and the benchmarks' in-process loads.
import { noOpenTelemetry } from './no-opentelemetry.mjs';

export function nodeBundleOptions({ production = false } = {}) {
  return {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: !production,
    minify: production,
    legalComments: 'none',
    external: ['vscode'],
    // The SDK would load OpenTelemetry at run time if it found it; see scripts/no-opentelemetry.mjs.
    plugins: [noOpenTelemetry],
    // jsonc-parser's `main` is a UMD build whose dynamic requires esbuild cannot follow; prefer ESM.
    mainFields: ['module', 'main'],
    logLevel: 'warning',
  };
}
