import { describe, expect, it } from 'vitest';
import { findVibeKeys } from '../../../src/sources/vibe';
import { KEY_A, KEY_B, contextFor, makeTree } from './tree';

describe('findVibeKeys', () => {
  it('finds MISTRAL_API_KEY in ~/.vibe/.env with Vibe default model, on the api host', async () => {
    const tree = makeTree({ 'home/.vibe/.env': `MISTRAL_API_KEY='${KEY_A}'\r\n` });
    expect(await findVibeKeys(contextFor(tree))).toMatchObject([{
      key: KEY_A,
      source: {
        id: 'vibe', tool: 'vibe', label: "Mistral Vibe ~/.vibe/.env, model 'mistral-vibe-cli-latest'",
        path: tree.path('home/.vibe/.env'), model: 'mistral-vibe-cli-latest', target: 'api', apiBase: null,
      },
    }]);
  });

  it('takes the active model from config.toml', async () => {
    const tree = makeTree({
      'home/.vibe/.env': `MISTRAL_API_KEY=${KEY_A}\n`,
      'home/.vibe/config.toml': 'active_model = "small"\n\n[[models]]\nname = "devstral-small-2507"\nprovider = "mistral"\nalias = "small"\n',
    });
    const [found] = await findVibeKeys(contextFor(tree));
    expect(found?.source.model).toBe('devstral-small-2507');
    expect(found?.source.alsoReads).toEqual([tree.path('home/.vibe/config.toml')]);
    expect([found?.source.path, found?.source.line]).toEqual([tree.path('home/.vibe/.env'), 1]);
  });

  it('follows a provider with another base URL and key variable', async () => {
    const tree = makeTree({
      'home/.vibe/.env': `MISTRAL_API_KEY=${KEY_B}\nCODESTRAL_API_KEY=${KEY_A}\n`,
      'home/.vibe/config.toml': [
        'active_model = "cs"',
        '[[providers]]', 'name = "codestral"', 'api_base = "https://codestral.mistral.ai/v1"',
        'api_key_env_var = "CODESTRAL_API_KEY"', 'backend = "mistral"',
        '[[models]]', 'name = "codestral-2508"', 'provider = "codestral"', 'alias = "cs"', '',
      ].join('\n'),
    });
    const [found] = await findVibeKeys(contextFor(tree));
    expect(found).toMatchObject({ key: KEY_A, source: { model: 'codestral-2508', target: 'codestral', apiBase: 'https://codestral.mistral.ai/v1' } });
  });

  it('keeps the Mistral key without a model when the active model is a local one', async () => {
    const tree = makeTree({
      'home/.vibe/.env': `MISTRAL_API_KEY=${KEY_A}\n`,
      'home/.vibe/config.toml': [
        'active_model = "local"',
        '[[providers]]', 'name = "mistral"', 'api_base = "https://api.mistral.ai/v1"', 'api_key_env_var = "MISTRAL_API_KEY"', 'backend = "mistral"',
        '[[providers]]', 'name = "llamacpp"', 'api_base = "http://127.0.0.1:8080/v1"',
        '[[models]]', 'name = "devstral"', 'provider = "llamacpp"', 'alias = "local"', '',
      ].join('\n'),
    });
    const [found] = await findVibeKeys(contextFor(tree));
    expect(found).toMatchObject({ key: KEY_A, source: { label: 'Mistral Vibe ~/.vibe/.env', model: null, target: 'api' } });
  });

  it('reports a broken config.toml and still returns the key with no model', async () => {
    const tree = makeTree({ 'home/.vibe/.env': `MISTRAL_API_KEY=${KEY_A}\n`, 'home/.vibe/config.toml': 'active_model = \n' });
    const context = contextFor(tree);
    const [found] = await findVibeKeys(context);
    expect(found?.key).toBe(KEY_A);
    expect(found?.source.alsoReads).toEqual([]);
    expect(context.files.problems.map((p) => p.path)).toEqual([tree.path('home/.vibe/config.toml')]);
  });

  it('honours VIBE_HOME and VIBE_ACTIVE_MODEL', async () => {
    const tree = makeTree({ 'vibe-home/.env': `MISTRAL_API_KEY=${KEY_A}\n` });
    const [found] = await findVibeKeys(contextFor(tree, { env: { VIBE_HOME: tree.path('vibe-home'), VIBE_ACTIVE_MODEL: 'devstral-small' } }));
    expect(found?.source.model).toBe('devstral-small-latest');
  });

  it('finds nothing without a key, and reads nothing when tool files are not allowed', async () => {
    expect(await findVibeKeys(contextFor(makeTree({ 'home/.vibe/.env': 'OTHER=1\n' })))).toEqual([]);
    const tree = makeTree({ 'home/.vibe/.env': `MISTRAL_API_KEY=${KEY_A}\n` });
    expect(await findVibeKeys(contextFor(tree, { includeToolFiles: false }))).toEqual([]);
  });
});
