// The one table of coding assistants: which Mistral host each sends a key to (per model, and per
// version where that changed), where it keeps the key and the model, its base-URL setting and
// convention, and how it words a 401. The CLI, the key sources, the language server's rules and the
// extension read only this table (ARCHITECTURE.md, "A new tool").
import type { HostId, Target, ToolId } from './diagnosis';
import { TOOL_IDS } from './diagnosis';
import { defaultBaseUrl, mistralHostOf } from './hosts';
import { t } from './l10n';

/** Continue, litellm and Vibe write base URLs with `/v1`; the SDK (and this extension's settings) without. */
export type BaseUrlConvention = 'with-v1' | 'without-v1';

/** Where a tool keeps a value. Paths start with `~/` (the user's home) or are relative to a workspace folder. */
export type StoreLocation =
  | { kind: 'file'; path: string; field: string }
  /** `host`: the host a key in this variable is meant for (litellm's and Zed's `CODESTRAL_API_KEY`). */
  | { kind: 'env'; variable: string; host?: HostId }
  /** VS Code SecretStorage or globalState of another extension: private, no other extension can read it. */
  | { kind: 'private'; description: string };

/** Who picks the model id: a file the language server can edit, or a setting inside the tool's own UI. */
export type ModelSetting =
  | { kind: 'file'; location: StoreLocation & { kind: 'file' } }
  | { kind: 'ui'; setting: string }
  | { kind: 'fixed'; model: string };

export interface ToolFacts {
  id: ToolId;
  /** Product name, not translated. */
  name: string;
  /** VS Code extension ids that mean this tool is installed (compared case-insensitively). */
  extensionIds: readonly string[];
  /** Extension-id prefixes (publisher) that count as this tool, e.g. Mistral's own extensions. */
  extensionPublishers: readonly string[];
  /** The host the tool sends the key to for `model`; `auto` when it cannot be told (no model, or the tool probes). */
  hostFor(model: string | null, version?: string | null): Target;
  keyLocations: readonly StoreLocation[];
  model: ModelSetting;
  /** The setting that moves the tool to another base URL, per host; null where the tool has none. */
  baseUrlSetting: Readonly<Record<HostId, string | null>>;
  convention: BaseUrlConvention;
  /** Moving aliases the tool itself picks as its default model: not a user's mistake to pin away. */
  defaultAliases: readonly string[];
  /** Of those, the aliases only this tool uses (its own name is in them), recognised even when the tool is not named. */
  ownAliases: readonly string[];
  /** How the tool reports a 401, as its users see it (quoted in explanations; not translated: the tool's words). */
  unauthorizedWording: string | null;
  /** Localised: where in the tool the user pastes a new key. */
  setKeyStep(): string;
  /** Localised: where in the tool the user sets the model to `model`. */
  setModelStep(model: string): string;
  /** Localised: how to make the tool send the key (and `model`) to the api host, using its own setting. */
  apiRouteStep(model: string): string;
  /** Localised: how to make the tool send the key to the Codestral host; null when the tool cannot. */
  codestralRouteStep(model: string): string | null;
}

const hostOf = (host: HostId): string => new URL(defaultBaseUrl(host, 'without-v1')).hostname;
const API = (convention: BaseUrlConvention): string => defaultBaseUrl('api', convention);
const CODESTRAL = (convention: BaseUrlConvention): string => defaultBaseUrl('codestral', convention);

function modelId(model: string | null): string {
  return (model ?? '').trim().toLowerCase();
}

/** `3.2.13` → [3, 2, 13]; unparseable parts count as 0. */
function versionParts(version: string): number[] {
  return version.split('.').map((part) => Number.parseInt(part, 10) || 0);
}

function versionBelow(version: string | null | undefined, floor: string): boolean {
  if (!version) return false;
  const have = versionParts(version);
  const want = versionParts(floor);
  for (let i = 0; i < want.length; i++) {
    const a = have[i] ?? 0;
    const b = want[i] ?? 0;
    if (a !== b) return a < b;
  }
  return false;
}

