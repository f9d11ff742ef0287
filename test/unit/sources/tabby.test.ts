import { describe, expect, it } from 'vitest';
import { findTabbyKeys } from '../../../src/sources/tabby';
import { KEY_A, KEY_B, contextFor, makeTree } from './tree';

const COMPLETION = `[model.completion.http]\nkind = "mistral/completion"\nmodel_name = "codestral-latest"\napi_endpoint = "https://codestral.mistral.ai"\napi_key = "${KEY_A}"\n`;

describe('findTabbyKeys', () => {
  it('finds Mistral completion and chat models in ~/.tabby/config.toml, host from api_endpoint', async () => {
    const tree = makeTree({
      'home/.tabby/config.toml': `${COMPLETION}\n[model.chat.http]\nkind = "mistral/chat"\napi_endpoint = "https://api.mistral.ai/v1"\napi_key = "${KEY_B}"\n`,
    });
    expect(await findTabbyKeys(contextFor(tree))).toMatchObject([
      {
        key: KEY_A,
        source: {
          id: 'tabby', tool: 'tabby', label: "Tabby ~/.tabby/config.toml (completion), model 'codestral-latest'",
          path: tree.path('home/.tabby/config.toml'), model: 'codestral-latest', target: 'codestral', apiBase: 'https://codestral.mistral.ai',
        },
      },
      {
        key: KEY_B,
        source: {
          id: 'tabby', tool: 'tabby', label: 'Tabby ~/.tabby/config.toml (chat)',
          path: tree.path('home/.tabby/config.toml'), model: null, target: 'api', apiBase: 'https://api.mistral.ai/v1',
        },
      },
    ]);
  });

  it('ignores other providers; without an endpoint the mistral kinds call the api host', async () => {
    const tree = makeTree({
      'home/.tabby/config.toml': `[model.chat.http]\nkind = "openai/chat"\napi_key = "${KEY_B}"\n[model.completion.http]\nkind = "mistral/completion"\napi_key = "${KEY_A}"\n`,
    });
    expect((await findTabbyKeys(contextFor(tree))).map((f) => [f.key, f.source.target])).toEqual([[KEY_A, 'api']]);
  });

  it('honours TABBY_ROOT and reads nothing when tool files are not allowed', async () => {
    const tree = makeTree({ 'tabby-root/config.toml': COMPLETION });
    expect(await findTabbyKeys(contextFor(tree, { env: { TABBY_ROOT: tree.path('tabby-root') } }))).toHaveLength(1);
    expect(await findTabbyKeys(contextFor(tree, { env: { TABBY_ROOT: tree.path('tabby-root') }, includeToolFiles: false }))).toEqual([]);
  });

  it('reports a broken config.toml by path', async () => {
    const tree = makeTree({ 'home/.tabby/config.toml': `[model.completion.http\napi_key = "${KEY_A}"\n` });
    const context = contextFor(tree);
    expect(await findTabbyKeys(context)).toEqual([]);
    expect(context.files.problems.map((p) => p.path)).toEqual([tree.path('home/.tabby/config.toml')]);
  });
});
