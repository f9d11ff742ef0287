import { describe, expect, it } from 'vitest';
import { TOOL_IDS } from '../../../../src/core/diagnosis';
import {
  adviceNote, catalogueRows, hostForBaseUrl, hostForKeyVariable, hostForTool, isToolDefaultAlias, resolveStorePath,
  rowFor, toolDisplayName, toolFileStores, toolForExtensionId, toolSteps, validateCatalogue,
} from '../../../../src/core/catalogue';
import { CATALOGUE_ROWS } from '../../../../src/core/catalogue/rows';

describe('hostForTool', () => {
  it.each([
    ['cline', 'codestral-latest', 'api'],
    ['vibe', 'codestral-2508', 'api'],
    ['roo', 'codestral-2501', 'codestral'],
    ['roo', 'mistral-large-latest', 'api'],
    // Roo Code's default model is codestral-latest: with none picked it calls the Codestral host.
    ['roo', null, 'codestral'],
    ['continue', 'Codestral-2508', 'auto'],
    // Continue's api-then-Codestral detection runs for any Mistral model with no apiBase.
    ['continue', 'mistral-small-latest', 'auto'],
    ['continue', null, 'auto'],
    ['cline', null, 'api'],
    ['zed', 'codestral-2508', 'codestral'],
    ['zed', 'mistral-large-latest', 'api'],
    ['aider', 'codestral/codestral-2508', 'codestral'],
    ['tabby', 'codestral-2508', 'api'],
    ['litellm', 'codestral/codestral-latest', 'codestral'],
    ['litellm', 'text-completion-codestral/codestral-latest', 'codestral'],
    ['litellm', 'mistral/codestral-latest', 'api'],
    ['litellm', 'codestral-latest', 'auto'],
    ['other', 'codestral-2508', 'auto'],
  ] as const)('%s with %s goes to %s', (tool, model, target) => {
    expect(hostForTool(tool, model)).toBe(target);
  });

  it('names every tool', () => {
    expect(new Set(TOOL_IDS.map(toolDisplayName)).size).toBe(TOOL_IDS.length);
  });

  it('follows the version where the routing changed: Cline up to 3.1 called the Codestral host', () => {
    expect(hostForTool('cline', 'codestral-latest', '3.1.10')).toBe('codestral');
    expect(hostForTool('cline', 'codestral-latest', '3.2.13')).toBe('api');
    expect(hostForTool('cline', 'codestral-latest', '4.0.0')).toBe('api');
  });

  it('routes Kilo Code 7 like Continue (api first, Codestral after a 401) and Kilo up to 6 like Roo Code', () => {
    expect(hostForTool('kilo', 'codestral-2508', '7.1.0')).toBe('auto');
    expect(hostForTool('kilo', null, '7.1.0')).toBe('auto');
    expect(hostForTool('kilo', 'codestral-2508', '6.4.0')).toBe('codestral');
    expect(hostForTool('kilo', null, '6.4.0')).toBe('codestral');
    expect(hostForTool('kilo', 'mistral-large-latest', '6.4.0')).toBe('api');
  });

  it('lets a configured base URL decide, and answers auto for anything that is not Mistral\'s', () => {
    expect(hostForTool('continue', 'codestral-latest', null, 'https://api.mistral.ai/v1')).toBe('api');
    expect(hostForTool('continue', 'mistral-large-latest', null, 'https://codestral.mistral.ai/v1')).toBe('codestral');
    expect(hostForBaseUrl('https://API.EU.mistral.ai')).toBe('api');
    expect(hostForBaseUrl('http://127.0.0.1:4000/v1')).toBe('auto');
    expect(hostForBaseUrl('codestral.mistral.ai')).toBe('auto');
  });
});

describe('the catalogue rows', () => {
  it('load: every row passes its schema, rows of a tool follow each other and end open', () => {
    expect(validateCatalogue(CATALOGUE_ROWS).length).toBe(CATALOGUE_ROWS.length);
    expect(new Set(catalogueRows().map((row) => row.tool))).toEqual(new Set(TOOL_IDS));
  });

  it('rejects a row with no provenance, or with an empty source', () => {
    const [first, ...rest] = CATALOGUE_ROWS;
    const { verifiedAgainst: _dropped, ...withoutProvenance } = first!;
    expect(() => validateCatalogue([withoutProvenance, ...rest])).toThrow();
    expect(() => validateCatalogue([{ ...first!, verifiedAgainst: { version: '4.1.13', source: '' } }, ...rest])).toThrow();
    expect(() => validateCatalogue([{ ...first!, verifiedAgainst: { version: 'latest', source: 'x' } }, ...rest])).toThrow();
  });

  it('rejects rows of a tool that overlap, and a host rule list that does not end with "any model"', () => {
    const cline4 = CATALOGUE_ROWS.find((row) => row.tool === 'cline' && row.versions.from === '4.0.0')!;
    expect(() => validateCatalogue([...CATALOGUE_ROWS, { ...cline4, versions: { from: '4.0.0', below: null } }])).toThrow();
    const roo = CATALOGUE_ROWS.find((row) => row.tool === 'roo')!;
    expect(() => validateCatalogue(CATALOGUE_ROWS.map((row) => (row === roo ? { ...roo, hostByModel: [{ when: { prefix: 'codestral-' }, host: 'codestral' }] } : row)))).toThrow();
  });

  it.each(catalogueRows().map((row) => [`${row.tool} ${row.versions.from ?? '…'}–${row.versions.below ?? '…'}`, row] as const))(
    '%s names the version and the source file it was verified against', (_label, row) => {
      expect(row.verifiedAgainst.version).toMatch(/^(\d+(\.\d+)*|\d{4}-\d{2})$/);
      expect(row.verifiedAgainst.source).toMatch(/\w+\/[\w.-]+ /);
    });
});

