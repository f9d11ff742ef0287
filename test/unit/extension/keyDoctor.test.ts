// The extension's flows with the real engine over real HTTP to the emulator: automatic checks
// bounded and coalesced, nothing automatic in an untrusted workspace, workspace files read only
// with consent, links only to the allowlist.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import * as engine from '../../../src/extension/engine/entry';
import { startEmulator, TEST_KEYS, type Emulator } from '../../../src/emulator';
import { storedCandidate } from '../../../src/extension/candidates';
import { KeyDoctor } from '../../../src/extension/keyDoctor';
import { SECRET_NAME } from '../../../src/extension/keyStore';
import { ExtensionLog } from '../../../src/extension/log';
import { Prompts } from '../../../src/extension/prompts';
import type { StatusView } from '../../../src/extension/statusView';
import { shim } from '../vscode-shim';
import { fakeContext } from './fakeContext';

const quietChannel = { info() {}, warn() {}, error() {} } as unknown as vscode.LogOutputChannel;

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`never happened: ${what}`);
}

describe('KeyDoctor', () => {
  let emulator: Emulator;
  let doctor: KeyDoctor;
  let prompts: Prompts;
  let log: ExtensionLog;
  let secrets: ReturnType<typeof fakeContext>['secrets'];
  let statuses: StatusView[];
  let home: string;
  const savedEnv = { HOME: process.env.HOME, MISTRAL_API_KEY: process.env.MISTRAL_API_KEY, CODESTRAL_API_KEY: process.env.CODESTRAL_API_KEY };

  beforeEach(async () => {
    shim.reset();
    emulator = await startEmulator();
    shim.configuration.set('mistralKeyDoctor.apiBaseUrl', emulator.apiUrl);
    shim.configuration.set('mistralKeyDoctor.codestralBaseUrl', emulator.codestralUrl);
    shim.configuration.set('mistralKeyDoctor.tool', 'cline');
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-home-'));
    process.env.HOME = home;
    delete process.env.MISTRAL_API_KEY;
    delete process.env.CODESTRAL_API_KEY;
    const fake = fakeContext();
    secrets = fake.secrets;
    prompts = new Prompts(true);
    log = new ExtensionLog(() => quietChannel, true);
    statuses = [];
    doctor = new KeyDoctor({ context: fake.context, log, prompts, loadEngine: () => engine, showStatus: (view) => statuses.push(view) });
  });

  afterEach(async () => {
    doctor.dispose();
    await emulator.close();
    fs.rmSync(home, { recursive: true, force: true });
    for (const [name, value] of Object.entries(savedEnv)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('probes the stored key once for a burst of 100 change events', async () => {
    await secrets.storage.store(SECRET_NAME, TEST_KEYS.codestral);
    await Promise.all(Array.from({ length: 100 }, () => doctor.storedKeyChanged()));
    await until(() => doctor.lastResult !== null, 'the automatic check');
    expect(doctor.lastResult!.diagnosis.cause.id).toBe('codestral-key-on-api-host');
    expect(emulator.requests.map((r) => r.host).sort()).toEqual(['api', 'codestral']);
    expect(doctor.statusView()).toMatchObject({ visible: true, warning: true, text: '$(warning) Mistral key: 401' });
    expect(statuses.some((view) => view.text.startsWith('$(sync~spin)'))).toBe(true);
  });

  it('shares one probe between concurrent checks of the same key', async () => {
    const candidate = storedCandidate(TEST_KEYS.console);
    const results = await Promise.all(Array.from({ length: 10 }, () => doctor.check(candidate, { interactive: false })));
    expect(new Set(results).size).toBe(1);
    expect(results[0]!.diagnosis.keyKind).toBe('console');
    expect(emulator.requests).toHaveLength(2);
  });

  it('runs nothing automatically in an untrusted workspace, even with autoCheck on', async () => {
    shim.trusted = false;
    await secrets.storage.store(SECRET_NAME, TEST_KEYS.codestral);
    await doctor.startUp();
    await doctor.storedKeyChanged();
    doctor.requestAutoCheck();
    expect(doctor.autoChecksAllowed()).toBe(false);
    expect(emulator.requests).toHaveLength(0);
    expect(doctor.lastResult).toBeNull();
  });

  it('runs nothing automatically when autoCheck is off', async () => {
    shim.configuration.set('mistralKeyDoctor.autoCheck', false);
    await secrets.storage.store(SECRET_NAME, TEST_KEYS.codestral);
    await doctor.startUp();
    await doctor.storedKeyChanged();
    expect(emulator.requests).toHaveLength(0);
  });

  it('in an untrusted workspace reads other tools\' workspace files only after the user agrees', async () => {
    shim.trusted = false;
    const workspace = fs.mkdtempSync(path.join(home, 'workspace-'));
    fs.writeFileSync(path.join(workspace, '.env'), `MISTRAL_API_KEY=${TEST_KEYS.console}\n`);
    shim.workspaceFolders = [{ uri: vscode.Uri.file(workspace), name: 'workspace', index: 0 }];
    await secrets.storage.store(SECRET_NAME, TEST_KEYS.codestral);

    prompts.enqueue({ kind: 'message', action: undefined });
    await doctor.checkKeyCommand();
    expect(prompts.shownMessages.some((m) => m.includes('untrusted workspace'))).toBe(true);
    expect(doctor.lastResult?.diagnosis.key.fingerprint).toBe('CdSt…j5Ga');

    prompts.enqueue({ kind: 'message', action: 'Read workspace files' });
    prompts.enqueue({ kind: 'pick', match: 'CnsL…j5Ue' });
    await doctor.checkKeyCommand();
    expect(doctor.lastResult?.diagnosis.key.fingerprint).toBe('CnsL…j5Ue');
    expect(doctor.lastResult?.sourceLabel).toContain('.env');
  });

  it('names an unreadable config of another tool by path, skips it, and still checks the other keys', async () => {
    fs.mkdirSync(path.join(home, '.continue'));
    fs.writeFileSync(path.join(home, '.continue', 'config.yaml'), 'models:\n  - name: [unclosed\n');
    await secrets.storage.store(SECRET_NAME, TEST_KEYS.console);
    await doctor.checkKeyCommand();
    expect(prompts.shownMessages.some((m) => m.includes('could not be read') && m.includes('config.yaml'))).toBe(true);
    expect(log.lines.some((line) => line.startsWith('Skipped') && line.includes('config.yaml'))).toBe(true);
    expect(doctor.lastResult?.diagnosis.keyKind).toBe('console');
  });

  it('re-checks for the host of the tool picked in the panel when it differs', async () => {
    shim.configuration.set('mistralKeyDoctor.model', 'codestral-2508');
    await secrets.storage.store(SECRET_NAME, TEST_KEYS.codestral);
    await doctor.checkKeyCommand();
    expect(doctor.lastResult?.toolHost).toBe('api');
    doctor.panel.show();
    shim.panels[0]!.receive({ type: 'selectTool', tool: 'roo' });
    await until(() => doctor.lastResult?.toolHost === 'codestral', 'the re-check for Roo Code');
    expect(shim.configuration.get('mistralKeyDoctor.tool')).toBe('roo');
    expect(doctor.lastResult!.diagnosis.worksForTarget).toBe(true);
  });

  it('offers to set a key when none is found anywhere', async () => {
    prompts.enqueue({ kind: 'message', action: undefined });
    await doctor.checkKeyCommand();
    expect(prompts.shownMessages.at(-1)).toMatch(/^No Mistral key found/);
    expect(emulator.requests).toHaveLength(0);
  });

  it('stores a cleaned key only after the user accepts the findings, and keeps it out of everything shown', async () => {
    prompts.enqueue({ kind: 'input', value: `"${TEST_KEYS.codestral}" ` });
    prompts.enqueue({ kind: 'message', action: undefined });
    await doctor.setKeyCommand();
    expect(secrets.values.get(SECRET_NAME)).toBeUndefined();

    prompts.enqueue({ kind: 'input', value: `"${TEST_KEYS.codestral}" ` });
    prompts.enqueue({ kind: 'message', action: 'Save the cleaned key' });
    prompts.enqueue({ kind: 'message', action: 'Check now' });
    await doctor.setKeyCommand();
    expect(secrets.values.get(SECRET_NAME)).toBe(TEST_KEYS.codestral);
    expect(doctor.lastResult?.diagnosis.cause.id).toBe('codestral-key-on-api-host');
    await doctor.copySupportReport();
    const shown = [...log.lines, ...prompts.shownMessages, shim.clipboard, JSON.stringify(doctor.statusView())].join('\n');
    expect(shown).not.toContain(TEST_KEYS.codestral);
    expect(shim.clipboard).toContain('CdSt…j5Ga');
  });

  it('refuses a masked copy outright', async () => {
    prompts.enqueue({ kind: 'input', value: 'CdSt...j5Ga' });
    await doctor.setKeyCommand();
    expect(secrets.values.size).toBe(0);
    expect(prompts.shownMessages.at(-1)).toMatch(/^The key was not saved/);
  });

  it('opens only allowlisted pages', async () => {
    await doctor.openExternal('https://evil.example/console.mistral.ai');
    await doctor.openExternal('javascript:alert(1)');
    await doctor.openExternal('https://console.mistral.ai/api-keys');
    expect(shim.opened).toEqual(['https://console.mistral.ai/api-keys']);
    expect(log.lines.filter((line) => line.startsWith('Refused to open'))).toHaveLength(2);
  });
});
