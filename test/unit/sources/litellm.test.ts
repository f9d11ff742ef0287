import { describe, expect, it } from 'vitest';
import { findAiderKeys, findWorkspaceDotenvKeys } from '../../../src/sources/litellm';
import { KEY_A, KEY_B, contextFor, makeTree } from './tree';

describe('findAiderKeys', () => {
  it('reads api-key and set-env entries with the model they serve, litellm prefix removed', async () => {
    const tree = makeTree({
      'ws/.aider.conf.yml': `model: codestral/codestral-2501\napi-key:\n  - mistral=${KEY_A}\n  - openai=sk-other\nset-env:\n  - CODESTRAL_API_KEY=${KEY_B}\n`,
    });
    expect(await findAiderKeys(contextFor(tree))).toMatchObject([
      {
        key: KEY_A,
        source: {
          id: 'aider', tool: 'aider', label: 'aider ws/.aider.conf.yml (MISTRAL_API_KEY)',
          path: tree.path('ws/.aider.conf.yml'), model: null, target: 'api', apiBase: null,
        },
      },
      {
        key: KEY_B,
        source: {
          id: 'aider', tool: 'aider', label: "aider ws/.aider.conf.yml (CODESTRAL_API_KEY), model 'codestral-2501'",
          path: tree.path('ws/.aider.conf.yml'), model: 'codestral-2501', target: 'codestral', apiBase: null,
        },
      },
    ]);
  });

  it('accepts a single api-key string and reads ~/.aider.conf.yml as a tool file', async () => {
    const tree = makeTree({ 'home/.aider.conf.yml': `model: mistral/mistral-large-latest\napi-key: mistral=${KEY_A}\n` });
    const found = await findAiderKeys(contextFor(tree, { includeWorkspaceFiles: false }));
    expect(found.map((f) => [f.key, f.source.model, f.source.label])).toEqual([
      [KEY_A, 'mistral-large-latest', "aider ~/.aider.conf.yml (MISTRAL_API_KEY), model 'mistral-large-latest'"],
    ]);
  });

  it('reads no workspace .aider.conf.yml when workspace files are not allowed', async () => {
    const tree = makeTree({ 'ws/.aider.conf.yml': `api-key: mistral=${KEY_A}\n` });
    expect(await findAiderKeys(contextFor(tree, { includeWorkspaceFiles: false }))).toEqual([]);
  });

  it('reports a broken .aider.conf.yml by path', async () => {
    const tree = makeTree({ 'ws/.aider.conf.yml': `api-key: [mistral=${KEY_A}\n` });
    const context = contextFor(tree);
    expect(await findAiderKeys(context)).toEqual([]);
    expect(context.files.problems.map((p) => p.path)).toEqual([tree.path('ws/.aider.conf.yml')]);
  });
});

describe('findWorkspaceDotenvKeys', () => {
  it('finds both key variables in each workspace .env, with AIDER_MODEL when its prefix matches', async () => {
    const tree = makeTree({
      'ws/.env': `AIDER_MODEL=mistral/codestral-latest\r\nMISTRAL_API_KEY=${KEY_A}\r\nCODESTRAL_API_KEY="${KEY_B}"\r\n`,
      'other/.env': `MISTRAL_API_KEY=${KEY_B}\n`,
    });
    const found = await findWorkspaceDotenvKeys(contextFor(tree, { workspaceFolders: [tree.workspace, tree.path('other')] }));
    expect(found.map((f) => [f.key, f.source.label, f.source.model, f.source.target])).toEqual([
      [KEY_A, "MISTRAL_API_KEY in ws/.env, model 'codestral-latest'", 'codestral-latest', 'api'],
      [KEY_B, 'CODESTRAL_API_KEY in ws/.env', null, 'codestral'],
      [KEY_B, 'MISTRAL_API_KEY in other/.env', null, 'api'],
    ]);
    expect(found.every((f) => f.source.id === 'dotenv' && f.source.tool === 'litellm')).toBe(true);
  });

  it('reads nothing when workspace files are not allowed', async () => {
    const tree = makeTree({ 'ws/.env': `MISTRAL_API_KEY=${KEY_A}\n` });
    expect(await findWorkspaceDotenvKeys(contextFor(tree, { includeWorkspaceFiles: false }))).toEqual([]);
  });
});
