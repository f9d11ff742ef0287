// Cline: 4.x keeps provider settings in `~/.cline/data/settings/providers.json` at
// `providers.mistral.settings.{apiKey, model, baseUrl}`; 3.x mirrored its SecretStorage and global
// state to `secrets.json` and `globalState.json`. The data folder is `$CLINE_DATA_DIR` (default
// `$CLINE_DIR/data`, `~/.cline/data`), as the tools catalogue says. Cline 3.2+ calls the api host only.
import { hostForTool, keyFiles, modelFile, resolveStorePath, type FileKeyStore } from '../core/catalogue';
import { t } from '../core/l10n';
import { keyCandidate } from './findKeyCandidates';
import type { SourceContext } from './sourceFiles';
import type { KeyCandidate } from './types';
import { record, text } from './values';

export async function findClineKeys(context: SourceContext): Promise<KeyCandidate[]> {
  if (!context.includeToolFiles) return [];
  // CLINE_DIR moves the whole folder; CLINE_DATA_DIR (the catalogue's override) only its data.
  const env = { ...context.env, CLINE_DATA_DIR: context.env.CLINE_DATA_DIR || (context.env.CLINE_DIR ? `${context.env.CLINE_DIR}/data` : undefined) };
  const where = (store: FileKeyStore) => resolveStorePath(store, context.home, env)!;
  // Cline 4's providers.json first, then the files Cline 3 mirrored its secret storage and state to.
  return [
    ...await fromProvidersFile(context, where(keyFiles('cline', '4.0.0')[0]!)),
    ...await fromSecretsFile(context, where(keyFiles('cline', '3.2.0')[0]!), where(modelFile('cline', '3.2.0')!)),
  ];
}

async function fromProvidersFile(context: SourceContext, file: string): Promise<KeyCandidate[]> {
  const settings = record(record(record(record(await context.files.readJson(file))?.providers)?.mistral)?.settings);
  const key = text(settings?.apiKey);
  if (!settings || !key) return [];
  const model = text(settings.model);
  const apiBase = text(settings.baseUrl);
  return [keyCandidate(key, {
    id: 'cline', tool: 'cline', path: file, line: await context.files.lineOf(file, key),
    label: label(context.files.display(file), model),
    model, target: hostForTool('cline', model, null, apiBase), apiBase, alsoReads: [],
  })];
}

async function fromSecretsFile(context: SourceContext, secretsFile: string, stateFile: string): Promise<KeyCandidate[]> {
  const key = text(record(await context.files.readJson(secretsFile))?.mistralApiKey);
  if (!key) return [];
  const model = mistralModel(record(await context.files.readJson(stateFile)));
  return [keyCandidate(key, {
    id: 'cline', tool: 'cline', path: secretsFile, line: await context.files.lineOf(secretsFile, key),
    label: label(context.files.display(secretsFile), model),
    model, target: hostForTool('cline', model, '3.2.0'), apiBase: null, alsoReads: model ? [stateFile] : [],
  })];
}

function label(shownFile: string, model: string | null): string {
  return model ? t("Cline {0}, model '{1}'", shownFile, model) : t('Cline {0}', shownFile);
}

/** The model Cline 3.x uses in Act mode, when its provider there is Mistral. */
function mistralModel(state: Record<string, unknown> | null): string | null {
  if (!state) return null;
  const provider = text(state.actModeApiProvider) ?? text(state.apiProvider);
  if (provider !== null && provider !== 'mistral') return null;
  return text(state.actModeApiModelId) ?? text(state.apiModelId);
}