/** Roo Code and Kilo Code route `codestral-*` models to their "Codestral Base URL". */
function codestralPrefixRoute(model: string | null): Target {
  const id = modelId(model);
  if (id === '') return 'auto';
  return id.startsWith('codestral') ? 'codestral' : 'api';
}

/**
 * Roo Code and Kilo Code (a fork of Roo) route `codestral-*` models to their "Codestral Base URL"
 * setting and keep key and model in a private provider profile.
 */
function codestralBaseUrlTool(id: ToolId, name: string, extensionId: string, routedTraffic: () => string): ToolFacts {
  return {
    id, name,
    extensionIds: [extensionId], extensionPublishers: [],
    hostFor: codestralPrefixRoute,
    keyLocations: [{ kind: 'private', description: `VS Code SecretStorage (${name} profile)` }],
    model: { kind: 'ui', setting: 'Settings → Providers → Mistral → Model' },
    baseUrlSetting: { api: null, codestral: 'Codestral Base URL' },
    convention: 'without-v1',
    defaultAliases: [],
    ownAliases: [],
    unauthorizedWording: '401 Unauthorized',
    setKeyStep: () => t('In {0}, open Settings → Providers, choose "Mistral" and paste the key into "Mistral API Key".', name),
    setModelStep: (model) => t('In the {0} provider profile, set the model to {1}.', name, model),
    apiRouteStep: () => t('In {0}, set "Codestral Base URL" to {1}, so {2} go to {3} too.', name, API('without-v1'), routedTraffic(), hostOf('api')),
    codestralRouteStep: (model) => t('In {0}, choose a codestral-* model (for example {1}) and set "Codestral Base URL" to {2}: codestral-* models then take this key to the Codestral host.', name, model, CODESTRAL('without-v1')),
  };
}

