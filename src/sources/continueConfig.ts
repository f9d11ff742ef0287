// Continue: `config.yaml` (and block files) with `models[].provider: mistral`, the older
// `config.json` / `.continuerc.json`, and `${{ secrets.NAME }}` resolved the way Continue's
// LocalPlatformClient does: `~/.continue/.env`, then each workspace `.continue/.env`, then each
// workspace `.env`, then the process environment (Continue Hub secrets cannot be read from here).
import * as path from 'node:path';
import { hostForTool, keyFiles, resolveStorePath, workspaceConfigFolder } from '../core/catalogue';
import { MISTRAL_SECRET_NAME } from '../core/catalogue/keyVariables';
import { t } from '../core/l10n';
import { keyCandidate } from './findKeyCandidates';
import type { SourceContext } from './sourceFiles';
import type { KeyCandidate, KeySource } from './types';
import { record, text } from './values';

const YAML_EXTENSIONS = ['.yaml', '.yml'];
/** `.continue`, the project folder Continue reads, as the catalogue names it. */
const WORKSPACE_FOLDER = workspaceConfigFolder('continue')!;
const SECRET_REFERENCE = /\$\{\{\s*secrets\.([\w./-]+)\s*\}\}/g;

interface ContinueConfigFile {
  file: string;
  format: 'yaml' | 'json';
}

interface ContinueModel {
  name: string | null;
  provider: string | null;
  model: string | null;
  apiKey: string | null;
  apiBase: string | null;
}

interface ResolvedKey {
  key: string;
  secret: { name: string; file: string | null; line: number | null } | null;
}

function continueGlobalDir(context: SourceContext): string {
  return path.dirname(resolveStorePath(keyFiles('continue')[0]!, context.home, context.env)!);
}

export async function findContinueKeys(context: SourceContext): Promise<KeyCandidate[]> {
  const found: KeyCandidate[] = [];
  for (const config of await continueConfigFiles(context)) {
    const document = config.format === 'yaml'
      ? await context.files.readYaml(config.file)
      : await context.files.readJson(config.file);
    const models = config.format === 'yaml' ? yamlModels(document) : jsonModels(document);
    for (const model of models) {
      if (model.provider !== 'mistral' || !model.apiKey) continue;
      const resolved = await resolveApiKey(context, config.file, model);
      if (resolved) found.push(keyCandidate(resolved.key, await describe(context, config.file, model, resolved)));
    }
  }
  return found;
}

async function continueConfigFiles(context: SourceContext): Promise<ContinueConfigFile[]> {
  const configs: ContinueConfigFile[] = [];
  const addYamlFolder = async (dir: string) => {
    for (const file of await context.files.list(dir, YAML_EXTENSIONS)) configs.push({ file, format: 'yaml' });
  };
  if (context.includeToolFiles) {
    const globalDir = continueGlobalDir(context);
    configs.push({ file: path.join(globalDir, 'config.yaml'), format: 'yaml' });
    configs.push({ file: path.join(globalDir, 'config.json'), format: 'json' });
    for (const dir of ['agents', 'assistants', 'configs']) await addYamlFolder(path.join(globalDir, dir));
  }
  if (context.includeWorkspaceFiles) {
    for (const folder of context.workspaceFolders) {
      configs.push({ file: path.join(folder, WORKSPACE_FOLDER, 'config.yaml'), format: 'yaml' });
      configs.push({ file: path.join(folder, `${WORKSPACE_FOLDER}rc.json`), format: 'json' });
      for (const dir of ['agents', 'assistants', 'models', 'configs']) await addYamlFolder(path.join(folder, WORKSPACE_FOLDER, dir));
    }
  }
  return configs;
}

function yamlModels(document: unknown): ContinueModel[] {
  const models = record(document)?.models;
  return Array.isArray(models) ? models.map((entry) => modelFrom(entry, 'name')) : [];
}

function jsonModels(document: unknown): ContinueModel[] {
  const config = record(document);
  if (!config) return [];
  const models: unknown[] = Array.isArray(config.models) ? config.models : [];
  const autocomplete = config.tabAutocompleteModel;
  const autocompleteModels: unknown[] = Array.isArray(autocomplete) ? autocomplete : autocomplete ? [autocomplete] : [];
  return [...models, ...autocompleteModels].map((entry) => modelFrom(entry, 'title'));
}

