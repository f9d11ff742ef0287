// aider (and litellm underneath it): `.aider.conf.yml` (`api-key: [mistral=…]`, `set-env:
// [MISTRAL_API_KEY=…]`, `model: mistral/…`) in the home folder and each workspace folder, and
// MISTRAL_API_KEY / CODESTRAL_API_KEY (with AIDER_MODEL) in each workspace `.env`. litellm sends
// `mistral/…` models with MISTRAL_API_KEY to the api host, `codestral/…` with CODESTRAL_API_KEY to
// the codestral host.
import * as path from 'node:path';
import { t } from '../core/l10n';
import { KEY_VARIABLES } from './environment';
import type { SourceContext } from './sourceFiles';
import { targetForKeyVariable } from './targets';
import type { KeyAtSource, SourceId } from './types';
import { record, text } from './values';

const MODEL_PREFIX: Record<string, string> = { MISTRAL_API_KEY: 'mistral/', CODESTRAL_API_KEY: 'codestral/' };

export async function findAiderKeys(context: SourceContext): Promise<KeyAtSource[]> {
  const files = [
    ...(context.includeToolFiles ? [path.join(context.home, '.aider.conf.yml')] : []),
    ...(context.includeWorkspaceFiles ? context.workspaceFolders.map((folder) => path.join(folder, '.aider.conf.yml')) : []),
  ];
  const found: KeyAtSource[] = [];
  for (const file of files) {
    const config = record(await context.files.readYaml(file));
    if (!config) continue;
    const assignments = [
      ...list(config['api-key']).map(([provider, key]) => [`${provider.toUpperCase()}_API_KEY`, key] as const),
      ...list(config['set-env']),
    ];
    for (const [variable, key] of assignments) {
      if (isKeyVariable(variable) && key) found.push(keyAt('aider', context, file, variable, key, text(config.model)));
    }
  }
  return found;
}

export async function findWorkspaceDotenvKeys(context: SourceContext): Promise<KeyAtSource[]> {
  if (!context.includeWorkspaceFiles) return [];
  const found: KeyAtSource[] = [];
  for (const folder of context.workspaceFolders) {
    const file = path.join(folder, '.env');
    const values = await context.files.readDotenv(file);
    if (!values) continue;
    for (const variable of KEY_VARIABLES) {
      const key = values[variable];
      if (key) found.push(keyAt('dotenv', context, file, variable, key, values.AIDER_MODEL ?? null));
    }
  }
  return found;
}

function keyAt(id: SourceId, context: SourceContext, file: string, variable: string, key: string,
  configuredModel: string | null): KeyAtSource {
  const model = modelFor(variable, configuredModel);
  const shownFile = context.files.display(file);
  const label = id === 'aider'
    ? (model ? t("aider {0} ({1}), model '{2}'", shownFile, variable, model) : t('aider {0} ({1})', shownFile, variable))
    : (model ? t("{0} in {1}, model '{2}'", variable, shownFile, model) : t('{0} in {1}', variable, shownFile));
  return {
    key,
    source: { id, tool: 'litellm', label, path: file, model, target: targetForKeyVariable(variable), apiBase: null },
  };
}

/** The model id litellm sends with this variable's key (its provider prefix removed), if the configured model uses it. */
function modelFor(variable: string, configuredModel: string | null): string | null {
  const prefix = MODEL_PREFIX[variable];
  if (!prefix || !configuredModel?.startsWith(prefix)) return null;
  return configuredModel.slice(prefix.length) || null;
}

function isKeyVariable(variable: string): boolean {
  return (KEY_VARIABLES as readonly string[]).includes(variable);
}

/** `NAME=value` entries of an aider list option (one string or a list of strings). */
function list(option: unknown): [string, string][] {
  const entries = Array.isArray(option) ? option : [option];
  return entries.flatMap((entry) => {
    if (typeof entry !== 'string') return [];
    const equals = entry.indexOf('=');
    return equals > 0 ? [[entry.slice(0, equals).trim(), entry.slice(equals + 1)] as [string, string]] : [];
  });
}