const TABLE: Readonly<Record<ToolId, ToolFacts>> = {
  cline: {
    id: 'cline', name: 'Cline',
    extensionIds: ['saoudrizwan.claude-dev'], extensionPublishers: [],
    // Cline up to 3.1 called the Codestral host with a fixed model; 3.2.13 and later call the api host only.
    hostFor: (_model, version) => (versionBelow(version, '3.2') ? 'codestral' : 'api'),
    keyLocations: [
      { kind: 'private', description: 'VS Code SecretStorage "mistralApiKey"' },
      { kind: 'file', path: '~/.cline/data/secrets.json', field: 'mistralApiKey' },
    ],
    model: { kind: 'ui', setting: 'API Provider → Mistral → Model' },
    baseUrlSetting: { api: null, codestral: null },
    convention: 'with-v1',
    defaultAliases: [],
    ownAliases: [],
    unauthorizedWording: '401 Unauthorized',
    setKeyStep: () => t('In Cline, open Settings → API Provider "Mistral" and paste the key into "Mistral API Key".'),
    setModelStep: (model) => t('In Cline settings, set the model to {0}.', model),
    apiRouteStep: () => t('Update Cline to 3.2.13 or later: it then sends Mistral keys to {0} only.', API('without-v1')),
    // Cline 3.2.13 and later call the api host only; older versions have no base-URL setting.
    codestralRouteStep: () => null,
  },
  roo: codestralBaseUrlTool('roo', 'Roo Code', 'rooveterinaryinc.roo-cline', () => t('codestral-* models')),
  // Kilo's autocomplete always uses Codestral FIM, so the base URL moves it too.
  kilo: codestralBaseUrlTool('kilo', 'Kilo Code', 'kilocode.kilo-code', () => t('codestral-* models and autocomplete')),
  continue: {
    id: 'continue', name: 'Continue',
    extensionIds: ['continue.continue'], extensionPublishers: [],
    // With no apiBase, today's Continue first asks the api host for a "codestral" model and moves
    // to the Codestral host only on a 401 there: the host depends on the key, so it is `auto`.
    // With no model Continue uses its default, codestral-latest.
    hostFor: (model) => {
      const id = modelId(model) || 'codestral-latest';
      return id.includes('codestral') && !id.includes('mamba') ? 'auto' : 'api';
    },
    keyLocations: [
      { kind: 'file', path: '~/.continue/config.yaml', field: 'models[].apiKey' },
      { kind: 'file', path: '~/.continue/.env', field: '${{ secrets.NAME }}' },
      { kind: 'file', path: '.continue/.env', field: '${{ secrets.NAME }}' },
      { kind: 'file', path: '~/.continue/config.json', field: 'models[].apiKey' },
    ],
    model: { kind: 'file', location: { kind: 'file', path: '~/.continue/config.yaml', field: 'models[].model' } },
    baseUrlSetting: { api: 'apiBase', codestral: 'apiBase' },
    convention: 'with-v1',
    defaultAliases: [],
    ownAliases: [],
    unauthorizedWording: 'You are using a Mistral API key, which is not compatible with the Codestral API',
    setKeyStep: () => t('In Continue, set apiKey of the Mistral model in ~/.continue/config.yaml (or a secret in ~/.continue/.env referenced as ${{ secrets.MISTRAL_API_KEY }}).'),
    setModelStep: (model) => t('In ~/.continue/config.yaml, set model: {0} on the Mistral model.', model),
    apiRouteStep: () => t('In ~/.continue/config.yaml, set apiBase: {0} on the Mistral model.', API('with-v1')),
    codestralRouteStep: () => t('In ~/.continue/config.yaml, set apiBase: {0} on the Codestral model (roles: [autocomplete]).', CODESTRAL('with-v1')),
  },
  vibe: {
    id: 'vibe', name: 'Mistral Vibe',
    extensionIds: [], extensionPublishers: ['mistralai'],
    hostFor: () => 'api',
    keyLocations: [
      { kind: 'env', variable: 'MISTRAL_API_KEY' },
      { kind: 'file', path: '~/.vibe/.env', field: 'MISTRAL_API_KEY' },
    ],
    model: { kind: 'file', location: { kind: 'file', path: '~/.vibe/config.toml', field: 'active_model' } },
    baseUrlSetting: { api: 'api_base', codestral: null },
    convention: 'with-v1',
    defaultAliases: ['mistral-vibe-cli-latest', 'devstral-small-latest'],
    ownAliases: ['mistral-vibe-cli-latest'],
    unauthorizedWording: null,
    setKeyStep: () => t('In Mistral Vibe, sign in again, or put the key in ~/.vibe/.env as MISTRAL_API_KEY=<key>.'),
    setModelStep: (model) => t('In ~/.vibe/config.toml, set active_model to {0}.', model),
    apiRouteStep: () => t('Mistral Vibe calls {0} by default: remove any api_base override from ~/.vibe/config.toml.', hostOf('api')),
    codestralRouteStep: () => null,
  },
  litellm: {
    id: 'litellm', name: 'litellm',
    extensionIds: [], extensionPublishers: [],
    hostFor: (model) => {
      const id = modelId(model);
      if (id.startsWith('codestral/') || id.startsWith('text-completion-codestral/')) return 'codestral';
      if (id.startsWith('mistral/')) return 'api';
      return 'auto';
    },
    keyLocations: [
      { kind: 'env', variable: 'MISTRAL_API_KEY', host: 'api' },
      { kind: 'env', variable: 'CODESTRAL_API_KEY', host: 'codestral' },
      { kind: 'file', path: '.env', field: 'MISTRAL_API_KEY' },
    ],
    model: { kind: 'ui', setting: 'model (mistral/… or codestral/…)' },
    baseUrlSetting: { api: 'api_base', codestral: 'api_base' },
    convention: 'with-v1',
    defaultAliases: [],
    ownAliases: [],
    unauthorizedWording: 'litellm.AuthenticationError',
    setKeyStep: () => t('For litellm, set MISTRAL_API_KEY for mistral/… models and CODESTRAL_API_KEY for codestral/… models.'),
    setModelStep: (model) => t('Use the model string mistral/{0}.', model),
    apiRouteStep: (model) => t('Use the mistral/ prefix (for example mistral/{0}) with the key in MISTRAL_API_KEY instead of codestral/ with CODESTRAL_API_KEY.', model),
    codestralRouteStep: (model) => t('Use the codestral/ prefix (for example codestral/{0}) with the key in CODESTRAL_API_KEY.', model),
  },
  aider: {
    id: 'aider', name: 'aider',
    extensionIds: [], extensionPublishers: [],
    // aider calls models through litellm, so the provider prefix picks the host.
    hostFor: (model, version) => TABLE.litellm.hostFor(model, version),
    keyLocations: [
      { kind: 'env', variable: 'MISTRAL_API_KEY' },
      { kind: 'file', path: '.env', field: 'MISTRAL_API_KEY' },
      { kind: 'file', path: '~/.aider.conf.yml', field: 'api-key' },
      { kind: 'file', path: '.aider.conf.yml', field: 'api-key' },
    ],
    model: { kind: 'file', location: { kind: 'file', path: '.aider.conf.yml', field: 'model' } },
    baseUrlSetting: { api: null, codestral: null },
    convention: 'with-v1',
    defaultAliases: [],
    ownAliases: [],
    unauthorizedWording: 'litellm.AuthenticationError',
    setKeyStep: () => t('For aider, set MISTRAL_API_KEY (or api-key: mistral=<key> in .aider.conf.yml).'),
    setModelStep: (model) => t('Run aider with --model mistral/{0} (or model: mistral/{0} in .aider.conf.yml).', model),
    apiRouteStep: (model) => t('Run aider with --model mistral/{0} and the key in MISTRAL_API_KEY, instead of a codestral/ model.', model),
    codestralRouteStep: (model) => t('Run aider with --model codestral/{0} and the key in CODESTRAL_API_KEY.', model),
  },
  zed: {
    id: 'zed', name: 'Zed',
    extensionIds: [], extensionPublishers: [],
    // The agent uses the api host; edit predictions use the Codestral host: the model tells which.
    hostFor: (model) => (modelId(model).startsWith('codestral') ? 'codestral' : modelId(model) === '' ? 'auto' : 'api'),
    keyLocations: [
      { kind: 'env', variable: 'MISTRAL_API_KEY', host: 'api' },
      { kind: 'env', variable: 'CODESTRAL_API_KEY', host: 'codestral' },
      { kind: 'private', description: 'the system keychain (Zed settings → AI)' },
    ],
    model: { kind: 'ui', setting: 'settings.json: edit_predictions.codestral.model' },
    baseUrlSetting: { api: 'language_models.mistral.api_url', codestral: 'edit_predictions.codestral.api_url' },
    convention: 'with-v1',
    defaultAliases: [],
    ownAliases: [],
    unauthorizedWording: null,
    setKeyStep: () => t('In Zed, open the Agent settings → Mistral for the agent key, and the edit-prediction settings (CODESTRAL_API_KEY) for edit predictions.'),
    setModelStep: (model) => t('In Zed settings.json, set edit_predictions.codestral.model to {0}.', model),
    apiRouteStep: () => t('In Zed settings.json, set edit_predictions.codestral.api_url to {0} and use the Mistral API key there too.', API('with-v1')),
    codestralRouteStep: () => t('In Zed, keep this key for edit predictions only (CODESTRAL_API_KEY; edit_predictions.codestral.api_url {0}).', CODESTRAL('with-v1')),
  },
  tabby: {
    id: 'tabby', name: 'Tabby',
    extensionIds: ['tabbyml.vscode-tabby'], extensionPublishers: [],
    hostFor: () => 'api',
    keyLocations: [{ kind: 'file', path: '~/.tabby/config.toml', field: 'model.*.http.api_key' }],
    model: { kind: 'file', location: { kind: 'file', path: '~/.tabby/config.toml', field: 'model.*.http.model_name' } },
    baseUrlSetting: { api: 'api_endpoint', codestral: 'api_endpoint' },
    convention: 'with-v1',
    defaultAliases: [],
    ownAliases: [],
    unauthorizedWording: null,
    setKeyStep: () => t('In Tabby, set api_key of the Mistral model in ~/.tabby/config.toml and restart the Tabby server.'),
    setModelStep: (model) => t('In ~/.tabby/config.toml, set model_name = "{0}" on the Mistral model.', model),
    apiRouteStep: () => t('In ~/.tabby/config.toml, set api_endpoint = "{0}" on the Mistral model.', API('with-v1')),
    codestralRouteStep: () => null,
  },
  other: {
    id: 'other', name: 'other',
    extensionIds: [], extensionPublishers: [],
    hostFor: () => 'auto',
    keyLocations: [],
    model: { kind: 'ui', setting: 'model' },
    baseUrlSetting: { api: null, codestral: null },
    convention: 'without-v1',
    defaultAliases: [],
    ownAliases: [],
    unauthorizedWording: null,
    setKeyStep: () => t('Paste the new key into your tool\'s Mistral key setting.'),
    setModelStep: (model) => t('Pick the dated model {0} rather than a -latest alias, which can move without notice.', model),
    apiRouteStep: () => t('Point your tool at {0} (add /v1 if the tool expects it): Codestral models are served there with a Studio key.', API('without-v1')),
    codestralRouteStep: () => t('If your tool lets you set the base URL, point it at {0} (add /v1 if the tool expects it) and keep this key.', CODESTRAL('without-v1')),
  },
};

