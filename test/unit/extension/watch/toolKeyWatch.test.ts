// The watch end to end outside VS Code: real files in a throw-away home and workspace, the real key
// finders, real checks against the emulator on loopback; only the clock and the file events are driven.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import { checkKey } from '../../../../src/core/check';
import { TEST_KEYS } from '../../../../src/emulator';
import { ScriptedPrompts } from '../../../harness/scriptedPrompts';
import { worstKey, type KeyStatus } from '../../../../src/extension/status/keyStatus';
import { ToolKeyWatch, WATCHER_START_MS, type WatchCheckRequest } from '../../../../src/extension/watch/toolKeyWatch';
import { WatchConsent } from '../../../../src/extension/watch/watchConsent';
import type { WatchPattern } from '../../../../src/extension/watch/watchedSources';
import { findKeyCandidates, type FindKeyOptions } from '../../../../src/sources';
import { shim } from '../../vscode-shim';
import { FakeClock } from '../fakeClock';
import { fakeMemento } from '../fakeContext';
import { useEmulator } from '../../useEmulator';
import { KEY_ACTIVATION_WINDOW_MINUTES } from '../../../../src/core/activation';

const MINUTE = 60_000;
/** The consent names the files it will read and says where their key goes. */
const CONTINUE_QUESTION = "Watch Continue's files (~/.continue/config.yaml, ~/.continue/configs/*.yaml, ~/.continue/.env, ~/.continue/config.json, app/.continue/**, app/.continuerc.json, app/.env)? When the Mistral key in them changes, Mistral Key Doctor sends it to Mistral's hosts (api.mistral.ai, codestral.mistral.ai) to check it.";
const READ_DELAY = 250;

const emulator = useEmulator();

function continueConfig(key: string): string {
  return `name: Local\nversion: 1.0.0\nschema: v1\nmodels:\n  - name: Chat\n    provider: mistral\n    model: mistral-large-latest\n    apiBase: https://api.mistral.ai/v1\n    apiKey: ${key}\n`;
}

function setUp(options: { unanswered?: boolean } = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-watch-'));
  const home = path.join(root, 'home');
  const workspace = path.join(root, 'app');
  fs.mkdirSync(path.join(home, '.continue'), { recursive: true });
  fs.mkdirSync(workspace, { recursive: true });
  const clock = new FakeClock();
  const prompts = new ScriptedPrompts();
  const log: string[] = [];
  const reads: FindKeyOptions[] = [];
  const checks: WatchCheckRequest[] = [];
  /** Fingerprints whose checks give no verdict (as a check with refused settings or a failure does). */
  const noVerdict = new Set<string>();
  const watchers: { pattern: WatchPattern; onEvent: (file: string) => void; disposed: boolean }[] = [];
  const state = fakeMemento();
  const watch = new ToolKeyWatch({
    state: state.memento,
    consent: new WatchConsent(state.memento, () => vscode.workspace.getConfiguration('mistralKeyDoctor'), vscode.ConfigurationTarget.Global),
    // `unanswered`: the question stays open, as one the user never answers.
    prompts: options.unanswered ? { info: (message: string) => { prompts.shownMessages.push(message); return new Promise<undefined>(() => {}); } } : prompts,
    log: { info: (m) => log.push(m), warn: (m) => log.push(m), error: (m) => log.push(m) },
    environment: {
      home, env: {}, workspaceFolders: () => [workspace], isTrusted: () => vscode.workspace.isTrusted,
      installedExtensionIds: () => [], configuredTool: () => 'other',
    },
    findKeys: (options) => { reads.push(options); return findKeyCandidates(options); },
    check: async (request) => {
      checks.push(request);
      if (noVerdict.has(request.fingerprint)) return null;
      return checkKey({
        rawKey: request.key, target: request.target, model: request.model, tool: request.tool ?? undefined, apiUrl: emulator.apiUrl, codestralUrl: emulator.codestralUrl,
        timeoutMs: 5000, keyAgeMs: null, keyStoredAgoMs: request.keyStoredAgoMs, preferredCodestralModel: 'codestral-2501',
      });
    },
    watchFiles: (pattern, onEvent) => {
      const watcher = { pattern, onEvent, disposed: false };
      watchers.push(watcher);
      return new vscode.Disposable(() => { watcher.disposed = true; });
    },
    onDidChange: () => {},
    clock,
  });
  const configFile = path.join(home, '.continue', 'config.yaml');
  /** Writes a file and fires the event its live watchers would see. */
  const save = (file: string, text: string | null) => {
    if (text === null) fs.rmSync(file, { force: true });
    else fs.writeFileSync(file, text);
    for (const watcher of watchers.filter((w) => !w.disposed && file.startsWith(w.pattern.base))) watcher.onEvent(file);
  };
  /** Lets the debounced read and the checks it starts finish. */
  const settle = async (ms = READ_DELAY) => {
    clock.advance(ms);
    await watch.settled();
  };
  /** Each key as its menu row reads: whose key, its headline, and whether the verdict is the last one. */
  const rowText = (key: KeyStatus) => `${key.owner}: ${key.diagnosis?.headline ?? 'no verdict'}${key.stale ? ' (last verdict)' : ''}`;
  const summary = () => {
    const keys = watch.keys();
    const worst = worstKey(keys);
    return { rows: keys.map((key) => ({ text: rowText(key) })), worst: worst && { text: rowText(worst), cause: worst.diagnosis!.cause.id } };
  };
  /** The same event again, as a second event of one save (editors write twice). */
  const echo = (file: string) => {
    for (const watcher of watchers.filter((w) => !w.disposed && file.startsWith(w.pattern.base))) watcher.onEvent(file);
  };
  return { root, home, workspace, clock, prompts, log, reads, checks, noVerdict, watchers, state, watch, configFile, save, echo, settle, summary };
}

