// Tabby: `[model.completion.http]` / `[model.chat.http]` with `kind = "mistral/…"` in
// `$TABBY_ROOT/config.toml` (default `~/.tabby`); the host is `api_endpoint`'s.
import { hostForBaseUrl, resolveStorePath, toolFile } from '../core/catalogue';
import { t } from '../core/l10n';
import { keyCandidate } from './findKeyCandidates';
import type { SourceContext } from './sourceFiles';
import type { KeyCandidate } from './types';
import { record, text } from './values';

const MODEL_ROLES = ['completion', 'chat'] as const;

export async function findTabbyKeys(context: SourceContext): Promise<KeyCandidate[]> {
  if (!context.includeToolFiles) return [];
  const configFile = resolveStorePath(toolFile('tabby', 'config.toml'), context.home, context.env)!;
  const models = record(record(await context.files.readToml(configFile))?.model);
  if (!models) return [];
  const shownFile = context.files.display(configFile);
  const found: KeyCandidate[] = [];
  for (const role of MODEL_ROLES) {
    const http = record(record(models[role])?.http);
    const key = text(http?.api_key);
    if (!http || !key || !text(http.kind)?.startsWith('mistral/')) continue;
    const model = text(http.model_name);
    const apiBase = text(http.api_endpoint);
    found.push(keyCandidate(key, {
      id: 'tabby', tool: 'tabby', path: configFile, line: await context.files.lineOf(configFile, key),
      label: model ? t("Tabby {0} ({1}), model '{2}'", shownFile, role, model) : t('Tabby {0} ({1})', shownFile, role),
      model, target: apiBase ? hostForBaseUrl(apiBase) : 'api', apiBase, alsoReads: [],
    }));
  }
  return found;
}
