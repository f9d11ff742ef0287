// Tabby: `[model.completion.http]` / `[model.chat.http]` with `kind = "mistral/…"` in
// `$TABBY_ROOT/config.toml` (default `~/.tabby`); the host is `api_endpoint`'s.
import * as path from 'node:path';
import { t } from '../core/l10n';
import type { SourceContext } from './sourceFiles';
import { targetForBaseUrl } from './targets';
import type { KeyAtSource } from './types';
import { record, text } from './values';

const MODEL_ROLES = ['completion', 'chat'] as const;

export async function findTabbyKeys(context: SourceContext): Promise<KeyAtSource[]> {
  if (!context.includeToolFiles) return [];
  const configFile = path.join(context.env.TABBY_ROOT || path.join(context.home, '.tabby'), 'config.toml');
  const models = record(record(await context.files.readToml(configFile))?.model);
  if (!models) return [];
  const shownFile = context.files.display(configFile);
  return MODEL_ROLES.flatMap((role) => {
    const http = record(record(models[role])?.http);
    const key = text(http?.api_key);
    if (!http || !key || !text(http.kind)?.startsWith('mistral/')) return [];
    const model = text(http.model_name);
    const apiBase = text(http.api_endpoint);
    return [{
      key,
      source: {
        id: 'tabby', tool: 'other',
        label: model ? t("Tabby {0} ({1}), model '{2}'", shownFile, role, model) : t('Tabby {0} ({1})', shownFile, role),
        path: configFile, model, target: apiBase ? targetForBaseUrl(apiBase) : 'auto', apiBase,
      },
    }];
  });
}
