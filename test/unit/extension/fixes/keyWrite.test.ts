import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import { offerKeyWrite, withKeyLine, type KeyWriteDeps } from '../../../../src/extension/fixes/keyWrite';
import { RecordingLog } from '../../../harness/recordingLog';
import { ScriptedPrompts } from '../../../harness/scriptedPrompts';
import { shim } from '../../vscode-shim';

const quietChannel = { info() {}, warn() {}, error() {} } as unknown as vscode.LogOutputChannel;
const KEY = 'Zq4WmP8xR2tY6uI0oA3sD5fG7hJ9kL1n';
const FINGERPRINT = 'Zq4W…kL1n';

let scratch: string;
let home: string;
let workspace: string;

function setUp(env: Record<string, string | undefined> = {}) {
  const prompts = new ScriptedPrompts();
  const log = new RecordingLog(() => quietChannel);
  let rechecks = 0;
  const deps: KeyWriteDeps = { prompts, log, home, env, recheck: async () => { rechecks += 1; } };
  return { prompts, log, deps, rechecks: () => rechecks };
}

function press(prompts: ScriptedPrompts, action: string | undefined): void {
  prompts.enqueue({ kind: 'message', action });
}

beforeEach(() => {
  shim.reset();
  scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-keywrite-')));
  home = path.join(scratch, 'home');
  workspace = path.join(scratch, 'project');
  fs.mkdirSync(home);
  fs.mkdirSync(workspace);
  shim.workspaceFolders = [{ uri: vscode.Uri.file(workspace), name: 'project', index: 0 }];
});

afterEach(() => fs.rmSync(scratch, { recursive: true, force: true }));

