import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import { knownModelFile, pinModel, writeRefusal, writtenModel } from '../../../../src/extension/fixes/modelPin';
import { RecordingLog } from '../../../harness/recordingLog';
import { ScriptedPrompts } from '../../../harness/scriptedPrompts';
import { shim } from '../../vscode-shim';

const quietChannel = { info() {}, warn() {}, error() {} } as unknown as vscode.LogOutputChannel;

function editWriting(newText: string): vscode.WorkspaceEdit {
  return { entries: () => [[vscode.Uri.file('/w/.continue/config.yaml'), [{ newText }]]] } as unknown as vscode.WorkspaceEdit;
}

describe('pinModel', () => {
  beforeEach(() => shim.reset());

  it('for Cline: copies the id and names the exact setting, writing no setting', async () => {
    const prompts = new ScriptedPrompts();
    const outcome = await pinModel({ log: new RecordingLog(() => quietChannel), prompts }, 'cline', 'codestral-2508');
    expect(outcome).toEqual({ kind: 'copied', model: 'codestral-2508', setting: 'API Provider → Mistral → Model' });
    expect(shim.clipboard).toBe('codestral-2508');
    expect(prompts.shownMessages.at(-1)).toBe('Copied codestral-2508. Cline keeps its model in its own settings: paste it into API Provider → Mistral → Model.');
    expect(shim.configuration.size + shim.workspaceConfiguration.size).toBe(0);
  });

  it('for Continue without its config file: says which file and field to open, and changes nothing', async () => {
    const prompts = new ScriptedPrompts();
    const outcome = await pinModel({ log: new RecordingLog(() => quietChannel), prompts }, 'continue', 'codestral-2508');
    expect(outcome).toEqual({ kind: 'nothing' });
    expect(prompts.shownMessages.at(-1)).toContain('~/.continue/config.yaml');
    expect(shim.clipboard).toBe('');
    expect(shim.configuration.size).toBe(0);
  });
});

describe('writtenModel', () => {
  it('reads the id an edit writes, and refuses anything that is not a plain id', () => {
    expect(writtenModel(editWriting('"codestral-2508"'))).toBe('codestral-2508');
    expect(writtenModel(editWriting('codestral-2508'))).toBe('codestral-2508');
    expect(writtenModel(editWriting('x\nrm -rf'))).toBeNull();
  });
});

describe('knownModelFile', () => {
  it('looks in the workspace first, then the home folder, for tools that keep the model in a file', () => {
    expect(knownModelFile('continue', '/home/u', ['/w'])).toEqual([path.join('/w', '.continue/config.yaml'), path.join('/home/u', '.continue/config.yaml')]);
    expect(knownModelFile('aider', '/home/u', ['/w'])).toEqual([path.join('/w', '.aider.conf.yml')]);
    expect(knownModelFile('cline', '/home/u', ['/w'])).toEqual([]);
  });
});

describe('writeRefusal', () => {
  it('refuses a pin into a config file that is a symlink, and allows one in the workspace', async () => {
    const workspace = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-pin-')));
    try {
      const real = path.join(workspace, 'real.yaml');
      fs.writeFileSync(real, 'models: []\n');
      fs.mkdirSync(path.join(workspace, '.continue'));
      fs.symlinkSync(real, path.join(workspace, '.continue/config.yaml'));
      const editOf = (file: string) => ({ entries: () => [[vscode.Uri.file(file), []]] }) as unknown as vscode.WorkspaceEdit;
      expect(await writeRefusal(editOf(path.join(workspace, '.continue/config.yaml')), [workspace])).toContain('symbolic link');
      expect(await writeRefusal(editOf(real), [workspace])).toBeNull();
      expect(await writeRefusal(editOf(path.join(os.tmpdir(), 'elsewhere.yaml')), [workspace])).toContain('outside the workspace');
    } finally {
      fs.rmSync(workspace, { recursive: true, force: true });
    }
  });
});
