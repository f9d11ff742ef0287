// Tabby `~/.tabby/config.toml`: `[model.<role>.http]` tables with `kind = "mistral/…"`.
import { emptyEntry, type ConfigEntry, type ConfigFacts } from '../configFacts';
import { isUnderMistralDomain, mistralHostOf } from '../../core/hosts';
import { parseToml } from './tomlSource';

export function extractTabbyToml(source: string): ConfigFacts {
  const parsed = parseToml(source);
  if (!parsed.ok) return { entries: [], parseError: parsed.failure };
  const entries: ConfigEntry[] = [];
  for (const table of parsed.tables) {
    if (!table.path.startsWith('model.')) continue;
    const kind = table.strings.get('kind');
    const apiBase = table.strings.get('api_endpoint') ?? null;
    if (!kind?.value.startsWith('mistral/') && !(apiBase && isUnderMistralDomain(apiBase.value))) continue;
    entries.push({
      ...emptyEntry('tabby', 'either'),
      model: table.strings.get('model_name') ?? null,
      apiBase,
      apiBaseField: 'api_endpoint',
      apiBaseInsertion: table.insertion,
      apiKey: table.strings.get('api_key') ?? null,
      defaultHost: apiBase ? mistralHostOf(apiBase.value) : null,
    });
  }
  return { entries, parseError: null };
}
