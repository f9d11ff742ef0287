import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as vscode from 'vscode';
import { TEST_KEYS } from '../../../../src/emulator';
import { chooseCandidate } from '../../../../src/extension/check/candidatePicker';
import * as engine from '../../../../src/extension/engine/entry';
import { SECRET_NAME } from '../../../../src/extension/key/keyStore';
import { shim } from '../../vscode-shim';
import { createHarness, type Harness } from '../ctxHarness';

describe('chooseCandidate', () => {
  let h: Harness;
  const offered: string[] = [];
  const deps = () => ({ keyStore: h.ctx.keyStore, log: h.log, prompts: h.prompts, loadEngine: () => engine, offerLog: async (message: string) => { offered.push(message); } });
  beforeEach(async () => { h = await createHarness(); offered.length = 0; });
  afterEach(async () => h.close());

  it('in an untrusted workspace reads other tools\' workspace files only after the user agrees', async () => {
    shim.trusted = false;
    const workspace = fs.mkdtempSync(path.join(h.home, 'workspace-'));
    fs.writeFileSync(path.join(workspace, '.env'), `MISTRAL_API_KEY=${TEST_KEYS.console}\n`);
    shim.workspaceFolders = [{ uri: vscode.Uri.file(workspace), name: 'workspace', index: 0 }];
    await h.fake.secrets.storage.store(SECRET_NAME, TEST_KEYS.codestral);

    h.prompts.enqueue({ kind: 'message', action: undefined });
    const withoutConsent = await chooseCandidate(deps());
    expect(h.prompts.shownMessages.some((m) => m.includes('untrusted workspace'))).toBe(true);
    expect(withoutConsent).toMatchObject({ fingerprint: 'CdSt…j5Ga' });

    h.prompts.enqueue({ kind: 'message', action: 'Read workspace files' });
    h.prompts.enqueue({ kind: 'pick', match: 'CnsL…j5Ue' });
    const withConsent = await chooseCandidate(deps());
    expect(withConsent).toMatchObject({ fingerprint: 'CnsL…j5Ue', source: { label: expect.stringContaining('.env') as unknown, line: 1 } });
  });

  it('names an unreadable config of another tool by path, skips it, and still offers the other keys', async () => {
    fs.mkdirSync(path.join(h.home, '.continue'));
    fs.writeFileSync(path.join(h.home, '.continue', 'config.yaml'), 'models:\n  - name: [unclosed\n');
    await h.fake.secrets.storage.store(SECRET_NAME, TEST_KEYS.console);
    expect(await chooseCandidate(deps())).toMatchObject({ fingerprint: 'CnsL…j5Ue', source: { id: 'stored' } });
    expect(offered.some((m) => m.includes('could not be read') && m.includes('config.yaml'))).toBe(true);
    expect(h.log.lines.some((line) => line.startsWith('Skipped') && line.includes('config.yaml'))).toBe(true);
  });

  it('says "none" when no key exists anywhere', async () => {
    expect(await chooseCandidate(deps())).toBe('none');
  });
});
