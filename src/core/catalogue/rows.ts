// What each coding tool reads, per version range, with the tool version and the source file each
// row was verified against. Data only: index.ts validates it when the catalogue loads.
import { CODESTRAL_KEY_VARIABLE as CODESTRAL_KEY, MISTRAL_KEY_VARIABLE as MISTRAL_KEY } from './keyVariables';
import type { CatalogueRow, ConfigFileEntry, KeyStore } from './schema';

const NO_DETECT = { extensionIds: [], extensionPublishers: [] };
const ANY_MODEL = {};

/** litellm's provider prefixes, which aider (built on litellm) follows too. */
const LITELLM_ROUTES: CatalogueRow['hostByModel'] = [
  { when: { prefix: 'codestral/' }, host: 'codestral' },
  { when: { prefix: 'text-completion-codestral/' }, host: 'codestral' },
  { when: { prefix: 'mistral/' }, host: 'api' },
  { when: ANY_MODEL, host: 'auto' },
];

const CONTINUE_DIR = { variable: 'CONTINUE_GLOBAL_DIR', replaces: '~/.continue' };
const VIBE_DIR = { variable: 'VIBE_HOME', replaces: '~/.vibe' };
const TABBY_DIR = { variable: 'TABBY_ROOT', replaces: '~/.tabby' };
const CLINE_DATA_DIR = { variable: 'CLINE_DATA_DIR', replaces: '~/.cline/data' };
const CLINE_MODEL_SETTING = 'API Provider → Mistral → Model';

const env = (variable: typeof MISTRAL_KEY | typeof CODESTRAL_KEY): KeyStore =>
  ({ kind: 'env', variable, host: variable === CODESTRAL_KEY ? 'codestral' : 'api' });

const CONTINUE_FILES: ConfigFileEntry[] = [
  // Before the generic `.env` entry: the first entry that matches a path decides its kind.
  { kind: 'continue-dotenv', folders: ['.continue'], names: ['.env'] },
  { kind: 'continue-yaml', folders: ['.continue'], names: ['config.yaml', 'config.yml'] },
  ...['models', 'agents', 'assistants', 'configs'].map((folder): ConfigFileEntry =>
    ({ kind: 'continue-yaml', folders: ['.continue', folder], names: ['*.yaml', '*.yml'] })),
  { kind: 'continue-json', folders: ['.continue'], names: ['config.json'] },
];
const DOTENV_FILES: ConfigFileEntry[] = [{ kind: 'dotenv', folders: [], names: ['.env', '.env.*'] }];

/** Roo Code and Kilo Code up to 6.x: `codestral-*` models go to the "Codestral Base URL", the rest to the api host. */
function codestralBaseUrlRow(tool: 'roo' | 'kilo', name: string, extensionId: string,
  versions: CatalogueRow['versions'], verifiedAgainst: CatalogueRow['verifiedAgainst']): CatalogueRow {
  return {
    tool, name, versions, verifiedAgainst,
    detect: { extensionIds: [extensionId], extensionPublishers: [] },
    defaultModel: 'codestral-latest',
    hostByModel: [{ when: { prefix: 'codestral-' }, host: 'codestral' }, { when: ANY_MODEL, host: 'api' }],
    noModelHost: 'codestral',
    baseUrlSettings: [{ setting: 'Codestral Base URL', host: 'codestral', form: 'without-v1', scope: 'codestral-*' }],
    keyStores: [{ kind: 'private', description: `VS Code SecretStorage (${name} provider profile)` }],
    modelStore: { kind: 'ui', setting: 'Settings → Providers → Mistral → Model' },
    configFiles: [],
    defaultAliases: [], ownAliases: [],
    unauthorizedWordings: ['401 Unauthorized'],
    notMistralWordings: [],
    ui: { keySetting: 'Settings → Providers → Mistral → Mistral API Key', modelSetting: 'Settings → Providers → Mistral → Model' },
  };
}

