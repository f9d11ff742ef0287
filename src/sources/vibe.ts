// Mistral Vibe: the key in `$VIBE_HOME/.env` (default `~/.vibe`, read by python-dotenv), the model
// and provider from `config.toml` (`active_model` names a `[[models]]` alias; its `provider` names a
// `[[providers]]` entry with `api_base` and `api_key_env_var`), falling back to Vibe's built-in
// defaults. Vibe 2.17 and later keep the key in the OS keyring, which is not read here: a config
// with no key in `.env` says so, with how to check that key.
import { hostForBaseUrl, keyringCheckStep, resolveStorePath, rowFor, toolFile } from '../core/catalogue';
import { MISTRAL_KEY_VARIABLE } from '../core/catalogue/keyVariables';
import { defaultBaseUrl } from '../core/hosts';
import { t } from '../core/l10n';
import { keyCandidate } from './findKeyCandidates';
import type { SourceContext } from './sourceFiles';
import type { KeyCandidate } from './types';
import { record, text } from './values';

interface VibeProvider {
  name: string;
  apiBase: string;
  keyVariable: string;
  backend: string | null;
}

interface VibeModel {
  name: string;
  provider: string;
  alias: string;
}

const DEFAULT_MISTRAL_PROVIDER: VibeProvider = {
  name: 'mistral', apiBase: defaultBaseUrl('api', 'with-v1'), keyVariable: MISTRAL_KEY_VARIABLE, backend: 'mistral',
};
const DEFAULT_ACTIVE_MODEL = 'devstral-2';
const DEFAULT_MODELS: VibeModel[] = [
  { name: 'mistral-vibe-cli-latest', provider: 'mistral', alias: 'devstral-2' },
  { name: 'devstral-small-latest', provider: 'mistral', alias: 'devstral-small' },
];

export async function findVibeKeys(context: SourceContext): Promise<KeyCandidate[]> {
  if (!context.includeToolFiles) return [];
  const envStore = toolFile('vibe', '.env');
  const envFile = resolveStorePath(envStore, context.home, context.env)!;
  const values = await context.files.readDotenv(envFile, envStore.dialect ?? 'python');
  const configFile = resolveStorePath(toolFile('vibe', 'config.toml'), context.home, context.env)!;
  if (!values) {
    if (await context.files.read(configFile) !== null) reportKeyring(context, configFile);
    return [];
  }
  const config = record(await context.files.readToml(configFile));
  const providers = config && Array.isArray(config.providers)
    ? config.providers.map(providerFrom).filter((p): p is VibeProvider => p !== null)
    : [DEFAULT_MISTRAL_PROVIDER];
  const models = config && Array.isArray(config.models)
    ? config.models.map(modelFrom).filter((m): m is VibeModel => m !== null)
    : DEFAULT_MODELS;
  const activeAlias = context.env.VIBE_ACTIVE_MODEL || text(config?.active_model) || DEFAULT_ACTIVE_MODEL;
  const active = models.find((model) => model.alias === activeAlias) ?? null;
  const activeProvider = providers.find((provider) => provider.name === active?.provider) ?? null;
  const provider = activeProvider && isMistral(activeProvider)
    ? activeProvider
    : providers.find(isMistral) ?? DEFAULT_MISTRAL_PROVIDER;

  const assignment = values.get(provider.keyVariable || DEFAULT_MISTRAL_PROVIDER.keyVariable);
  if (!assignment?.value) {
    if (config) reportKeyring(context, configFile);
    return [];
  }
  const model = provider === activeProvider ? active?.name ?? null : null;
  const shownFile = context.files.display(envFile);
  return [keyCandidate(assignment.value, {
    id: 'vibe', tool: 'vibe', path: envFile, line: assignment.line,
    label: model ? t("Mistral Vibe {0}, model '{1}'", shownFile, model) : t('Mistral Vibe {0}', shownFile),
    model, target: hostForBaseUrl(provider.apiBase), apiBase: provider === DEFAULT_MISTRAL_PROVIDER ? null : provider.apiBase,
    alsoReads: model && config ? [configFile] : [],
  })];
}

/** Vibe is set up but its `.env` holds no key: since 2.17 the key is in the keyring, which cannot be read here. */
function reportKeyring(context: SourceContext, configFile: string): void {
  const step = keyringCheckStep(rowFor('vibe').row);
  if (step) context.files.report(configFile, t('{0}: no key in Mistral Vibe\'s .env. {1}', context.files.display(configFile), step));
}

function isMistral(provider: VibeProvider): boolean {
  return provider.backend === 'mistral' || hostForBaseUrl(provider.apiBase) !== 'auto';
}

function providerFrom(entry: unknown): VibeProvider | null {
  const fields = record(entry);
  const name = text(fields?.name);
  const apiBase = text(fields?.api_base);
  if (!fields || !name || !apiBase) return null;
  return { name, apiBase, keyVariable: text(fields.api_key_env_var) ?? '', backend: text(fields.backend) };
}

function modelFrom(entry: unknown): VibeModel | null {
  const fields = record(entry);
  const name = text(fields?.name);
  const provider = text(fields?.provider);
  if (!fields || !name || !provider) return null;
  return { name, provider, alias: text(fields.alias) ?? name };
}
