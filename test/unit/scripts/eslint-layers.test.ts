// The layer rule that `npm run lint` applies to src/ (scripts/eslint-layers.mjs): an import against
// ARCHITECTURE.md's arrows fails, one along them passes.
import path from 'node:path';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { LAYER_ARROWS, layersConfig } from '../../../scripts/eslint-layers.mjs';

const root = path.resolve(__dirname, '../../..');

function problems(file: string, code: string): string[] {
  const linter = new Linter({ configType: 'flat', cwd: root });
  const config = [{ ...layersConfig, languageOptions: { parser: tseslint.parser } }];
  return linter.verify(code, config, path.join(root, file)).map((message) => message.message);
}

describe('the layer rule', () => {
  it('fails core importing any other folder of src/, however the path is spelled', () => {
    expect(problems('src/core/probe.ts', "import { findKeyCandidates } from '../sources/findKeyCandidates';")).toEqual([
      'src/core/ may not import src/sources/ (it may import: nothing in src/); see ARCHITECTURE.md, "Folders".',
    ]);
    expect(problems('src/core/probe.ts', "import type { PanelView } from '../core/../shared/webviewProtocol';")).toHaveLength(1);
    expect(problems('src/core/probe.ts', "export * from '../extension/settings';")).toHaveLength(1);
    expect(problems('src/core/probe.ts', "const m = require('../server/server');")).toHaveLength(1);
  });

  it('fails the webview importing core, the server importing the extension, and vscode outside the extension', () => {
    expect(problems('src/webview/icons.ts', "import type { Severity } from '../core/diagnosis';")).toHaveLength(1);
    expect(problems('src/server/rules/keyRules.ts', "import { Ctx } from '../../extension/ctx';")).toHaveLength(1);
    expect(problems('src/server/server.ts', "import * as vscode from 'vscode';")).toEqual([
      "Only src/extension/ may import 'vscode'; src/server/ runs outside VS Code too.",
    ]);
  });

  it('passes imports along the arrows and within a folder', () => {
    expect(problems('src/extension/check/checker.ts', [
      "import * as vscode from 'vscode';",
      "import { checkKey } from '../../core/check';",
      "import { COMMANDS } from '../../shared/commands';",
      "import { findKeyCandidates } from '../../sources/findKeyCandidates';",
      "import { KeyStore } from '../key/keyStore';",
    ].join('\n'))).toEqual([]);
    expect(problems('src/webview/main.ts', "import { toWebviewSchema } from '../shared/webviewProtocol';")).toEqual([]);
    expect(problems('src/cli/demo.ts', "import { startEmulator } from '../emulator';")).toEqual([]);
  });

  it('names every folder of src/ and is part of the lint of every file there', async () => {
    const eslint = new ESLint({ cwd: root });
    for (const layer of Object.keys(LAYER_ARROWS)) {
      const config = (await eslint.calculateConfigForFile(`src/${layer}/any.ts`)) as { rules: Record<string, unknown> };
      expect(config.rules['layers/imports-follow-arrows'], layer).toEqual([2]);
    }
  });
});
