import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { findKeyCandidates, keyCandidate, mergeByKey } from '../../../src/sources/findKeyCandidates';
import type { KeySource } from '../../../src/sources/types';
import { KEY_A, KEY_B, makeTree, type Tree } from './tree';

const KEY_C = 'CcccDdddEeeeFfffGgggHhhhIiiiJjjj';

function everySource(): Tree {
  return makeTree({
    'home/.continue/config.yaml': 'models:\n  - name: Codestral\n    provider: mistral\n    model: codestral-latest\n    apiKey: ${{ secrets.MISTRAL_API_KEY }}\n',
    'home/.vibe/.env': `MISTRAL_API_KEY=${KEY_B}\n`,
    'home/.cline/data/secrets.json': JSON.stringify({ mistralApiKey: KEY_B }),
    'ws/.env': `MISTRAL_API_KEY=${KEY_A}\n`,
    'ws/.aider.conf.yml': `api-key: codestral=${KEY_C}\n`,
  });
}

function options(tree: Tree, overrides: Partial<Parameters<typeof findKeyCandidates>[0]> = {}) {
  return {
    home: tree.home, workspaceFolders: [tree.workspace], env: { MISTRAL_API_KEY: KEY_A },
    includeToolFiles: true, includeWorkspaceFiles: true, ...overrides,
  };
}

