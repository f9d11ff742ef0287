// `npm run lint`. TypeScript is linted with type information, so the rules can see promises and
// `any` across module boundaries; the build and bench scripts get the plain JavaScript rules.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { layersConfig } from './scripts/eslint-layers.mjs';

const nodeGlobals = {
  console: 'readonly', process: 'readonly', URL: 'readonly', performance: 'readonly',
  setTimeout: 'readonly', clearTimeout: 'readonly', setInterval: 'readonly', clearInterval: 'readonly',
  Buffer: 'readonly', AbortController: 'readonly', fetch: 'readonly', TextEncoder: 'readonly',
};

const unusedVars = ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }];

export default defineConfig(
  { ignores: ['dist/**', 'out/**', '.test-build/**', 'media/webview.js', 'node_modules/**', '.tools/**', '.test-runs/**', '.vscode-test/**', 'coverage/**'] },
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unsafe-argument': 'error',
      '@typescript-eslint/no-unsafe-assignment': 'error',
      '@typescript-eslint/no-unsafe-call': 'error',
      '@typescript-eslint/no-unsafe-member-access': 'error',
      '@typescript-eslint/no-unsafe-return': 'error',
      '@typescript-eslint/no-unused-vars': unusedVars,
      // Finding and removing control characters (in pasted keys, host text, terminal output) is part
      // of the product's job, so regular expressions name them on purpose.
      'no-control-regex': 'off',
    },
  },
  // The arrows between the folders of src/ (ARCHITECTURE.md): an import against them fails the lint.
  layersConfig,
  {
    // Test fakes implement async APIs (SecretStorage, Memento, window.show*) with synchronous bodies.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },
  {
    // Stands in for the `vscode` API: no-op members (log channel, progress) mirror the real ones.
    files: ['test/unit/vscode-shim.ts'],
    rules: {
      '@typescript-eslint/no-empty-function': 'off',
    },
  },
  {
    files: ['**/*.mjs'],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: 'module', ecmaVersion: 2022, globals: nodeGlobals },
    rules: { 'no-unused-vars': unusedVars },
  },
);