describe('version-aware rows', () => {
  it('picks the row for the version asked', () => {
    expect(rowFor('cline', '4.1.0').row.versions.from).toBe('4.0.0');
    expect(rowFor('cline', '3.17.0').row.versions.from).toBe('3.2.0');
    expect(rowFor('vibe', '2.16.3').row.keyStores.some((s) => s.kind === 'keyring')).toBe(false);
    expect(rowFor('vibe', '2.17.0').row.keyStores.some((s) => s.kind === 'keyring')).toBe(true);
  });

  it('gives a version newer than every verified row the newest row, and says so plainly', () => {
    const { row, advice } = rowFor('cline', '4.2.0');
    expect(row.verifiedAgainst.version).toBe('4.1.13');
    expect(advice).toEqual({ tool: 'cline', verifiedUpTo: '4.1.13', versionAsked: '4.2.0', unverified: true });
    expect(adviceNote(advice)).toBe('Advice checked against Cline up to 4.1.13; you have 4.2.0, which was not checked.');
  });

  it('gives no version the newest row and says the version is unknown; a verified version needs no note', () => {
    const none = rowFor('kilo', null);
    expect(none.row.notMistralWordings).toContain('Autocomplete has been paused');
    expect(adviceNote(none.advice)).toContain('Kilo Code up to');
    expect(adviceNote(rowFor('cline', '4.1.13').advice)).toBeNull();
    expect(adviceNote(rowFor('cline', '4.1').advice)).toBeNull();
  });

  it('treats a version it cannot read as unknown rather than guessing a row', () => {
    const { row, advice } = rowFor('cline', 'nightly');
    expect(row.versions.from).toBe('4.0.0');
    expect(advice.unverified).toBe(true);
  });
});

describe('what each tool reads', () => {
  it('knows which host a key variable is meant for', () => {
    expect(hostForKeyVariable('CODESTRAL_API_KEY')).toBe('codestral');
    expect(hostForKeyVariable('MISTRAL_API_KEY')).toBe('api');
  });

  it('finds Cline 4.x\'s key in ~/.cline/data/settings/providers.json at providers.mistral.settings.apiKey', () => {
    const store = rowFor('cline', '4.1.13').row.keyStores[0]!;
    expect(store).toMatchObject({ kind: 'file', path: '~/.cline/data/settings/providers.json', field: 'providers.mistral.settings.apiKey' });
    expect(rowFor('cline', '4.1.13').row.unauthorizedWordings).toContain('API error occurred: Status 401. Body: {"detail":"Invalid API Key"}');
  });

  it('places files under their environment override (VIBE_HOME, TABBY_ROOT, CONTINUE_GLOBAL_DIR)', () => {
    const vibeEnv = toolFileStores('vibe').find((s) => s.path.endsWith('.env'))!;
    expect(resolveStorePath(vibeEnv, '/home/u', {})).toBe('/home/u/.vibe/.env');
    expect(resolveStorePath(vibeEnv, '/home/u', { VIBE_HOME: '/srv/vibe' })).toBe('/srv/vibe/.env');
    const tabby = toolFileStores('tabby')[0]!;
    expect(resolveStorePath(tabby, '/home/u', { TABBY_ROOT: '/data/tabby' })).toBe('/data/tabby/config.toml');
    const continueFiles = toolFileStores('continue').map((s) => s.path);
    expect(continueFiles).toContain('~/.continue/configs/*.yaml');
    expect(resolveStorePath(toolFileStores('continue')[0]!, '/home/u', { CONTINUE_GLOBAL_DIR: '/c' })).toBe('/c/config.yaml');
  });

  it('keeps Vibe 2.17+\'s key in the keyring (service ai.mistral.vibe, account MISTRAL_API_KEY), after the environment and .env', () => {
    const stores = rowFor('vibe', '2.18.4').row.keyStores;
    expect(stores.map((s) => s.kind)).toEqual(['env', 'file', 'keyring']);
    expect(stores[2]).toEqual({ kind: 'keyring', service: 'ai.mistral.vibe', account: 'MISTRAL_API_KEY' });
  });

  it('knows each base-URL setting\'s own form: Zed agent /v1, Zed edit predictions none; Tabby completion none, chat /v1', () => {
    const zed = rowFor('zed').row.baseUrlSettings;
    expect(zed.find((s) => s.setting === 'language_models.mistral.api_url')?.form).toBe('with-v1');
    expect(zed.find((s) => s.setting === 'edit_predictions.codestral.api_url')?.form).toBe('without-v1');
    const tabby = rowFor('tabby').row.baseUrlSettings;
    expect(tabby.find((s) => s.scope === 'mistral/completion')?.form).toBe('without-v1');
    expect(tabby.find((s) => s.scope === 'mistral/chat')?.form).toBe('with-v1');
  });

  it('detects tools by their extension ids', () => {
    expect(toolForExtensionId('Saoudrizwan.Claude-Dev')).toBe('cline');
    expect(toolForExtensionId('mistralai.mistral-vibe')).toBe('vibe');
    expect(toolForExtensionId('kilocode.kilo-code')).toBe('kilo');
    expect(toolForExtensionId('someone.else')).toBeNull();
  });

  it('tells a tool\'s own default alias from a user\'s moving alias', () => {
    expect(isToolDefaultAlias('vibe', 'mistral-vibe-cli-latest')).toBe(true);
    expect(isToolDefaultAlias('vibe', 'devstral-small-latest')).toBe(true);
    expect(isToolDefaultAlias(null, 'mistral-vibe-cli-latest')).toBe(true);
    expect(isToolDefaultAlias(null, 'devstral-small-latest')).toBe(false);
    expect(isToolDefaultAlias('cline', 'mistral-vibe-cli-latest')).toBe(false);
    expect(isToolDefaultAlias('vibe', 'codestral-latest')).toBe(false);
  });

  it('calls the unnamed tool "your tool"', () => {
    expect(toolDisplayName('other')).toBe('your tool');
  });
});