export const CATALOGUE_ROWS: CatalogueRow[] = [
  {
    tool: 'cline', name: 'Cline',
    versions: { from: null, below: '3.2.0' },
    verifiedAgainst: { version: '3.1', source: 'cline/cline src/api/providers/mistral.ts (git history)' },
    detect: { extensionIds: ['saoudrizwan.claude-dev'], extensionPublishers: [] },
    defaultModel: 'codestral-latest',
    hostByModel: [{ when: ANY_MODEL, host: 'codestral' }],
    noModelHost: 'codestral',
    baseUrlSettings: [],
    keyStores: [{ kind: 'private', description: 'VS Code SecretStorage "mistralApiKey"' }],
    modelStore: { kind: 'fixed', model: 'codestral-latest' },
    configFiles: [],
    defaultAliases: [], ownAliases: [],
    unauthorizedWordings: ['401 Unauthorized'],
    notMistralWordings: [],
    ui: { keySetting: 'Settings → API Provider "Mistral" → Mistral API Key', modelSetting: null },
  },
  {
    tool: 'cline', name: 'Cline',
    versions: { from: '3.2.0', below: '4.0.0' },
    verifiedAgainst: { version: '3.2.13', source: 'cline/cline src/api/providers/mistral.ts' },
    detect: { extensionIds: ['saoudrizwan.claude-dev'], extensionPublishers: [] },
    defaultModel: null,
    hostByModel: [{ when: ANY_MODEL, host: 'api' }],
    noModelHost: 'api',
    baseUrlSettings: [],
    keyStores: [
      { kind: 'private', description: 'VS Code SecretStorage "mistralApiKey"' },
      { kind: 'file', path: '~/.cline/data/secrets.json', field: 'mistralApiKey', override: CLINE_DATA_DIR, dialect: null },
    ],
    modelStore: { kind: 'ui', setting: CLINE_MODEL_SETTING, mirror: { path: '~/.cline/data/globalState.json', field: 'actModeApiModelId', override: CLINE_DATA_DIR } },
    configFiles: [],
    defaultAliases: [], ownAliases: [],
    unauthorizedWordings: ['401 Unauthorized'],
    notMistralWordings: [],
    ui: { keySetting: 'Settings → API Provider "Mistral" → Mistral API Key', modelSetting: 'Settings → API Provider "Mistral" → Model' },
  },
  {
    tool: 'cline', name: 'Cline',
    versions: { from: '4.0.0', below: null },
    verifiedAgainst: { version: '4.1.13', source: 'cline/cline ProviderSettingsManager (~/.cline/data/settings/providers.json); cline#13288' },
    detect: { extensionIds: ['saoudrizwan.claude-dev'], extensionPublishers: [] },
    defaultModel: null,
    hostByModel: [{ when: ANY_MODEL, host: 'api' }],
    noModelHost: 'api',
    baseUrlSettings: [{ setting: 'providers.mistral.settings.baseUrl', host: 'api', form: 'with-v1', scope: null }],
    keyStores: [
      { kind: 'file', path: '~/.cline/data/settings/providers.json', field: 'providers.mistral.settings.apiKey', override: CLINE_DATA_DIR, dialect: null },
      { kind: 'file', path: '~/.cline/data/secrets.json', field: 'mistralApiKey', override: CLINE_DATA_DIR, dialect: null },
    ],
    modelStore: { kind: 'ui', setting: CLINE_MODEL_SETTING, mirror: { path: '~/.cline/data/settings/providers.json', field: 'providers.mistral.settings.model', override: CLINE_DATA_DIR } },
    configFiles: [],
    defaultAliases: [], ownAliases: [],
    unauthorizedWordings: ['API error occurred: Status 401. Body: {"detail":"Invalid API Key"}', '401 Unauthorized'],
    notMistralWordings: [],
    ui: { keySetting: 'Settings → API Provider "Mistral" → Mistral API Key', modelSetting: 'Settings → API Provider "Mistral" → Model' },
  },
  codestralBaseUrlRow('roo', 'Roo Code', 'rooveterinaryinc.roo-cline', { from: null, below: null },
    { version: '3.52.1', source: 'RooCodeInc/Roo-Code packages/types/src/providers/mistral.ts, src/api/providers/mistral.ts' }),
  codestralBaseUrlRow('kilo', 'Kilo Code', 'kilocode.kilo-code', { from: null, below: '7.0.0' },
    { version: '3.46.2', source: 'Kilo-Org/kilocode src/api/providers/mistral.ts' }),
  {
    tool: 'kilo', name: 'Kilo Code',
    versions: { from: '7.0.0', below: null },
    verifiedAgainst: { version: '2026-09', source: 'Kilo-Org/kilocode main: autocomplete (Kilo Gateway and direct mistral FIM provider); kilocode#8471, #13227' },
    detect: { extensionIds: ['kilocode.kilo-code'], extensionPublishers: [] },
    defaultModel: null,
    // Direct "mistral" autocomplete asks the api host first and the Codestral host after a 401, like Continue.
    hostByModel: [{ when: { contains: 'codestral' }, host: 'auto' }, { when: ANY_MODEL, host: 'api' }],
    noModelHost: 'auto',
    baseUrlSettings: [],
    keyStores: [env(MISTRAL_KEY), { kind: 'private', description: 'Kilo Code settings (provider "mistral")' }],
    modelStore: { kind: 'ui', setting: 'Settings → Providers → Mistral → Model' },
    configFiles: [],
    defaultAliases: [], ownAliases: [],
    unauthorizedWordings: ['401 Unauthorized'],
    notMistralWordings: ['Autocomplete has been paused'],
    ui: { keySetting: 'Settings → Providers → Mistral → API Key', modelSetting: 'Settings → Providers → Mistral → Model' },
  },
  {
    tool: 'continue', name: 'Continue',
    versions: { from: null, below: null },
    verifiedAgainst: { version: '1.3.40', source: 'continuedev/continue core/llm/llms/Mistral.ts, core/llm/index.ts, core/config/yaml/LocalPlatformClient.ts' },
    detect: { extensionIds: ['continue.continue'], extensionPublishers: [] },
    defaultModel: 'codestral-latest',
    // With no apiBase Continue asks the api host first for any Mistral model and moves to the Codestral host on a 401.
    hostByModel: [{ when: ANY_MODEL, host: 'auto' }],
    noModelHost: 'auto',
    baseUrlSettings: [{ setting: 'apiBase', host: 'api', form: 'with-v1', scope: null }, { setting: 'apiBase', host: 'codestral', form: 'with-v1', scope: null }],
    keyStores: [
      { kind: 'file', path: '~/.continue/config.yaml', field: 'models[].apiKey', override: CONTINUE_DIR, dialect: null },
      { kind: 'file', path: '~/.continue/configs/*.yaml', field: 'models[].apiKey', override: CONTINUE_DIR, dialect: null },
      { kind: 'file', path: '~/.continue/.env', field: '${{ secrets.NAME }}', override: CONTINUE_DIR, dialect: 'node' },
      { kind: 'file', path: '.continue/.env', field: '${{ secrets.NAME }}', override: null, dialect: 'node' },
      { kind: 'file', path: '~/.continue/config.json', field: 'models[].apiKey', override: CONTINUE_DIR, dialect: null },
    ],
    modelStore: { kind: 'file', path: '~/.continue/config.yaml', field: 'models[].model', override: CONTINUE_DIR },
    configFiles: CONTINUE_FILES,
    defaultAliases: [], ownAliases: [],
    unauthorizedWordings: [
      'You are using a Mistral API key, which is not compatible with the Codestral API',
      'You are using a Codestral API key, which is not compatible with the Mistral API',
    ],
    notMistralWordings: [],
    ui: { keySetting: null, modelSetting: null },
  },
  {
    tool: 'vibe', name: 'Mistral Vibe',
    versions: { from: null, below: '2.17.0' },
    verifiedAgainst: { version: '2.16', source: 'mistralai/mistral-vibe vibe/core/config.py (before 2.17.0)' },
    detect: { extensionIds: [], extensionPublishers: ['mistralai'] },
    defaultModel: 'mistral-vibe-cli-latest',
    hostByModel: [{ when: ANY_MODEL, host: 'api' }],
    noModelHost: 'api',
    baseUrlSettings: [{ setting: '[[providers]] api_base', host: 'api', form: 'with-v1', scope: null }],
    keyStores: [env(MISTRAL_KEY), { kind: 'file', path: '~/.vibe/.env', field: MISTRAL_KEY, override: VIBE_DIR, dialect: 'python' }],
    modelStore: { kind: 'file', path: '~/.vibe/config.toml', field: 'active_model', override: VIBE_DIR },
    configFiles: [{ kind: 'vibe', folders: ['.vibe'], names: ['config.toml'] }],
    defaultAliases: ['mistral-vibe-cli-latest', 'devstral-small-latest'],
    ownAliases: ['mistral-vibe-cli-latest'],
    unauthorizedWordings: ['Invalid API key. Please check your API key and try again.'],
    notMistralWordings: [],
    ui: { keySetting: 'vibe --setup', modelSetting: null },
  },
  {
    tool: 'vibe', name: 'Mistral Vibe',
    versions: { from: '2.17.0', below: null },
    verifiedAgainst: { version: '2.18.4', source: 'mistralai/mistral-vibe vibe/core/utils/keyring.py, vibe/core/config/_settings.py' },
    detect: { extensionIds: [], extensionPublishers: ['mistralai'] },
    defaultModel: 'mistral-vibe-cli-latest',
    hostByModel: [{ when: ANY_MODEL, host: 'api' }],
    noModelHost: 'api',
    baseUrlSettings: [{ setting: '[[providers]] api_base', host: 'api', form: 'with-v1', scope: null }],
    // The environment and the .env still win over the keyring.
    keyStores: [
      env(MISTRAL_KEY),
      { kind: 'file', path: '~/.vibe/.env', field: MISTRAL_KEY, override: VIBE_DIR, dialect: 'python' },
      { kind: 'keyring', service: 'ai.mistral.vibe', account: MISTRAL_KEY },
    ],
    modelStore: { kind: 'file', path: '~/.vibe/config.toml', field: 'active_model', override: VIBE_DIR },
    configFiles: [{ kind: 'vibe', folders: ['.vibe'], names: ['config.toml'] }],
    defaultAliases: ['mistral-vibe-cli-latest', 'devstral-small-latest'],
    ownAliases: ['mistral-vibe-cli-latest'],
    unauthorizedWordings: ['Invalid API key. Please check your API key and try again.'],
    notMistralWordings: [],
    ui: { keySetting: 'vibe --setup', modelSetting: null },
  },
  {
    tool: 'litellm', name: 'litellm',
    versions: { from: null, below: null },
    verifiedAgainst: { version: '2026-09', source: 'BerriAI/litellm main: litellm/litellm_core_utils/get_llm_provider_logic.py, litellm/llms/codestral/completion/transformation.py' },
    detect: NO_DETECT,
    defaultModel: null,
    hostByModel: LITELLM_ROUTES,
    noModelHost: 'auto',
    baseUrlSettings: [{ setting: 'api_base', host: 'api', form: 'with-v1', scope: 'mistral/' }, { setting: 'api_base', host: 'codestral', form: 'with-v1', scope: 'codestral/' }],
    keyStores: [env(MISTRAL_KEY), env(CODESTRAL_KEY), { kind: 'file', path: '.env', field: MISTRAL_KEY, override: null, dialect: 'python' }],
    modelStore: { kind: 'ui', setting: 'model (mistral/… or codestral/…)' },
    configFiles: DOTENV_FILES,
    defaultAliases: [], ownAliases: [],
    unauthorizedWordings: ['litellm.AuthenticationError'],
    notMistralWordings: [],
    ui: { keySetting: null, modelSetting: null },
  },
  {
    tool: 'aider', name: 'aider',
    versions: { from: null, below: null },
    verifiedAgainst: { version: '2026-09', source: 'Aider-AI/aider main: aider/models.py, aider/args.py (models through litellm)' },
    detect: NO_DETECT,
    defaultModel: null,
    hostByModel: LITELLM_ROUTES,
    noModelHost: 'auto',
    baseUrlSettings: [],
    keyStores: [
      env(MISTRAL_KEY), env(CODESTRAL_KEY),
      { kind: 'file', path: '.env', field: MISTRAL_KEY, override: null, dialect: 'python' },
      { kind: 'file', path: '~/.aider.conf.yml', field: 'api-key', override: null, dialect: null },
      { kind: 'file', path: '.aider.conf.yml', field: 'api-key', override: null, dialect: null },
    ],
    modelStore: { kind: 'file', path: '.aider.conf.yml', field: 'model', override: null },
    configFiles: [{ kind: 'aider', folders: [], names: ['.aider.conf.yml', '.aider.conf.yaml'] }],
    defaultAliases: [], ownAliases: [],
    unauthorizedWordings: ['litellm.AuthenticationError'],
    notMistralWordings: [],
    ui: { keySetting: null, modelSetting: null },
  },
  {
    tool: 'zed', name: 'Zed',
    versions: { from: null, below: null },
    verifiedAgainst: { version: '2026-09', source: 'zed-industries/zed main: crates/codestral/src/codestral.rs, crates/mistral/src/mistral.rs; zed#46506' },
    detect: NO_DETECT,
    defaultModel: null,
    // The agent uses the api host; edit predictions (codestral models) the Codestral host.
    hostByModel: [{ when: { prefix: 'codestral' }, host: 'codestral' }, { when: ANY_MODEL, host: 'api' }],
    noModelHost: 'auto',
    baseUrlSettings: [
      { setting: 'language_models.mistral.api_url', host: 'api', form: 'with-v1', scope: 'agent' },
      // Zed appends /v1/fim/completions itself: a /v1 here makes it call /v1/v1/….
      { setting: 'edit_predictions.codestral.api_url', host: 'codestral', form: 'without-v1', scope: 'edit predictions' },
    ],
    keyStores: [env(MISTRAL_KEY), env(CODESTRAL_KEY), { kind: 'private', description: 'the system keychain (Zed settings → AI)' }],
    modelStore: { kind: 'ui', setting: 'settings.json: edit_predictions.codestral.model' },
    configFiles: [],
    defaultAliases: [], ownAliases: [],
    unauthorizedWordings: [],
    notMistralWordings: [],
    ui: { keySetting: 'Agent settings → Mistral', modelSetting: 'edit_predictions.codestral.model' },
  },
  {
    tool: 'tabby', name: 'Tabby',
    versions: { from: null, below: null },
    verifiedAgainst: { version: '2026-06', source: 'TabbyML/tabby main: crates/http-api-bindings/src/completion/mistral.rs, crates/http-api-bindings/src/chat/mod.rs' },
    detect: { extensionIds: ['tabbyml.vscode-tabby'], extensionPublishers: [] },
    defaultModel: null,
    hostByModel: [{ when: ANY_MODEL, host: 'api' }],
    noModelHost: 'api',
    baseUrlSettings: [
      // mistral/completion appends /v1/fim/completions to api_endpoint; mistral/chat takes the /v1 base.
      { setting: 'api_endpoint', host: 'api', form: 'without-v1', scope: 'mistral/completion' },
      { setting: 'api_endpoint', host: 'api', form: 'with-v1', scope: 'mistral/chat' },
    ],
    keyStores: [{ kind: 'file', path: '~/.tabby/config.toml', field: 'model.*.http.api_key', override: TABBY_DIR, dialect: null }],
    modelStore: { kind: 'file', path: '~/.tabby/config.toml', field: 'model.*.http.model_name', override: TABBY_DIR },
    configFiles: [{ kind: 'tabby', folders: ['.tabby'], names: ['config.toml'] }],
    defaultAliases: [], ownAliases: [],
    unauthorizedWordings: [],
    notMistralWordings: [],
    ui: { keySetting: null, modelSetting: null },
  },
  {
    tool: 'other', name: 'other',
    versions: { from: null, below: null },
    verifiedAgainst: { version: '2.6.1', source: 'mistralai/client-ts src/lib/config.ts (serverURL without /v1)' },
    detect: NO_DETECT,
    defaultModel: null,
    hostByModel: [{ when: ANY_MODEL, host: 'auto' }],
    noModelHost: 'auto',
    baseUrlSettings: [],
    keyStores: [env(MISTRAL_KEY), env(CODESTRAL_KEY)],
    modelStore: { kind: 'ui', setting: 'model' },
    configFiles: [],
    defaultAliases: [], ownAliases: [],
    unauthorizedWordings: [],
    notMistralWordings: [],
    ui: { keySetting: null, modelSetting: null },
  },
];
