// A watch built by createToolKeyWatch on the vscode shim, with a throw-away home, the real engine
// (key finders and checks) and the emulator on loopback.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import * as engine from '../../../../src/extension/engine/entry';
import type { Emulator } from '../../../../src/emulator';
import type { CheckCandidate } from '../../../../src/extension/check/candidates';
import type { CheckResult } from '../../../../src/extension/check/checkResult';
import { Prompts } from '../../../../src/extension/prompts';
import { createToolKeyWatch } from '../../../../src/extension/watch/createWatch';
import { fakeMemento } from '../fakeContext';

export function continueConfig(key: string): string {
  return `name: Local\nversion: 1.0.0\nschema: v1\nmodels:\n  - name: Chat\n    provider: mistral\n    model: mistral-large-latest\n    apiKey: ${key}\n`;
}

export function watchOnShim(emulator: Emulator) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-watch-shim-'));
  const home = path.join(root, 'home');
  fs.mkdirSync(path.join(home, '.continue'), { recursive: true });
  const prompts = new Prompts(true);
  const checked: { candidate: CheckCandidate; keyStoredAgoMs: number | null }[] = [];
  const log: string[] = [];
  const watch = createToolKeyWatch({
    globalState: fakeMemento().memento,
    log: { info: (m) => log.push(m), warn: (m) => log.push(m), error: (m) => log.push(m) },
    prompts,
    loadEngine: () => engine,
    check: async (candidate, keyStoredAgoMs): Promise<CheckResult> => {
      checked.push({ candidate, keyStoredAgoMs });
      const diagnosis = await engine.checkKey({
        rawKey: candidate.key, target: candidate.target ?? 'auto', model: candidate.model, apiUrl: emulator.apiUrl, codestralUrl: emulator.codestralUrl,
        timeoutMs: 5000, keyAgeMs: null, keyStoredAgoMs, preferredCodestralModel: 'codestral-2501',
      });
      return { diagnosis, sourceLabel: candidate.label, storedKey: false, tool: 'continue', toolHost: candidate.target ?? 'auto' };
    },
    onDidChange: () => {},
    home,
  });
  const configFile = path.join(home, '.continue', 'config.yaml');
  return { root, home, prompts, checked, log, watch, configFile, dispose: () => { watch.dispose(); fs.rmSync(root, { recursive: true, force: true }); }, vscode };
}
