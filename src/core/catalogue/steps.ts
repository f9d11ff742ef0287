// Each tool's own fix steps, worded from its catalogue row: the settings it really has, the base-URL
// form each setting takes, where it keeps the key. Localised; built on each call so the locale applies.
import type { HostId } from '../diagnosis';
import { defaultBaseUrl, HOSTNAME_OF } from '../hosts';
import { t } from '../l10n';
import { CODESTRAL_KEY_VARIABLE as CODESTRAL_KEY, MISTRAL_KEY_VARIABLE as MISTRAL_KEY } from './keyVariables';
import type { BaseUrlSetting, CatalogueRow, FileKeyStore } from './schema';

/** The doctor's own command, as the keyring step shows it. */
const CLI_NAME = 'mistral-key-doctor';

export interface ToolSteps {
  /** Where in the tool the user puts a new key. */
  setKey(): string;
  /** Where in the tool the user sets the model to `model`. */
  setModel(model: string): string;
  /** How to make the tool send the key (and `model`) to the api host, using its own setting. */
  apiRoute(model: string): string;
  /** How to make the tool send the key to the Codestral host; null when the tool cannot. */
  codestralRoute(model: string): string | null;
}

/** The base URL a setting takes for its host, in that setting's own form (`/v1` or not). */
export function baseUrlIn(setting: Pick<BaseUrlSetting, 'host' | 'form'>): string {
  return defaultBaseUrl(setting.host, setting.form);
}

function fileOf(row: CatalogueRow, pathEnd: string): string {
  const store = row.keyStores.find((s): s is FileKeyStore => s.kind === 'file' && s.path.endsWith(pathEnd));
  if (store) return store.path;
  return row.modelStore.kind === 'file' ? row.modelStore.path : pathEnd;
}

function setting(row: CatalogueRow, host: HostId, scope?: string): BaseUrlSetting | null {
  return row.baseUrlSettings.find((s) => s.host === host && (scope === undefined || s.scope === scope)) ?? null;
}

function keyringStore(row: CatalogueRow): { service: string; account: string } | null {
  const store = row.keyStores.find((s) => s.kind === 'keyring');
  return store && store.kind === 'keyring' ? store : null;
}

/** What to say about a key in the OS keyring: this doctor cannot read it, and how to check it anyway. */
export function keyringCheckStep(row: CatalogueRow): string | null {
  const keyring = keyringStore(row);
  if (!keyring) return null;
  return t('{0} keeps the key in the system keyring (service {1}, account {2}), which this doctor cannot read. To check that key, pipe it in: `security find-generic-password -s {1} -a {2} -w | {3} check --tool {4} --key-stdin` (macOS) or `secret-tool lookup service {1} username {2} | {3} check --tool {4} --key-stdin` (Linux).',
    row.name, keyring.service, keyring.account, CLI_NAME, row.tool);
}

const API_HOST = (): string => HOSTNAME_OF.api;

function codestralPrefixSteps(row: CatalogueRow, routed: () => string): ToolSteps {
  const codestral = setting(row, 'codestral')!;
  return {
    setKey: () => t('In {0}, open Settings → Providers, choose "Mistral" and paste the key into "Mistral API Key".', row.name),
    setModel: (model) => t('In the {0} provider profile, set the model to {1}.', row.name, model),
    apiRoute: () => t('In {0}, set "{1}" to {2}, so {3} go to {4} too.', row.name, codestral.setting, baseUrlIn({ host: 'api', form: codestral.form }), routed(), API_HOST()),
    codestralRoute: (model) => t('In {0}, choose a codestral-* model (for example {1}) and set "{2}" to {3}: codestral-* models then take this key to the Codestral host.', row.name, model, codestral.setting, baseUrlIn(codestral)),
  };
}

