// A workspace cannot pick which secret goes to the hosts: a downloaded project whose Continue config
// asks for `${{ secrets.GITHUB_TOKEN }}` never gets the GitHub token sent, by any path.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkKey } from '../../../src/core/check';
import { findKeyCandidates } from '../../../src/sources';
import { useEmulator } from '../useEmulator';

const GITHUB_TOKEN = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a';
const emulator = useEmulator();
let root: string;

beforeAll(() => {
  root = mkdtempSync(path.join(tmpdir(), 'mkd-workspace-'));
  const write = (relative: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), text);
  };
  write('ws/.continue/config.yaml', 'models:\n  - name: Codestral\n    provider: mistral\n    model: codestral-2501\n    apiKey: ${{ secrets.GITHUB_TOKEN }}\n');
  write('ws/.env', `GITHUB_TOKEN=${GITHUB_TOKEN}\nMISTRAL_API_KEY=${GITHUB_TOKEN}\n`);
  mkdirSync(path.join(root, 'home'));
});

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function check(rawKey: string) {
  return checkKey({
    rawKey, target: 'auto', model: null, apiUrl: emulator.apiUrl, codestralUrl: emulator.codestralUrl,
    timeoutMs: 2_000, keyAgeMs: null, preferredCodestralModel: 'codestral-2501',
  });
}

describe('a workspace Continue config asking for secrets.GITHUB_TOKEN', () => {
  it('never gets the GitHub token to the emulator, and says why', async () => {
    const found = await findKeyCandidates({
      home: path.join(root, 'home'), workspaceFolders: [path.join(root, 'ws')], env: { GITHUB_TOKEN },
      includeToolFiles: true, includeWorkspaceFiles: true,
    });
    expect(found.candidates).toEqual([]);
    expect(found.problems.map((p) => p.message).join('\n')).toMatch(/secret GITHUB_TOKEN\. Only secrets named MISTRAL_/);
    expect(found.problems.map((p) => p.message).join('\n')).toMatch(/MISTRAL_API_KEY in ws\/\.env holds a secret in GitHub's format/);
    for (const candidate of found.candidates) await check(candidate.key);

    // Even picked by hand, a value with another provider's prefix is not sent.
    const diagnosis = await check(GITHUB_TOKEN);
    expect(diagnosis.cause.id).toBe('key-malformed');
    expect(diagnosis.key.findings.map((f) => f.id)).toContain('other-provider-secret');
    expect(diagnosis.cause.explanation).toMatch(/a secret in GitHub's format, not a Mistral key/);
    expect(emulator.requests).toEqual([]);
  });
});
