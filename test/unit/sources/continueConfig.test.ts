import { describe, expect, it } from 'vitest';
import { findContinueKeys } from '../../../src/sources/continueConfig';
import { KEY_A, KEY_B, contextFor, makeTree } from './tree';

function yamlConfig(models: string): string {
  return `name: Local\nversion: 1.0.0\nschema: v1\nmodels:\n${models}`;
}

const CODESTRAL_WITH_KEY = `  - name: Codestral\n    provider: mistral\n    model: codestral-latest\n    apiKey: ${KEY_A}\n    roles: [autocomplete]\n`;
const CODESTRAL_WITH_SECRET = `  - name: Codestral\n    provider: mistral\n    model: codestral-latest\n    apiKey: \${{ secrets.MISTRAL_API_KEY }}\n`;

describe('findContinueKeys', () => {
  it('finds a Mistral model in ~/.continue/config.yaml and lets the key decide the host of a codestral model, as Continue does', async () => {
    const tree = makeTree({ 'home/.continue/config.yaml': yamlConfig(CODESTRAL_WITH_KEY) });
    const [found, ...rest] = await findContinueKeys(contextFor(tree));
    expect(rest).toEqual([]);
    expect(found).toMatchObject({
      key: KEY_A,
      source: {
        id: 'continue', tool: 'continue', label: "Continue ~/.continue/config.yaml, model 'Codestral'",
        path: tree.path('home/.continue/config.yaml'), model: 'codestral-latest', target: 'auto', apiBase: null,
      },
    });
  });

  it('ignores models of other providers and models without a key', async () => {
    const tree = makeTree({
      'home/.continue/config.yaml': yamlConfig(
        `  - name: GPT\n    provider: openai\n    model: gpt-4o\n    apiKey: ${KEY_B}\n  - name: Large\n    provider: mistral\n    model: mistral-large-latest\n  - uses: mistral/codestral\n`),
    });
    expect(await findContinueKeys(contextFor(tree))).toEqual([]);
  });

  it('derives the host from apiBase and keeps apiBase as written; with no apiBase any model lets the key decide (Continue 1.3 autodetects)', async () => {
    const tree = makeTree({
      'home/.continue/config.yaml': yamlConfig(
        `  - name: Via api\n    provider: mistral\n    model: codestral-latest\n    apiBase: https://api.mistral.ai/v1/\n    apiKey: ${KEY_A}\n`
        + `  - name: Large\n    provider: mistral\n    model: mistral-large-latest\n    apiKey: ${KEY_B}\n`),
    });
    const found = await findContinueKeys(contextFor(tree));
    expect(found.map((f) => [f.source.target, f.source.apiBase])).toEqual([['api', 'https://api.mistral.ai/v1/'], ['auto', null]]);
  });

  it('reads ~/.continue/configs/ too, with the line of the key', async () => {
    const tree = makeTree({
      'home/.continue/configs/work.yaml': yamlConfig(`  - name: Work\n    provider: mistral\n    model: codestral-2508\n    apiKey: ${KEY_A}\n`),
    });
    const [found] = await findContinueKeys(contextFor(tree));
    expect(found?.source).toMatchObject({ path: tree.path('home/.continue/configs/work.yaml'), label: "Continue ~/.continue/configs/work.yaml, model 'Work'" });
    expect(found?.source.line).toBeGreaterThan(1);
  });

  it('reads the old config.json, its models and tabAutocompleteModel', async () => {
    const tree = makeTree({
      'home/.continue/config.json': JSON.stringify({
        models: [{ title: 'Mistral Large', provider: 'mistral', model: 'mistral-large-latest', apiKey: KEY_B }],
        tabAutocompleteModel: { title: 'Codestral', provider: 'mistral', model: 'codestral-latest', apiKey: KEY_A },
      }),
    });
    const found = await findContinueKeys(contextFor(tree));
    expect(found.map((f) => [f.key, f.source.label, f.source.target])).toEqual([
      [KEY_B, "Continue ~/.continue/config.json, model 'Mistral Large'", 'auto'],
      [KEY_A, "Continue ~/.continue/config.json, model 'Codestral'", 'auto'],
    ]);
  });

  it('resolves a secret from ~/.continue/.env written with CRLF, export and quotes', async () => {
    const tree = makeTree({
      'home/.continue/config.yaml': yamlConfig(CODESTRAL_WITH_SECRET),
      'home/.continue/.env': `# keys\r\nexport MISTRAL_API_KEY="${KEY_A}"\r\n`,
    });
    const [found] = await findContinueKeys(contextFor(tree));
    expect(found?.key).toBe(KEY_A);
    expect(found?.source.label).toBe("Continue ~/.continue/config.yaml, model 'Codestral', secret MISTRAL_API_KEY from ~/.continue/.env");
    expect([found?.source.path, found?.source.line]).toEqual([tree.path('home/.continue/.env'), 2]);
    expect(found?.source.alsoReads).toEqual([tree.path('home/.continue/config.yaml')]);
  });

  it('looks for secrets in ~/.continue/.env, then workspace .continue/.env, then workspace .env, then the environment', async () => {
    const secret = (file: string, key: string) => ({ [file]: `MISTRAL_API_KEY=${key}\n` });
    const config = { 'home/.continue/config.yaml': yamlConfig(CODESTRAL_WITH_SECRET) };
    const keyWith = async (files: Record<string, string>, env: Record<string, string> = {}) =>
      (await findContinueKeys(contextFor(makeTree({ ...config, ...files }), { env })))[0]?.source.path ?? 'environment';

    expect(await keyWith({ ...secret('home/.continue/.env', KEY_A), ...secret('ws/.continue/.env', KEY_B) }))
      .toMatch(/home\/\.continue\/\.env$/);
    expect(await keyWith({ ...secret('ws/.continue/.env', KEY_A), ...secret('ws/.env', KEY_B) }))
      .toMatch(/ws\/\.continue\/\.env$/);
    expect(await keyWith(secret('ws/.env', KEY_A), { MISTRAL_API_KEY: KEY_B })).toMatch(/ws\/\.env$/);
    expect(await keyWith({}, { MISTRAL_API_KEY: KEY_B })).toBe('environment');
  });

  it('labels a secret taken from the environment', async () => {
    const tree = makeTree({ 'home/.continue/config.yaml': yamlConfig(CODESTRAL_WITH_SECRET) });
    const [found] = await findContinueKeys(contextFor(tree, { env: { MISTRAL_API_KEY: KEY_B } }));
    expect(found?.key).toBe(KEY_B);
    expect(found?.source.label).toBe("Continue ~/.continue/config.yaml, model 'Codestral', secret MISTRAL_API_KEY from the environment");
    expect([found?.source.path, found?.source.line]).toEqual([null, null]);
  });

  it('reports a secret it cannot find, naming the files it looked in, and skips the model', async () => {
    const tree = makeTree({ 'home/.continue/config.yaml': yamlConfig(CODESTRAL_WITH_SECRET) });
    const context = contextFor(tree);
    expect(await findContinueKeys(context)).toEqual([]);
    expect(context.files.problems).toHaveLength(1);
    expect(context.files.problems[0]?.path).toBe(tree.path('home/.continue/config.yaml'));
    expect(context.files.problems[0]?.message).toContain('MISTRAL_API_KEY');
    expect(context.files.problems[0]?.message).toContain('~/.continue/.env, ws/.continue/.env, ws/.env');
  });

  it('resolves a hub-style secret name by its last part and a secret inside a longer value', async () => {
    const tree = makeTree({
      'home/.continue/config.yaml': yamlConfig(
        '  - name: Hub\n    provider: mistral\n    model: codestral-2501\n    apiKey: "${{ secrets.ada/assistant/CODESTRAL_KEY }}"\n'
        + '  - name: Prefixed\n    provider: mistral\n    model: codestral-2501\n    apiKey: "Bearer ${{ secrets.CODESTRAL_KEY }}"\n'),
      'home/.continue/.env': `CODESTRAL_KEY=${KEY_B}\n`,
    });
    const found = await findContinueKeys(contextFor(tree));
    expect(found.map((f) => f.key)).toEqual([KEY_B, `Bearer ${KEY_B}`]);
  });

  it('reads only secrets named MISTRAL_… or CODESTRAL_…: a workspace config cannot pick another secret to send', async () => {
    const tree = makeTree({
      'ws/.continue/config.yaml': yamlConfig('  - name: Sneaky\n    provider: mistral\n    model: codestral-2501\n    apiKey: ${{ secrets.GITHUB_TOKEN }}\n'),
      'ws/.env': 'GITHUB_TOKEN=ghp_16C7e42F292c6912E7710c838347Ae178B4a\n',
    });
    const context = contextFor(tree, { env: { GITHUB_TOKEN: 'ghp_16C7e42F292c6912E7710c838347Ae178B4a' } });
    expect(await findContinueKeys(context)).toEqual([]);
    expect(context.files.problems).toHaveLength(1);
    expect(context.files.problems[0]?.message).toMatch(/secret GITHUB_TOKEN\. Only secrets named MISTRAL_… or CODESTRAL_…/);
    expect(context.files.problems[0]?.message).not.toContain('ghp_');
  });

  it('reports a template other than a secret without quoting it', async () => {
    const tree = makeTree({
      'ws/.continue/models/codestral.yaml': yamlConfig('  - name: Input\n    provider: mistral\n    model: codestral-2501\n    apiKey: ${{ inputs.KEY }}\n'),
    });
    const context = contextFor(tree);
    expect(await findContinueKeys(context)).toEqual([]);
    expect(context.files.problems[0]?.message).toMatch(/ws\/\.continue\/models\/codestral\.yaml: model 'Input' takes its key from a template/);
  });

  it('reads workspace config.yaml, block folders and .continuerc.json', async () => {
    const tree = makeTree({
      'ws/.continue/config.yaml': yamlConfig(CODESTRAL_WITH_KEY),
      'ws/.continue/models/large.yaml': yamlConfig(`  - name: Large\n    provider: mistral\n    model: mistral-large-latest\n    apiKey: ${KEY_B}\n`),
      'ws/.continuerc.json': JSON.stringify({ models: [{ title: 'Rc', provider: 'mistral', model: 'codestral-2501', apiKey: KEY_B }] }),
    });
    const found = await findContinueKeys(contextFor(tree));
    expect(found.map((f) => f.source.label)).toEqual([
      "Continue ws/.continue/config.yaml, model 'Codestral'",
      "Continue ws/.continuerc.json, model 'Rc'",
      "Continue ws/.continue/models/large.yaml, model 'Large'",
    ]);
  });

  it('reads no workspace file when workspace files are not allowed, not even to resolve a secret', async () => {
    const tree = makeTree({
      'home/.continue/config.yaml': yamlConfig(CODESTRAL_WITH_SECRET),
      'ws/.continue/config.yaml': yamlConfig(CODESTRAL_WITH_KEY),
      'ws/.env': `MISTRAL_API_KEY=${KEY_B}\n`,
    });
    const context = contextFor(tree, { includeWorkspaceFiles: false });
    expect(await findContinueKeys(context)).toEqual([]);
    expect(context.files.problems[0]?.message).toContain('(~/.continue/.env)');
  });

  it('reads only workspace files when tool files are not allowed', async () => {
    const tree = makeTree({
      'home/.continue/config.yaml': yamlConfig(CODESTRAL_WITH_KEY),
      'ws/.continue/config.yaml': yamlConfig(`  - name: Large\n    provider: mistral\n    model: mistral-large-latest\n    apiKey: ${KEY_B}\n`),
    });
    const found = await findContinueKeys(contextFor(tree, { includeToolFiles: false }));
    expect(found.map((f) => f.key)).toEqual([KEY_B]);
  });

  it('reads local agent and assistant files in ~/.continue', async () => {
    const tree = makeTree({
      'home/.continue/agents/work.yaml': yamlConfig(CODESTRAL_WITH_KEY),
      'home/.continue/assistants/old.yml': yamlConfig(`  - name: Old\n    provider: mistral\n    model: codestral-2405\n    apiKey: ${KEY_B}\n`),
    });
    const found = await findContinueKeys(contextFor(tree));
    expect(found.map((f) => f.source.label)).toEqual([
      "Continue ~/.continue/agents/work.yaml, model 'Codestral'",
      "Continue ~/.continue/assistants/old.yml, model 'Old'",
    ]);
  });

  it('honours CONTINUE_GLOBAL_DIR', async () => {
    const tree = makeTree({ 'elsewhere/config.yaml': yamlConfig(CODESTRAL_WITH_KEY) });
    const found = await findContinueKeys(contextFor(tree, { env: { CONTINUE_GLOBAL_DIR: tree.path('elsewhere') } }));
    expect(found.map((f) => f.key)).toEqual([KEY_A]);
  });

  it('reports a broken config by path and still reads the others', async () => {
    const tree = makeTree({
      'home/.continue/config.yaml': 'models:\n  - name: [broken\n',
      'home/.continue/config.json': JSON.stringify({ models: [{ title: 'Old', provider: 'mistral', model: 'codestral-2501', apiKey: KEY_B }] }),
    });
    const context = contextFor(tree);
    expect((await findContinueKeys(context)).map((f) => f.key)).toEqual([KEY_B]);
    expect(context.files.problems.map((p) => p.path)).toEqual([tree.path('home/.continue/config.yaml')]);
  });

  it('skips a config whose models is not a list of objects', async () => {
    const tree = makeTree({ 'home/.continue/config.yaml': 'models: codestral\n', 'home/.continue/config.json': '[1, 2]' });
    const context = contextFor(tree);
    expect(await findContinueKeys(context)).toEqual([]);
    expect(context.files.problems).toEqual([]);
  });
});
