// A Ctx wired as activate() wires it, with the real engine over real HTTP to the emulator, a fresh
// HOME, scripted prompts and a quiet log: for the tests of the modules that act through it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as vscode from 'vscode';
import * as engine from '../../../src/extension/engine/entry';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../../src/emulator';
import { Ctx } from '../../../src/extension/ctx';
import { RecordingLog } from '../../harness/recordingLog';
import { routePanelMessage } from '../../../src/extension/panel/panelRouting';
import { ScriptedPrompts } from '../../harness/scriptedPrompts';
import type { StatusView } from '../../../src/extension/status/statusView';
import type { DetectedTool } from '../../../src/extension/check/toolDetection';
import { shim } from '../vscode-shim';
import { fakeContext } from './fakeContext';

const quietChannel = { info() {}, warn() {}, error() {} } as unknown as vscode.LogOutputChannel;
const ENV_NAMES = ['HOME', 'MISTRAL_API_KEY', 'CODESTRAL_API_KEY'] as const;

export interface Harness {
  ctx: Ctx;
  emulator: Emulator;
  prompts: ScriptedPrompts;
  log: RecordingLog;
  fake: ReturnType<typeof fakeContext>;
  statuses: StatusView[];
  home: string;
  /** A second Ctx on the same storage, as after a window reload. */
  reload(): Ctx;
  close(): Promise<void>;
}

export async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`never happened: ${what}`);
}

export async function createHarness(options: { emulator?: EmulatorOptions; detected?: DetectedTool[]; tool?: string | null } = {}): Promise<Harness> {
  shim.reset();
  const saved = Object.fromEntries(ENV_NAMES.map((name) => [name, process.env[name]]));
  const emulator = await startEmulator(options.emulator);
  shim.configuration.set('mistralKeyDoctor.apiBaseUrl', emulator.apiUrl);
  shim.configuration.set('mistralKeyDoctor.codestralBaseUrl', emulator.codestralUrl);
  if (options.tool !== null) shim.configuration.set('mistralKeyDoctor.tool', options.tool ?? 'cline');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-home-'));
  process.env.HOME = home;
  delete process.env.MISTRAL_API_KEY;
  delete process.env.CODESTRAL_API_KEY;
  const fake = fakeContext();
  const prompts = new ScriptedPrompts();
  const log = new RecordingLog(() => quietChannel);
  const statuses: StatusView[] = [];
  const make = () => new Ctx({
    context: fake.context, log, prompts, loadEngine: () => engine,
    showStatus: (view) => statuses.push(view),
    onPanelMessage: routePanelMessage,
    detect: async () => options.detected ?? [],
  });
  const created: Ctx[] = [make()];
  return {
    ctx: created[0]!,
    emulator, prompts, log, fake, statuses, home,
    reload: () => {
      const next = make();
      created.push(next);
      return next;
    },
    close: async () => {
      for (const ctx of created) ctx.dispose();
      await emulator.close();
      fs.rmSync(home, { recursive: true, force: true });
      for (const name of ENV_NAMES) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    },
  };
}
