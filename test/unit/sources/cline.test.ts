import { describe, expect, it } from 'vitest';
import { findClineKeys } from '../../../src/sources/cline';
import { KEY_A, contextFor, makeTree } from './tree';

describe('findClineKeys', () => {
  it('finds mistralApiKey in ~/.cline/data/secrets.json with the model from globalState.json, on the api host', async () => {
    const tree = makeTree({
      'home/.cline/data/secrets.json': JSON.stringify({ mistralApiKey: KEY_A, openRouterApiKey: 'other' }),
      'home/.cline/data/globalState.json': JSON.stringify({ apiProvider: 'mistral', apiModelId: 'codestral-latest' }),
    });
    expect(await findClineKeys(contextFor(tree))).toMatchObject([{
      key: KEY_A,
      source: {
        id: 'cline', tool: 'cline', label: "Cline ~/.cline/data/secrets.json, model 'codestral-latest'",
        path: tree.path('home/.cline/data/secrets.json'), line: 1, alsoReads: [tree.path('home/.cline/data/globalState.json')],
        model: 'codestral-latest', target: 'api', apiBase: null,
      },
    }]);
  });

  it('finds Cline 4\'s key in ~/.cline/data/settings/providers.json at providers.mistral.settings, with its model, base URL and line', async () => {
    const providers = JSON.stringify({
      lastUsedProvider: 'mistral',
      providers: { mistral: { settings: { apiKey: KEY_A, model: 'devstral-2512', baseUrl: 'https://api.mistral.ai/v1' } } },
    }, null, 2);
    const tree = makeTree({ 'home/.cline/data/settings/providers.json': providers });
    expect(await findClineKeys(contextFor(tree))).toMatchObject([{
      key: KEY_A,
      source: {
        id: 'cline', tool: 'cline', label: "Cline ~/.cline/data/settings/providers.json, model 'devstral-2512'",
        path: tree.path('home/.cline/data/settings/providers.json'), line: 6,
        model: 'devstral-2512', target: 'api', apiBase: 'https://api.mistral.ai/v1',
      },
    }]);
  });

  it('reads Cline 4\'s providers.json under CLINE_DATA_DIR, and ignores another provider\'s key there', async () => {
    const tree = makeTree({
      'cline-data/settings/providers.json': JSON.stringify({ providers: { mistral: { settings: { apiKey: KEY_A } }, anthropic: { settings: { apiKey: 'sk-ant-x' } } } }),
    });
    const found = await findClineKeys(contextFor(tree, { env: { CLINE_DATA_DIR: tree.path('cline-data') } }));
    expect(found.map((f) => [f.key, f.source.path])).toEqual([[KEY_A, tree.path('cline-data/settings/providers.json')]]);
  });

  it('prefers the Act-mode model and ignores the model of another provider', async () => {
    const secrets = { 'home/.cline/data/secrets.json': JSON.stringify({ mistralApiKey: KEY_A }) };
    const act = makeTree({ ...secrets, 'home/.cline/data/globalState.json': JSON.stringify({ actModeApiProvider: 'mistral', actModeApiModelId: 'codestral-2501', apiModelId: 'x' }) });
    expect((await findClineKeys(contextFor(act)))[0]?.source.model).toBe('codestral-2501');
    const other = makeTree({ ...secrets, 'home/.cline/data/globalState.json': JSON.stringify({ apiProvider: 'anthropic', apiModelId: 'claude' }) });
    expect((await findClineKeys(contextFor(other)))[0]?.source).toMatchObject({ model: null, label: 'Cline ~/.cline/data/secrets.json' });
  });

  it('honours CLINE_DIR and CLINE_DATA_DIR', async () => {
    const tree = makeTree({
      'cline-dir/data/secrets.json': JSON.stringify({ mistralApiKey: KEY_A }),
      'cline-data/secrets.json': JSON.stringify({ mistralApiKey: KEY_A.toLowerCase() }),
    });
    expect((await findClineKeys(contextFor(tree, { env: { CLINE_DIR: tree.path('cline-dir') } })))[0]?.key).toBe(KEY_A);
    expect((await findClineKeys(contextFor(tree, { env: { CLINE_DIR: tree.path('cline-dir'), CLINE_DATA_DIR: tree.path('cline-data') } })))[0]?.key)
      .toBe(KEY_A.toLowerCase());
  });

  it('reports a broken secrets.json by path and finds nothing', async () => {
    const tree = makeTree({ 'home/.cline/data/secrets.json': `{"mistralApiKey": "${KEY_A}",, }` });
    const context = contextFor(tree);
    expect(await findClineKeys(context)).toEqual([]);
    expect(context.files.problems.map((p) => p.path)).toEqual([tree.path('home/.cline/data/secrets.json')]);
    expect(context.files.problems[0]?.message).not.toContain(KEY_A);
  });

  it('finds nothing without a Mistral key or when tool files are not allowed', async () => {
    expect(await findClineKeys(contextFor(makeTree({ 'home/.cline/data/secrets.json': '{"mistralApiKey": ""}' })))).toEqual([]);
    const tree = makeTree({ 'home/.cline/data/secrets.json': JSON.stringify({ mistralApiKey: KEY_A }) });
    expect(await findClineKeys(contextFor(tree, { includeToolFiles: false }))).toEqual([]);
  });
});