export function toolFacts(tool: ToolId): ToolFacts {
  return TABLE[tool];
}

export function allTools(): ToolFacts[] {
  return TOOL_IDS.map((id) => TABLE[id]);
}

export function isToolId(value: string): value is ToolId {
  return (TOOL_IDS as readonly string[]).includes(value);
}

/** The host a Mistral base URL names; `auto` for anything else (a gateway, a proxy, loopback, not a URL). */
export function hostForBaseUrl(baseUrl: string): Target {
  return mistralHostOf(baseUrl) ?? 'auto';
}

/**
 * The host `tool` sends the key to: a configured base URL decides when there is one, else the
 * tool's own routing for `model` (and `version` where it changed).
 */
export function hostForTool(tool: ToolId, model: string | null, version?: string | null, baseUrl?: string | null): Target {
  if (baseUrl) return hostForBaseUrl(baseUrl);
  return TABLE[tool].hostFor(model, version);
}

/** The host a key kept in this environment variable is meant for (litellm, aider and Zed read `CODESTRAL_API_KEY` for the Codestral host). */
export function hostForKeyVariable(variable: string): Target {
  for (const facts of Object.values(TABLE)) {
    for (const location of facts.keyLocations) {
      if (location.kind === 'env' && location.variable === variable && location.host) return location.host;
    }
  }
  return 'api';
}

/**
 * True when `model` is a moving alias that `tool` picks as its own default (Vibe's
 * `mistral-vibe-cli-latest`, `devstral-small-latest`). With no tool named, only aliases that belong
 * to one tool alone count.
 */
export function isToolDefaultAlias(tool: ToolId | null, model: string): boolean {
  const id = model.trim().toLowerCase();
  if (tool) return TABLE[tool].defaultAliases.includes(id);
  return Object.values(TABLE).some((facts) => facts.ownAliases.includes(id));
}

/** The tool's name as a sentence can use it ("It does not work for Cline"); `other` reads "your tool". */
export function toolDisplayName(tool: ToolId): string {
  return tool === 'other' ? t('your tool') : TABLE[tool].name;
}

/** The tool an installed VS Code extension id stands for, or null. */
export function toolForExtensionId(extensionId: string): ToolId | null {
  const id = extensionId.toLowerCase();
  for (const facts of Object.values(TABLE)) {
    if (facts.extensionIds.includes(id)) return facts.id;
    if (facts.extensionPublishers.some((publisher) => id.startsWith(`${publisher}.`))) return facts.id;
  }
  return null;
}
