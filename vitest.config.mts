import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: { vscode: fileURLToPath(new URL('./test/unit/vscode-shim.ts', import.meta.url)) },
  },
  test: {
    include: ['test/unit/**/*.test.ts'],
    // Builds the CLI and the language server that the process tests spawn (never into dist/).
    globalSetup: ['test/unit/globalSetup.ts'],
    testTimeout: 20_000,
    pool: 'forks',
  },
});
