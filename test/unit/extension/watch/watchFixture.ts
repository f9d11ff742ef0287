// A watch built by createToolKeyWatch on the vscode shim, with a throw-away home, the real engine
// (key finders and checks) and the emulator on loopback.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import * as engine from '../../../../src/extension/engine/entry';
import type { Emulator } from '../../../../src/emulator';
import type { KeyCandidate } from '../../../../src/sources';
import type { CheckResult } from '../../../../src/extension/check/checkResult';
import { ScriptedPrompts } from '../../../harness/scriptedPrompts';
import { createToolKeyWatch } from '../../../../src/extension/watch/createWatch';
import { fakeMemento } from '../fakeContext';

export function continueConfig(key: string): string {
  return `name: Local\nversion: 1.0.0\nschema: v1\nmodels:\n  - name: Chat\n    provider: mistral\n    model: mistral-large-latest\n    apiBase: https://api.mistral.ai/v1\n    apiKey: ${key}\n`;
}

export function watchOnShim(emulator: Emulator) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-watch-shim-'));
  const home = path.join(root, 'home');
  fs.mkdirSync(path.join(home, '.continue'), { recursive: true });
  const prompts = new ScriptedPrompts();
  const checked: { candidate: KeyCandidate; keyStoredAgoMs: number | null }[] = [];
  const log: string[] = [];
  const watch = createToolKeyWatch({
    globalState: fakeMemento().memento,
    log: { info: (m) => log.push(m), warn: (m) => log.push(m), error: (m) => log.push(m) },
    prompts,
    loadEngine: () => engine,
    check: async (candidate, keyStoredAgoMs): Promise<CheckResult> => {
      checked.push({ candidate, keyStoredAgoMs });
      const diagnosis = await engine.checkKey({
        rawKey: candidate.key, target: candidate.source.target, model: candidate.source.model, tool: candidate.source.tool, apiUrl: emulator.apiUrl, codestralUrl: emulator.codestralUrl,
        timeoutMs: 5000, keyAgeMs: null, keyStoredAgoMs, preferredCodestralModel: 'codestral-2501',
      });
      return { diagnosis, sourceLabel: candidate.source.label, storedKey: false, tool: 'continue', toolHost: candidate.source.target };
    },
    onDidChange: () => {},
    home,
  });
  const configFile = path.join(home, '.continue', 'config.yaml');
  return { root, home, prompts, checked, log, watch, configFile, dispose: () => { watch.dispose(); fs.rmSync(root, { recursive: true, force: true }); }, vscode };
}