function clineSteps(row: CatalogueRow): ToolSteps {
  const before32 = row.versions.below === '3.2.0';
  const providersFile = row.keyStores.find((s) => s.kind === 'file' && s.path.endsWith('providers.json'));
  const baseUrl = setting(row, 'api');
  return {
    setKey: () => providersFile
      ? t('In Cline, open Settings → API Provider "Mistral" and paste the key into "Mistral API Key" (Cline {0} keeps it in {1}).', row.versions.from ?? '', providersFile.kind === 'file' ? providersFile.path : '')
      : t('In Cline, open Settings → API Provider "Mistral" and paste the key into "Mistral API Key".'),
    setModel: (model) => t('In Cline settings, set the model to {0}.', model),
    apiRoute: () => before32
      ? t('Update Cline to 3.2.13 or later: it then sends Mistral keys to {0} only.', defaultBaseUrl('api', 'without-v1'))
      : baseUrl
        ? t('Cline sends Mistral keys to {0} only; if {1} holds a baseUrl, set it to {2} or remove it.', API_HOST(), fileOf(row, 'providers.json'), baseUrlIn(baseUrl))
        : t('Cline sends Mistral keys to {0} only: no setting to change.', API_HOST()),
    // Cline 3.2 and later call the api host only; older versions have no base-URL setting.
    codestralRoute: () => null,
  };
}

function kiloGatewaySteps(row: CatalogueRow): ToolSteps {
  return {
    setKey: () => t('In {0}, open Settings → Providers → Mistral and paste the key into "API Key" (its direct Mistral autocomplete also reads {1}).', row.name, MISTRAL_KEY),
    setModel: (model) => t('In the {0} provider profile, set the model to {1}.', row.name, model),
    apiRoute: () => t('In {0}, use the Mistral provider with a Studio key: its direct Mistral autocomplete asks {1} first and the Codestral host only after a 401.', row.name, API_HOST()),
    codestralRoute: () => null,
  };
}

function continueSteps(row: CatalogueRow): ToolSteps {
  const config = fileOf(row, 'config.yaml');
  const secrets = fileOf(row, '.continue/.env');
  return {
    setKey: () => t('In Continue, set apiKey of the Mistral model in {0} (or a secret in {1} referenced as ${{ secrets.{2} }}).', config, secrets, MISTRAL_KEY),
    setModel: (model) => t('In {0}, set model: {1} on the Mistral model.', config, model),
    apiRoute: () => t('In {0}, set apiBase: {1} on the Mistral model.', config, baseUrlIn(setting(row, 'api')!)),
    codestralRoute: () => t('In {0}, set apiBase: {1} on the Codestral model (roles: [autocomplete]).', config, baseUrlIn(setting(row, 'codestral')!)),
  };
}

function vibeSteps(row: CatalogueRow): ToolSteps {
  const envFile = fileOf(row, '.vibe/.env');
  const config = fileOf(row, 'config.toml');
  return {
    setKey: () => keyringStore(row)
      ? t('In Mistral Vibe, run "vibe --setup" and paste the key (it goes to the system keyring), or set {0} in the environment or in {1}, which win over the keyring.', MISTRAL_KEY, envFile)
      : t('In Mistral Vibe, sign in again, or put the key in {0} as {1}=<key>.', envFile, MISTRAL_KEY),
    // active_model names the alias of a [[models]] entry; the model id is that entry's `name`.
    setModel: (model) => t('In {0}, set name = "{1}" in the [[models]] entry whose alias active_model names (active_model takes an alias, never a model id).', config, model),
    apiRoute: () => t('Mistral Vibe calls {0} by default: remove any api_base override from {1}.', API_HOST(), config),
    codestralRoute: () => null,
  };
}

function litellmSteps(): ToolSteps {
  return {
    setKey: () => t('For litellm, set {0} for mistral/… models and {1} for codestral/… models.', MISTRAL_KEY, CODESTRAL_KEY),
    setModel: (model) => t('Use the model string mistral/{0}.', model),
    apiRoute: (model) => t('Use the mistral/ prefix (for example mistral/{0}) with the key in {1} instead of codestral/ with {2}.', model, MISTRAL_KEY, CODESTRAL_KEY),
    codestralRoute: (model) => t('Use the codestral/ prefix (for example codestral/{0}) with the key in {1}.', model, CODESTRAL_KEY),
  };
}