describe('offerKeyWrite', () => {
  it('for Continue: asks naming ~/.continue/.env, writes a new .env there, says how the config must name it, and checks again', async () => {
    const { prompts, log, deps, rechecks } = setUp();
    press(prompts, 'Write to ~/.continue/.env');
    const outcome = await offerKeyWrite(deps, { tool: 'continue', version: '1.3.40' }, KEY, FINGERPRINT);
    const file = path.join(home, '.continue/.env');
    expect(outcome).toEqual({ kind: 'written', file });
    expect(fs.readFileSync(file, 'utf8')).toBe(`MISTRAL_API_KEY=${KEY}\n`);
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    expect(prompts.shownMessages[0]).toBe(`Continue reads the key from ~/.continue/.env: write key ${FINGERPRINT} there as MISTRAL_API_KEY?`);
    expect(prompts.shownMessages.at(-1)).toContain('${{ secrets.MISTRAL_API_KEY }}');
    expect(rechecks()).toBe(1);
    expect([...log.lines, ...prompts.shownMessages].join('\n')).not.toContain(KEY);
  });

  it('for Continue: honours CONTINUE_GLOBAL_DIR', async () => {
    const elsewhere = path.join(home, 'continue-home');
    const { prompts, deps } = setUp({ CONTINUE_GLOBAL_DIR: elsewhere });
    press(prompts, 'Write to ~/continue-home/.env');
    expect(await offerKeyWrite(deps, { tool: 'continue', version: null }, KEY, FINGERPRINT)).toEqual({ kind: 'written', file: path.join(elsewhere, '.env') });
    expect(fs.existsSync(path.join(home, '.continue/.env'))).toBe(false);
  });

  it('for aider: replaces the MISTRAL_API_KEY line of the workspace .env, keeping every other line and the CRLF endings byte-for-byte', async () => {
    const file = path.join(workspace, '.env');
    fs.writeFileSync(file, '# keys\r\nOPENAI_API_KEY=sk-other\r\nMISTRAL_API_KEY=oldoldoldoldoldoldoldoldoldoldol\r\nAIDER_MODEL=mistral/codestral-2508\r\n');
    const { prompts, deps, rechecks } = setUp();
    press(prompts, 'Write to project/.env');
    expect(await offerKeyWrite(deps, { tool: 'aider', version: null }, KEY, FINGERPRINT)).toEqual({ kind: 'written', file });
    expect(fs.readFileSync(file, 'utf8')).toBe(`# keys\r\nOPENAI_API_KEY=sk-other\r\nMISTRAL_API_KEY=${KEY}\r\nAIDER_MODEL=mistral/codestral-2508\r\n`);
    expect(rechecks()).toBe(1);
  });

  it('for litellm: appends the line to a workspace .env without one', async () => {
    const file = path.join(workspace, '.env');
    fs.writeFileSync(file, 'OTHER=1');
    const { prompts, deps } = setUp();
    press(prompts, 'Write to project/.env');
    await offerKeyWrite(deps, { tool: 'litellm', version: null }, KEY, FINGERPRINT);
    expect(fs.readFileSync(file, 'utf8')).toBe(`OTHER=1\nMISTRAL_API_KEY=${KEY}\n`);
  });

  it('refuses a symlinked .env, naming it, and a dangling one too, writing nothing', async () => {
    const real = path.join(scratch, 'real.env');
    fs.writeFileSync(real, 'KEEP=1\n');
    const link = path.join(workspace, '.env');
    for (const pointsAt of [real, path.join(scratch, 'missing.env')]) {
      fs.rmSync(link, { force: true });
      fs.symlinkSync(pointsAt, link);
      const { prompts, deps, rechecks } = setUp();
      press(prompts, 'Write to project/.env');
      const outcome = await offerKeyWrite(deps, { tool: 'aider', version: null }, KEY, FINGERPRINT);
      expect(outcome.kind).toBe('refused');
      expect(prompts.shownMessages.at(-1)).toContain(`${link} is a symbolic link`);
      expect(rechecks()).toBe(0);
    }
    expect(fs.readFileSync(real, 'utf8')).toBe('KEEP=1\n');
    expect(fs.existsSync(path.join(scratch, 'missing.env'))).toBe(false);
  });

  it('refuses a workspace .env that git tracks', async () => {
    const file = path.join(workspace, '.env');
    fs.writeFileSync(file, 'OTHER=1\n');
    execFileSync('git', ['init', '-q'], { cwd: workspace });
    execFileSync('git', ['add', '.env'], { cwd: workspace });
    const { prompts, deps } = setUp();
    press(prompts, 'Write to project/.env');
    const outcome = await offerKeyWrite(deps, { tool: 'aider', version: null }, KEY, FINGERPRINT);
    expect(outcome).toEqual({ kind: 'refused', reason: 'Nothing was written: git tracks project/.env, so the key would be committed. Keep the key in a file git ignores.' });
    expect(fs.readFileSync(file, 'utf8')).toBe('OTHER=1\n');
  });

  it('refuses a workspace .env in an untrusted workspace, where git may not run', async () => {
    shim.trusted = false;
    const { prompts, deps } = setUp();
    press(prompts, 'Write to project/.env');
    const outcome = await offerKeyWrite(deps, { tool: 'litellm', version: null }, KEY, FINGERPRINT);
    expect(outcome.kind).toBe('refused');
    expect(fs.existsSync(path.join(workspace, '.env'))).toBe(false);
  });

  it('for Mistral Vibe before 2.17: writes $VIBE_HOME/.env', async () => {
    const vibeHome = path.join(home, 'vibe-home');
    const { prompts, deps } = setUp({ VIBE_HOME: vibeHome });
    press(prompts, 'Write to ~/vibe-home/.env');
    expect(await offerKeyWrite(deps, { tool: 'vibe', version: '2.16.0' }, KEY, FINGERPRINT)).toEqual({ kind: 'written', file: path.join(vibeHome, '.env') });
    expect(fs.readFileSync(path.join(vibeHome, '.env'), 'utf8')).toBe(`MISTRAL_API_KEY=${KEY}\n`);
  });

  it('for Mistral Vibe 2.17 and later: says how to put the key in the keyring, and writes no file', async () => {
    const { prompts, deps, rechecks } = setUp();
    const outcome = await offerKeyWrite(deps, { tool: 'vibe', version: '2.18.4' }, KEY, FINGERPRINT);
    expect(outcome).toEqual({ kind: 'keyring' });
    expect(prompts.shownMessages[0]).toContain('system keyring');
    expect(prompts.shownMessages[0]).toContain('vibe --setup');
    expect(fs.readdirSync(home)).toEqual([]);
    expect(rechecks()).toBe(0);
  });

  it('writes nothing when the user declines', async () => {
    const { prompts, deps, rechecks } = setUp();
    press(prompts, undefined);
    expect(await offerKeyWrite(deps, { tool: 'continue', version: null }, KEY, FINGERPRINT)).toEqual({ kind: 'declined' });
    expect(fs.readdirSync(home)).toEqual([]);
    expect(rechecks()).toBe(0);
  });

  it('offers nothing for a tool that keeps the key in its own storage', async () => {
    const { prompts, deps } = setUp();
    expect(await offerKeyWrite(deps, { tool: 'cline', version: null }, KEY, FINGERPRINT)).toEqual({ kind: 'not-a-file-tool' });
    expect(prompts.shownMessages).toEqual([]);
  });
});

describe('withKeyLine', () => {
  it('replaces an exported line and keeps a file without a final newline as it was otherwise', () => {
    expect(withKeyLine('A=1\nexport MISTRAL_API_KEY=old\nB=2', KEY)).toBe(`A=1\nMISTRAL_API_KEY=${KEY}\nB=2`);
    expect(withKeyLine('', KEY)).toBe(`MISTRAL_API_KEY=${KEY}\n`);
    expect(withKeyLine('MISTRAL_API_KEY_OLD=x\n', KEY)).toBe(`MISTRAL_API_KEY_OLD=x\nMISTRAL_API_KEY=${KEY}\n`);
  });
});