function modelFrom(entry: unknown, nameField: 'name' | 'title'): ContinueModel {
  const fields = record(entry) ?? {};
  return {
    name: text(fields[nameField]), provider: text(fields.provider), model: text(fields.model),
    apiKey: text(fields.apiKey), apiBase: text(fields.apiBase),
  };
}

async function resolveApiKey(context: SourceContext, file: string, model: ContinueModel): Promise<ResolvedKey | null> {
  const shownFile = context.files.display(file);
  const modelName = displayName(model);
  let key = model.apiKey ?? '';
  let secret: ResolvedKey['secret'] = null;
  for (const reference of [...key.matchAll(SECRET_REFERENCE)]) {
    const name = (reference[1] ?? '').split('/').pop() ?? '';
    if (!MISTRAL_SECRET_NAME.test(name)) {
      context.files.report(file, t("{0}: model '{1}' takes its key from the secret {2}. Only secrets named MISTRAL_… or CODESTRAL_… are read for a check, so that a config file cannot send another secret out; it was not sent. To check that key, use \"Set Mistral API key\".",
        shownFile, modelName, name));
      return null;
    }
    const value = await resolveSecret(context, name);
    if (!value) {
      context.files.report(file, t("{0}: model '{1}' takes its key from the secret {2}, which is in none of the .env files Continue reads ({3}) nor in the environment. If it is a Continue Hub secret, this check cannot read it: check that key with \"Set Mistral API key\".",
        shownFile, modelName, name, secretFiles(context).map((envFile) => context.files.display(envFile)).join(', ')));
      return null;
    }
    key = key.replace(reference[0], () => value.key);
    secret ??= { name, file: value.file, line: value.line };
  }
  if (key.includes('${{')) {
    context.files.report(file, t("{0}: model '{1}' takes its key from a template this check cannot resolve. Check that key with \"Set Mistral API key\".",
      shownFile, modelName));
    return null;
  }
  return { key, secret };
}

/** Continue reads its `.env` files with Node's dotenv package. */
async function resolveSecret(context: SourceContext, name: string): Promise<{ key: string; file: string | null; line: number | null } | null> {
  for (const file of secretFiles(context)) {
    const assignment = (await context.files.readDotenv(file, 'node'))?.get(name);
    if (assignment?.value) return { key: assignment.value, file, line: assignment.line };
  }
  const fromEnvironment = context.env[name];
  return fromEnvironment ? { key: fromEnvironment, file: null, line: null } : null;
}

/** The `.env` files Continue reads secrets from, in its order, limited to what the caller allows. */
function secretFiles(context: SourceContext): string[] {
  const files = context.includeToolFiles ? [path.join(continueGlobalDir(context), '.env')] : [];
  if (context.includeWorkspaceFiles) {
    files.push(...context.workspaceFolders.map((folder) => path.join(folder, WORKSPACE_FOLDER, '.env')));
    files.push(...context.workspaceFolders.map((folder) => path.join(folder, '.env')));
  }
  return files;
}

async function describe(context: SourceContext, file: string, model: ContinueModel, resolved: ResolvedKey): Promise<KeySource> {
  const shownFile = context.files.display(file);
  const name = displayName(model);
  const secret = resolved.secret;
  let label: string;
  if (!secret) label = t("Continue {0}, model '{1}'", shownFile, name);
  else if (secret.file) label = t("Continue {0}, model '{1}', secret {2} from {3}", shownFile, name, secret.name, context.files.display(secret.file));
  else label = t("Continue {0}, model '{1}', secret {2} from the environment", shownFile, name, secret.name);
  const keyFile = secret ? secret.file : file;
  return {
    id: 'continue', tool: 'continue', label,
    path: keyFile, line: secret ? secret.line : await context.files.lineOf(file, resolved.key),
    model: model.model, target: hostForTool('continue', model.model, null, model.apiBase), apiBase: model.apiBase,
    alsoReads: keyFile === file ? [] : [file],
  };
}

function displayName(model: ContinueModel): string {
  return model.name ?? model.model ?? '?';
}
