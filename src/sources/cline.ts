// Cline: 4.x keeps provider settings in `~/.cline/data/settings/providers.json` at
// `providers.mistral.settings.{apiKey, model, baseUrl}`; 3.x mirrored its SecretStorage and global
// state to `secrets.json` and `globalState.json`. The data folder is `$CLINE_DATA_DIR` (default
// `$CLINE_DIR/data`, `~/.cline/data`), as the tools catalogue says. Cline 3.2+ calls the api host only.
import * as path from 'node:path';
import { hostForTool } from '../core/catalogue';
import { t } from '../core/l10n';
import { keyCandidate } from './findKeyCandidates';
import type { SourceContext } from './sourceFiles';
import type { KeyCandidate } from './types';
import { record, text } from './values';

export async function findClineKeys(context: SourceContext): Promise<KeyCandidate[]> {
  if (!context.includeToolFiles) return [];
  const dataDir = context.env.CLINE_DATA_DIR
    || path.join(context.env.CLINE_DIR || path.join(context.home, '.cline'), 'data');
  return [...await fromProvidersFile(context, dataDir), ...await fromSecretsFile(context, dataDir)];
}

async function fromProvidersFile(context: SourceContext, dataDir: string): Promise<KeyCandidate[]> {
  const file = path.join(dataDir, 'settings', 'providers.json');
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

async function fromSecretsFile(context: SourceContext, dataDir: string): Promise<KeyCandidate[]> {
  const secretsFile = path.join(dataDir, 'secrets.json');
  const key = text(record(await context.files.readJson(secretsFile))?.mistralApiKey);
  if (!key) return [];
  const stateFile = path.join(dataDir, 'globalState.json');
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
