// Cline 3.2.13+ sends the key to the api host only. Newer versions mirror their SecretStorage and
// global state to `$CLINE_DATA_DIR` (default `$CLINE_DIR/data`, `~/.cline/data`).
import * as path from 'node:path';
import { t } from '../core/l10n';
import type { SourceContext } from './sourceFiles';
import type { KeyAtSource } from './types';
import { record, text } from './values';

export async function findClineKeys(context: SourceContext): Promise<KeyAtSource[]> {
  if (!context.includeToolFiles) return [];
  const dataDir = context.env.CLINE_DATA_DIR
    || path.join(context.env.CLINE_DIR || path.join(context.home, '.cline'), 'data');
  const secretsFile = path.join(dataDir, 'secrets.json');
  const key = text(record(await context.files.readJson(secretsFile))?.mistralApiKey);
  if (!key) return [];

  const stateFile = path.join(dataDir, 'globalState.json');
  const model = mistralModel(record(await context.files.readJson(stateFile)));
  const shownFile = context.files.display(secretsFile);
  return [{
    key,
    source: {
      id: 'cline', tool: 'cline',
      label: model ? t("Cline {0}, model '{1}'", shownFile, model) : t('Cline {0}', shownFile),
      path: secretsFile, ...(model ? { modelPath: stateFile } : {}),
      model, target: 'api', apiBase: null,
    },
  }];
}

/** The model Cline uses in Act mode, when its provider there is Mistral. */
function mistralModel(state: Record<string, unknown> | null): string | null {
  if (!state) return null;
  const provider = text(state.actModeApiProvider) ?? text(state.apiProvider);
  if (provider !== null && provider !== 'mistral') return null;
  return text(state.actModeApiModelId) ?? text(state.apiModelId);
}
