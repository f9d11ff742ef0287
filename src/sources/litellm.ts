// aider (and litellm underneath it): `.aider.conf.yml` (`api-key: [mistral=…]`, `set-env:
// [<key variable>=…]`, `model: mistral/…`) in the home folder and each workspace folder, and
// the key variables (with AIDER_MODEL) in each workspace `.env`. litellm sends
// `mistral/…` models with the Mistral variable to the api host, `codestral/…` with the Codestral one to
// the codestral host.
import * as path from 'node:path';
import { hostForKeyVariable, keyFiles, resolveStorePath } from '../core/catalogue';
import { CODESTRAL_KEY_VARIABLE, isKeyVariable, KEY_VARIABLES, MISTRAL_KEY_VARIABLE } from '../core/catalogue/keyVariables';
import { t } from '../core/l10n';
import { keyCandidate } from './findKeyCandidates';
import type { SourceContext } from './sourceFiles';
import type { KeyCandidate, SourceId } from './types';
import { record, text } from './values';

/** aider's `.aider.conf.yml` in the home folder and in the project, as the catalogue names them (not its `.env`). */
const AIDER_CONFIGS = keyFiles('aider').filter((store) => store.dialect === null);
const AIDER_HOME_CONFIG = AIDER_CONFIGS.find((store) => store.path.startsWith('~/'))!;
const AIDER_PROJECT_CONFIG = AIDER_CONFIGS.find((store) => !store.path.startsWith('~/'))!;
const MODEL_PREFIX: Record<string, string> = { [MISTRAL_KEY_VARIABLE]: 'mistral/', [CODESTRAL_KEY_VARIABLE]: 'codestral/' };

export async function findAiderKeys(context: SourceContext): Promise<KeyCandidate[]> {
  const files = [
    ...(context.includeToolFiles ? [resolveStorePath(AIDER_HOME_CONFIG, context.home, context.env)!] : []),
    ...(context.includeWorkspaceFiles ? context.workspaceFolders.map((folder) => resolveStorePath(AIDER_PROJECT_CONFIG, context.home, context.env, folder)!) : []),
  ];
  const found: KeyCandidate[] = [];
  for (const file of files) {
    const config = record(await context.files.readYaml(file));
    if (!config) continue;
    const assignments = [
      ...list(config['api-key']).map(([provider, key]) => [`${provider.toUpperCase()}_API_KEY`, key] as const),
      ...list(config['set-env']),
    ];
    for (const [variable, key] of assignments) {
      if (isKeyVariable(variable) && key) found.push(keyAt('aider', context, file, variable, key, text(config.model), await context.files.lineOf(file, key)));
    }
  }
  return found;
}

/** Workspace `.env` files, read as python-dotenv reads them (litellm and aider load them with it). */
export async function findWorkspaceDotenvKeys(context: SourceContext): Promise<KeyCandidate[]> {
  if (!context.includeWorkspaceFiles) return [];
  const found: KeyCandidate[] = [];
  for (const folder of context.workspaceFolders) {
    const file = path.join(folder, '.env');
    const values = await context.files.readDotenv(file, 'python');
    if (!values) continue;
    for (const variable of KEY_VARIABLES) {
      const assignment = values.get(variable);
      if (assignment?.value) found.push(keyAt('dotenv', context, file, variable, assignment.value, values.get('AIDER_MODEL')?.value ?? null, assignment.line));
    }
  }
  return found;
}

function keyAt(id: SourceId, context: SourceContext, file: string, variable: string, key: string,
  configuredModel: string | null, line: number | null): KeyCandidate {
  const model = modelFor(variable, configuredModel);
  const shownFile = context.files.display(file);
  const label = id === 'aider'
    ? (model ? t("aider {0} ({1}), model '{2}'", shownFile, variable, model) : t('aider {0} ({1})', shownFile, variable))
    : (model ? t("{0} in {1}, model '{2}'", variable, shownFile, model) : t('{0} in {1}', variable, shownFile));
  return keyCandidate(key, {
    id, tool: id === 'aider' ? 'aider' : 'litellm', label, path: file, line, model, target: hostForKeyVariable(variable), apiBase: null, alsoReads: [],
  });
}

/** The model id litellm sends with this variable's key (its provider prefix removed), if the configured model uses it. */
function modelFor(variable: string, configuredModel: string | null): string | null {
  const prefix = MODEL_PREFIX[variable];
  if (!prefix || !configuredModel?.startsWith(prefix)) return null;
  return configuredModel.slice(prefix.length) || null;
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