function aiderSteps(row: CatalogueRow): ToolSteps {
  const config = fileOf(row, '.aider.conf.yml');
  return {
    setKey: () => t('For aider, set {0} (or api-key: mistral=<key> in {1}).', MISTRAL_KEY, config),
    setModel: (model) => t('Run aider with --model mistral/{0} (or model: mistral/{0} in {1}).', model, config),
    apiRoute: (model) => t('Run aider with --model mistral/{0} and the key in {1}, instead of a codestral/ model.', model, MISTRAL_KEY),
    codestralRoute: (model) => t('Run aider with --model codestral/{0} and the key in {1}.', model, CODESTRAL_KEY),
  };
}

function zedSteps(row: CatalogueRow): ToolSteps {
  const agent = setting(row, 'api')!;
  const predictions = setting(row, 'codestral')!;
  return {
    setKey: () => t('In Zed, open the Agent settings → Mistral for the agent key ({0}), and set {1} for edit predictions.', MISTRAL_KEY, CODESTRAL_KEY),
    setModel: (model) => t('In Zed settings.json, set edit_predictions.codestral.model to {0}.', model),
    // Zed appends /v1/fim/completions to this setting itself, so it takes the host without /v1.
    apiRoute: () => t('In Zed settings.json, set {0} to {1} (without /v1: Zed adds /v1/fim/completions itself) and use a Studio key for edit predictions too; the agent\'s {2} takes {3}.',
      predictions.setting, baseUrlIn({ host: 'api', form: predictions.form }), agent.setting, baseUrlIn(agent)),
    codestralRoute: () => t('In Zed, keep this key for edit predictions only ({0}; {1} {2}, without /v1).', CODESTRAL_KEY, predictions.setting, baseUrlIn(predictions)),
  };
}

function tabbySteps(row: CatalogueRow): ToolSteps {
  const config = fileOf(row, 'config.toml');
  const completion = setting(row, 'api', 'mistral/completion')!;
  const chat = setting(row, 'api', 'mistral/chat')!;
  return {
    setKey: () => t('In Tabby, set api_key of the Mistral model in {0} and restart the Tabby server.', config),
    setModel: (model) => t('In {0}, set model_name = "{1}" on the Mistral model.', config, model),
    apiRoute: () => t('In {0}, set api_endpoint = "{1}" on the mistral/completion model (no /v1: Tabby adds /v1/fim/completions) and api_endpoint = "{2}" on the mistral/chat model.',
      config, baseUrlIn(completion), baseUrlIn(chat)),
    codestralRoute: () => null,
  };
}

function otherSteps(): ToolSteps {
  return {
    setKey: () => t('Paste the new key into your tool\'s Mistral key setting.'),
    setModel: (model) => t('Pick the dated model {0} rather than a -latest alias, which can move without notice.', model),
    apiRoute: () => t('Point your tool at {0} (add /v1 if the tool expects it): Codestral models are served there with a Studio key.', defaultBaseUrl('api', 'without-v1')),
    codestralRoute: () => t('If your tool lets you set the base URL, point it at {0} (add /v1 if the tool expects it) and keep this key.', defaultBaseUrl('codestral', 'without-v1')),
  };
}

export function stepsFor(row: CatalogueRow): ToolSteps {
  switch (row.tool) {
    case 'cline': return clineSteps(row);
    case 'roo': return codestralPrefixSteps(row, () => t('codestral-* models'));
    // Kilo up to 6.x is the Roo fork: its autocomplete always uses Codestral FIM, so the base URL moves it too.
    case 'kilo': return row.notMistralWordings.length > 0 ? kiloGatewaySteps(row) : codestralPrefixSteps(row, () => t('codestral-* models and autocomplete'));
    case 'continue': return continueSteps(row);
    case 'vibe': return vibeSteps(row);
    case 'litellm': return litellmSteps();
    case 'aider': return aiderSteps(row);
    case 'zed': return zedSteps(row);
    case 'tabby': return tabbySteps(row);
    case 'other': return otherSteps();
  }
}