describe('each tool\'s steps', () => {
  it('gives every row its own steps, and none of them a Codestral-key step', () => {
    for (const row of catalogueRows()) {
      const steps = toolSteps(row.tool, row.versions.from);
      for (const text of [steps.setKey(), steps.setModel('codestral-2508'), steps.apiRoute('codestral-2508'), steps.codestralRoute('codestral-2508') ?? '']) {
        expect(text, row.tool).not.toMatch(/Codestral key|Codestral page/i);
      }
      expect(steps.setModel('codestral-2508'), row.tool).toContain('codestral-2508');
    }
    expect(toolSteps('roo').apiRoute('x')).toContain('"Codestral Base URL" to https://api.mistral.ai,');
    expect(toolSteps('continue').apiRoute('x')).toContain('apiBase: https://api.mistral.ai/v1');
    expect(toolSteps('cline').codestralRoute('x')).toBeNull();
    expect(toolSteps('vibe').codestralRoute('x')).toBeNull();
  });

  it('Zed: edit_predictions.codestral.api_url without /v1 (Zed appends /v1/fim/completions itself)', () => {
    const step = toolSteps('zed').apiRoute('codestral-2508');
    expect(step).toContain('edit_predictions.codestral.api_url to https://api.mistral.ai (without /v1');
    expect(step).not.toContain('edit_predictions.codestral.api_url to https://api.mistral.ai/v1');
    expect(toolSteps('zed').codestralRoute('x')).toContain('https://codestral.mistral.ai,');
  });

  it('Tabby: api_endpoint per model kind (completion without /v1, chat with /v1)', () => {
    const step = toolSteps('tabby').apiRoute('x');
    expect(step).toContain('api_endpoint = "https://api.mistral.ai" on the mistral/completion model');
    expect(step).toContain('api_endpoint = "https://api.mistral.ai/v1" on the mistral/chat model');
  });

  it('Vibe: names the alias of a [[models]] entry, never "set active_model to <model id>"', () => {
    const step = toolSteps('vibe').setModel('mistral-medium-3-5');
    expect(step).toContain('name = "mistral-medium-3-5" in the [[models]] entry whose alias active_model names');
    expect(step).not.toMatch(/set active_model to mistral-medium-3-5/);
  });

  it('Vibe 2.17+: the key goes through vibe --setup to the keyring; before 2.17 into ~/.vibe/.env', () => {
    expect(toolSteps('vibe', '2.18.4').setKey()).toContain('vibe --setup');
    expect(toolSteps('vibe', '2.16.0').setKey()).toContain('~/.vibe/.env as MISTRAL_API_KEY=<key>');
  });

  it('Kilo Code 7: no Codestral Base URL step (that was the Roo fork); Kilo up to 6: the Roo steps', () => {
    expect(toolSteps('kilo', '7.0.0').apiRoute('x')).not.toContain('Codestral Base URL');
    expect(toolSteps('kilo', '6.0.0').apiRoute('x')).toContain('"Codestral Base URL" to https://api.mistral.ai, so codestral-* models and autocomplete go');
  });
});