describe('findKeyCandidates', () => {
  it('reads only the sources asked for, and none of the other tools\' files', async () => {
    const tree = everySource();
    const read: string[] = [];
    const { candidates } = await findKeyCandidates(options(tree, {
      sources: ['vibe'], readFile: (file) => { read.push(file); return readFile(file, 'utf8'); },
    }));
    expect(candidates.map((c) => [c.fingerprint, c.sources.map((s) => s.id)])).toEqual([['ZYXW…7654', ['vibe']]]);
    expect(read.every((file) => file.includes('/.vibe/'))).toBe(true);
  });

  it('offers no value that is another provider\'s secret or not shaped like a Mistral key, and says where each was', async () => {
    const tree = makeTree({
      'ws/.env': 'MISTRAL_API_KEY=ghp_16C7e42F292c6912E7710c838347Ae178B4a\nCODESTRAL_API_KEY=tooShort123\n',
      'home/.cline/data/secrets.json': JSON.stringify({ mistralApiKey: 'sk-proj-abcdefghijklmnopqrstuvwxyz012345' }),
    });
    const { candidates, problems } = await findKeyCandidates(options(tree, { env: { MISTRAL_API_KEY: ` "${KEY_A}"\n` } }));
    expect(candidates.map((c) => c.source.id)).toEqual(['env']);
    expect(problems.map((p) => p.message)).toEqual([
      'Cline ~/.cline/data/secrets.json holds a secret in OpenAI\'s format, not a Mistral key: it was not sent.',
      'MISTRAL_API_KEY in ws/.env holds a secret in GitHub\'s format, not a Mistral key: it was not sent.',
      'CODESTRAL_API_KEY in ws/.env does not look like a Mistral key (32 letters and digits), so it was not sent. If it is one, check it with "Set Mistral API key".',
    ]);
    expect(problems.map((p) => p.path)).toEqual([tree.path('home/.cline/data/secrets.json'), tree.path('ws/.env'), tree.path('ws/.env')]);
  });

  it('returns one candidate per key, labelled by the first tool file that holds it, listing every source', async () => {
    const tree = everySource();
    const { candidates, problems } = await findKeyCandidates(options(tree));
    expect(problems).toEqual([]);
    expect(candidates.map((c) => [c.fingerprint, c.source.id, c.source.target, c.sources.map((s) => s.id)])).toEqual([
      ['abcd…2345', 'continue', 'auto', ['continue', 'dotenv', 'env']],
      ['ZYXW…7654', 'vibe', 'api', ['vibe', 'cline']],
      ['Cccc…Jjjj', 'aider', 'codestral', ['aider']],
    ]);
    const [first] = candidates;
    expect(first?.key).toBe(KEY_A);
    expect(first?.source.label).toBe("Continue ~/.continue/config.yaml, model 'Codestral', secret MISTRAL_API_KEY from ws/.env");
    expect([first?.source.model, first?.source.apiBase]).toEqual(['codestral-latest', null]);
    // The key text is in ws/.env, line 1: that is where a new key goes.
    expect([first?.source.path, first?.source.line]).toEqual([tree.path('ws/.env'), 1]);
  });

  it('never puts a key in a label or a problem', async () => {
    const tree = makeTree({
      'home/.continue/config.yaml': `models:\n  - name: X\n    provider: mistral\n    apiKey: "${KEY_A}\n`,
      'home/.cline/data/secrets.json': `{"mistralApiKey": "${KEY_B}" "x": 1}`,
      'home/.vibe/.env': `MISTRAL_API_KEY=${KEY_C}\n`,
      'home/.vibe/config.toml': `active_model = ${KEY_C}\n`,
    });
    const { candidates, problems } = await findKeyCandidates(options(tree));
    expect(problems).toHaveLength(3);
    const shown = JSON.stringify([problems, candidates.flatMap((c) => c.sources.map((s) => s.label))]);
    for (const key of [KEY_A, KEY_B, KEY_C]) expect(shown).not.toContain(key);
  });

  it('reports unreadable and invalid files by path and returns the keys it could read', async () => {
    const tree = makeTree({
      'home/.continue/config.yaml': 'models: [\n',
      'home/.vibe/.env': `MISTRAL_API_KEY=${KEY_B}\n`,
    });
    const { candidates, problems } = await findKeyCandidates(options(tree, {
      readFile: (file) => (file.endsWith('secrets.json') ? Promise.reject(Object.assign(new Error('no'), { code: 'EACCES' })) : readFile(file, 'utf8')),
    }));
    expect(candidates.map((c) => c.source.id)).toEqual(['vibe', 'env']);
    expect(problems.map((p) => p.path)).toEqual([tree.path('home/.continue/config.yaml'), tree.path('home/.cline/data/secrets.json')]);
  });

  it('reads no file inside the workspace when workspace files are not allowed', async () => {
    const tree = everySource();
    const read: string[] = [];
    const { candidates } = await findKeyCandidates(options(tree, {
      includeWorkspaceFiles: false,
      readFile: (file) => {
        read.push(file);
        return readFile(file, 'utf8');
      },
    }));
    expect(read.length).toBeGreaterThan(0);
    expect(read.filter((file) => file.startsWith(tree.workspace))).toEqual([]);
    expect(candidates.flatMap((c) => c.sources.map((s) => s.label))).toEqual([
      "Continue ~/.continue/config.yaml, model 'Codestral', secret MISTRAL_API_KEY from the environment",
      'Environment variable MISTRAL_API_KEY',
      "Mistral Vibe ~/.vibe/.env, model 'mistral-vibe-cli-latest'",
      'Cline ~/.cline/data/secrets.json',
    ]);
  });

  it('reads no file at all when neither tool nor workspace files are allowed', async () => {
    const tree = everySource();
    const read: string[] = [];
    const { candidates, problems } = await findKeyCandidates(options(tree, {
      includeToolFiles: false, includeWorkspaceFiles: false,
      readFile: (file) => {
        read.push(file);
        return readFile(file, 'utf8');
      },
    }));
    expect(read).toEqual([]);
    expect(problems).toEqual([]);
    expect(candidates.map((c) => c.source.label)).toEqual(['Environment variable MISTRAL_API_KEY']);
  });

  it('reads no tool file when the home folder is unknown', async () => {
    const tree = everySource();
    const read: string[] = [];
    await findKeyCandidates(options(tree, {
      home: '', includeWorkspaceFiles: false,
      readFile: (file) => {
        read.push(file);
        return readFile(file, 'utf8');
      },
    }));
    expect(read).toEqual([]);
  });

  it('finds nothing, without problems, on a machine with no Mistral settings', async () => {
    const tree = makeTree({});
    expect(await findKeyCandidates(options(tree, { env: {} }))).toEqual({ candidates: [], problems: [] });
  });
});

describe('mergeByKey', () => {
  const source = (label: string, target: KeySource['target']): KeySource =>
    ({ id: 'continue', tool: 'continue', path: null, line: null, label, model: null, target, apiBase: null, alsoReads: [] });

  it('keeps distinct keys apart, even when they differ only by surrounding spaces', () => {
    const merged = mergeByKey([keyCandidate(KEY_A, source('a', 'api')), keyCandidate(` ${KEY_A}`, source('b', 'api'))]);
    expect(merged.map((c) => c.sources.length)).toEqual([1, 1]);
    expect(merged.map((c) => c.fingerprint)).toEqual(['abcd…2345', 'abcd…2345']);
  });

  it('lists a source once when the same place holds the key twice', () => {
    const merged = mergeByKey([
      keyCandidate(KEY_A, source('same', 'codestral')),
      keyCandidate(KEY_A, source('same', 'codestral')),
      keyCandidate(KEY_A, source('other', 'api')),
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]?.sources.map((s) => s.label)).toEqual(['same', 'other']);
    expect(merged[0]?.source.target).toBe('codestral');
  });
});