describe('ToolKeyWatch', () => {
  let t: ReturnType<typeof setUp>;
  beforeEach(() => {
    shim.reset();
    emulator.reset();
    t = setUp();
  });
  afterEach(() => {
    t.watch.dispose();
    fs.rmSync(t.root, { recursive: true, force: true });
  });

  async function watchContinue(key: string): Promise<void> {
    fs.writeFileSync(t.configFile, continueConfig(key));
    t.prompts.enqueue({ kind: 'message', action: 'Watch', match: "Continue's files" });
    await t.watch.reconcile();
    await t.watch.settled();
  }

  it('asks once per source, then checks the key in Continue\'s config and names Continue and the cause', async () => {
    await watchContinue(TEST_KEYS.codestral);
    expect(t.prompts.shownMessages).toEqual([CONTINUE_QUESTION]);
    expect(t.watch.watchedSources()).toEqual(['continue']);
    expect(t.summary().worst?.text).toBe("Continue's key: It does not work for Continue.");
    expect(t.log).toContain('Watching Continue\'s files: ~/.continue/config.yaml, ~/.continue/configs/*.yaml, ~/.continue/.env, ~/.continue/config.json, app/.continue/**, app/.continuerc.json, app/.env.');
    await t.watch.reconcile();
    expect(t.prompts.shownMessages).toHaveLength(1);
  });

  it('an unanswered question holds up no watch: a source allowed before is watched at once', async () => {
    t.watch.dispose();
    fs.rmSync(t.root, { recursive: true, force: true });
    t = setUp({ unanswered: true });
    fs.writeFileSync(t.configFile, continueConfig(TEST_KEYS.codestral));
    const cline = path.join(t.home, '.cline', 'data', 'secrets.json');
    fs.mkdirSync(path.dirname(cline), { recursive: true });
    fs.writeFileSync(cline, JSON.stringify({ mistralApiKey: TEST_KEYS.console }));
    await new WatchConsent(t.state.memento, () => vscode.workspace.getConfiguration('mistralKeyDoctor'), vscode.ConfigurationTarget.Global).allow('cline');
    void t.watch.reconcile();
    for (let i = 0; i < 100 && t.prompts.shownMessages.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    await t.watch.settled();
    expect(t.watch.watchedSources()).toEqual(['cline']);
    expect(t.summary().rows.map((r) => r.text)).toEqual(["Cline's key: It works for Cline."]);
    expect(t.prompts.shownMessages).toEqual([CONTINUE_QUESTION]);
  });

  it('a fixed key in the file is checked at once and the warning clears', async () => {
    await watchContinue(TEST_KEYS.codestral);
    t.save(t.configFile, continueConfig(TEST_KEYS.console));
    await t.settle();
    expect(t.checks.map((c) => c.fingerprint)).toEqual(['CdSt…j5Ga', 'CnsL…j5Ue']);
    expect(t.summary().worst).toMatchObject({ text: "Continue's key: It works for Continue.", cause: 'ok' });
    expect(t.log.some((line) => line.startsWith('~/.continue/config.yaml changed'))).toBe(true);
  });

  it('a second event of the same save never shows the old key\'s verdict as the new key\'s, while the new key\'s check gives nothing', async () => {
    await watchContinue(TEST_KEYS.codestral);
    t.noVerdict.add('CnsL…j5Ue');
    t.save(t.configFile, continueConfig(TEST_KEYS.console));
    await t.settle();
    t.echo(t.configFile);
    await t.settle();
    expect(t.checks.map((c) => c.fingerprint)).toEqual(['CdSt…j5Ga', 'CnsL…j5Ue']);
    expect(t.watch.keys().map((v) => [v.place.endsWith('CnsL…j5Ue'), v.diagnosis?.cause.id, v.stale])).toEqual([[true, 'codestral-key-on-api-host', true]]);
    expect(t.summary().rows.map((r) => r.text)[0]).toContain('last verdict');
  });

  it('a check that gives no verdict is tried again, and its own verdict then replaces the old key\'s', async () => {
    await watchContinue(TEST_KEYS.codestral);
    t.noVerdict.add('CnsL…j5Ue');
    t.save(t.configFile, continueConfig(TEST_KEYS.console));
    await t.settle();
    t.noVerdict.clear();
    await t.settle(MINUTE);
    expect(t.checks.map((c) => c.fingerprint)).toEqual(['CdSt…j5Ga', 'CnsL…j5Ue', 'CnsL…j5Ue']);
    expect(t.watch.keys().map((v) => v.stale)).toEqual([false]);
    expect(t.summary().worst).toMatchObject({ text: "Continue's key: It works for Continue.", cause: 'ok' });
  });

  it('a change made before the file watcher runs (no event) is still read', async () => {
    await watchContinue(TEST_KEYS.codestral);
    fs.writeFileSync(t.configFile, continueConfig(TEST_KEYS.console));
    await t.settle(WATCHER_START_MS);
    expect(t.checks.map((c) => c.fingerprint)).toEqual(['CdSt…j5Ga', 'CnsL…j5Ue']);
    expect(t.summary().worst).toMatchObject({ text: "Continue's key: It works for Continue.", cause: 'ok' });
  });

  it('a burst of 100 saves: at most one check per key per minute', async () => {
    await watchContinue(TEST_KEYS.codestral);
    for (let i = 0; i < 100; i++) {
      t.save(t.configFile, continueConfig(i % 2 === 0 ? TEST_KEYS.console : TEST_KEYS.codestral));
      await t.settle(300);
    }
    await t.settle(2 * MINUTE);
    const checksOf = (fingerprint: string) => t.checks.filter((c) => c.fingerprint === fingerprint).length;
    // 100 saves take 30 s: each key gets its first check and at most one trailing check.
    expect(checksOf('CnsL…j5Ue')).toBeLessThanOrEqual(2);
    expect(checksOf('CdSt…j5Ga')).toBeLessThanOrEqual(2);
    expect(t.summary().worst?.text).toBe("Continue's key: It does not work for Continue.");
  });

  it('a file that stops parsing keeps the last verdict marked stale, and is read again when it parses', async () => {
    await watchContinue(TEST_KEYS.codestral);
    t.save(t.configFile, `${continueConfig(TEST_KEYS.codestral)}  - name: [unclosed\n`);
    await t.settle();
    expect(t.summary().rows.map((r) => r.text)).toEqual(["Continue's key: It does not work for Continue. (last verdict)"]);
    t.save(t.configFile, continueConfig(TEST_KEYS.console));
    await t.settle();
    expect(t.summary().rows.map((r) => r.text)).toEqual(["Continue's key: It works for Continue."]);
  });

  it('a file that disappears drops its key from the watch', async () => {
    await watchContinue(TEST_KEYS.codestral);
    t.save(t.configFile, null);
    await t.settle();
    expect(t.summary().rows).toEqual([]);
    expect(t.log).toContain("Key CdSt…j5Ga is no longer in Continue ~/.continue/config.yaml, model 'Chat': dropped from the watch.");
  });

  it('a declined source is never read again, whatever its files do', async () => {
    fs.writeFileSync(t.configFile, continueConfig(TEST_KEYS.codestral));
    t.prompts.enqueue({ kind: 'message', action: 'Not this one', match: "Continue's files" });
    await t.watch.reconcile();
    // Before the question, one look for a Mistral key decides whether to ask at all; nothing was sent.
    expect(t.reads.map((read) => read.sources)).toEqual([['continue']]);
    t.save(t.configFile, continueConfig(TEST_KEYS.console));
    await t.settle(MINUTE);
    await t.watch.askAgain();
    expect(t.reads).toHaveLength(1);
    expect(t.checks).toEqual([]);
    expect(shim.configuration.get('mistralKeyDoctor.watchDeclinedSources')).toEqual(['continue']);
  });

  it('"Stop watching" ends the watch of a source: its watchers go, its keys leave the menu, its files are not read', async () => {
    await watchContinue(TEST_KEYS.codestral);
    const readsBefore = t.reads.length;
    await t.watch.stopWatching('continue');
    t.save(t.configFile, continueConfig(TEST_KEYS.console));
    await t.settle(MINUTE);
    expect(t.watchers.every((w) => w.disposed)).toBe(true);
    expect(t.summary().rows).toEqual([]);
    expect(t.reads.length).toBe(readsBefore);
  });

  it('in an untrusted workspace no workspace file is read or checked; home files still are', async () => {
    shim.trusted = false;
    shim.configuration.set('mistralKeyDoctor.watchToolKeys', 'always');
    fs.writeFileSync(path.join(t.workspace, '.env'), `MISTRAL_API_KEY=${TEST_KEYS.console}\n`);
    await watchContinue(TEST_KEYS.codestral);
    expect(t.reads.length).toBeGreaterThan(0);
    expect(t.reads.every((read) => !read.includeWorkspaceFiles && read.workspaceFolders.length === 0)).toBe(true);
    expect(t.watchers.every((w) => !w.pattern.inWorkspace)).toBe(true);
    expect(t.checks.map((c) => c.fingerprint)).toEqual(['CdSt…j5Ga']);
    expect(t.watch.watchedSources()).not.toContain('dotenv');
  });

  it('a workspace .env alone asks about the .env files only, not about every tool that reads one', async () => {
    fs.rmSync(path.join(t.home, '.continue'), { recursive: true, force: true });
    fs.writeFileSync(path.join(t.workspace, '.env'), `MISTRAL_API_KEY=${TEST_KEYS.console}\n`);
    await t.watch.reconcile();
    expect(t.prompts.shownMessages).toEqual(["Watch the workspace's .env files (app/.env)? When the Mistral key in them changes, Mistral Key Doctor sends it to Mistral's hosts (api.mistral.ai, codestral.mistral.ai) to check it."]);
  });

  it('a .env in a tool\'s own folder names that tool: ~/.vibe/.env asks about Mistral Vibe', async () => {
    fs.rmSync(path.join(t.home, '.continue'), { recursive: true, force: true });
    fs.mkdirSync(path.join(t.home, '.vibe'));
    fs.writeFileSync(path.join(t.home, '.vibe', '.env'), `MISTRAL_API_KEY=${TEST_KEYS.console}\n`);
    await t.watch.reconcile();
    expect(t.prompts.shownMessages).toHaveLength(1);
    expect(t.prompts.shownMessages[0]).toMatch(/^Watch Mistral Vibe's files \(~\/\.vibe\/\.env/);
  });

  it('a workspace .env key is watched in a trusted workspace', async () => {
    shim.configuration.set('mistralKeyDoctor.watchToolKeys', 'always');
    const envFile = path.join(t.workspace, '.env');
    fs.writeFileSync(envFile, `MISTRAL_API_KEY=${TEST_KEYS.codestral}\n`);
    await t.watch.reconcile();
    await t.watch.settled();
    expect(t.summary().rows.map((r) => r.text)).toContain('The .env key: It does not work for litellm.');
    t.save(envFile, `MISTRAL_API_KEY=${TEST_KEYS.console}\n`);
    await t.settle();
    expect(t.summary().rows.map((r) => r.text)).toContain('The .env key: It works for litellm.');
  });

  it('files that hold no Mistral key raise no question', async () => {
    fs.writeFileSync(t.configFile, continueConfig('ghp_16C7e42F292c6912E7710c838347Ae178B4a'));
    await t.watch.reconcile();
    expect(t.prompts.shownMessages).toEqual([]);
    expect(t.watch.watchedSources()).toEqual([]);
  });

  it('only values that look like Mistral keys are checked: another provider\'s token is named in the log, never sent', async () => {
    shim.configuration.set('mistralKeyDoctor.watchToolKeys', 'always');
    fs.writeFileSync(t.configFile, continueConfig('ghp_16C7e42F292c6912E7710c838347Ae178B4a'));
    await t.watch.reconcile();
    await t.watch.settled();
    t.save(t.configFile, continueConfig(`${TEST_KEYS.console.slice(0, 20)}`));
    await t.settle();
    expect(t.checks).toEqual([]);
    expect(t.log.some((line) => line.includes("secret in GitHub's format, not a Mistral key"))).toBe(true);
    expect(t.log.some((line) => line.includes('does not look like a Mistral key'))).toBe(true);
  });

  it('a key that appears in a file and is refused in its first minutes is called refused, may-be-activating, and re-checked until it works', async () => {
    await watchContinue(TEST_KEYS.codestral);
    t.save(t.configFile, continueConfig(TEST_KEYS.fresh));
    await t.settle();
    // Appearing in a file says nothing of when the key was created: no "not active yet" without evidence.
    const first = t.watch.keys().find((v) => v.diagnosis?.key.fingerprint === 'FrSh…3Gya')?.diagnosis;
    expect(first?.cause.id).toBe('key-rejected');
    expect(first?.cause.explanation).toContain('it may still be activating');
    expect(first?.cause.explanation).toContain('Otherwise it is revoked, expired');
    expect(t.checks.at(-1)?.keyStoredAgoMs).toBe(0);
    emulator.activateKey(TEST_KEYS.fresh);
    await t.settle(MINUTE);
    expect(t.checks.filter((c) => c.fingerprint === 'FrSh…3Gya')).toHaveLength(2);
    expect(t.summary().worst?.text).toBe("Continue's key: It works for Continue.");
  });

  it('stops re-checking a refused key when the activation window ends, with a plain key-rejected', async () => {
    await watchContinue(TEST_KEYS.codestral);
    t.save(t.configFile, continueConfig(TEST_KEYS.fresh));
    await t.settle();
    for (let minute = 0; minute < KEY_ACTIVATION_WINDOW_MINUTES + 5; minute++) await t.settle(MINUTE);
    const checksOfKey = () => t.checks.filter((c) => c.fingerprint === 'FrSh…3Gya');
    // The first check, then one a minute, the last at the window's end.
    expect(checksOfKey()).toHaveLength(KEY_ACTIVATION_WINDOW_MINUTES + 1);
    const last = t.watch.keys().find((v) => v.diagnosis?.key.fingerprint === 'FrSh…3Gya')?.diagnosis;
    expect(last?.cause.id).toBe('key-rejected');
    expect(last?.cause.explanation).not.toContain('may still be activating');
    for (let minute = 0; minute < 5; minute++) await t.settle(MINUTE);
    expect(checksOfKey()).toHaveLength(KEY_ACTIVATION_WINDOW_MINUTES + 1);
  });

  it('names files by displayed path and keys by fingerprint only, in every log line', async () => {
    await watchContinue(TEST_KEYS.codestral);
    t.save(t.configFile, continueConfig(TEST_KEYS.console));
    await t.settle();
    const text = t.log.join('\n');
    for (const key of Object.values(TEST_KEYS)) expect(text).not.toContain(key);
    expect(text).not.toContain(t.home);
    expect(text).toContain('CnsL…j5Ue');
  });
});
