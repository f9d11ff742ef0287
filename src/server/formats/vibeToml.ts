// Mistral Vibe `~/.vibe/config.toml`: `[[providers]]` (api_base, optional api_key) and `[[models]]`
// (name, provider). Vibe speaks to the api host; its api_base carries `/v1`.
import { isToolDefaultAlias } from '../../core/catalogue';
import { emptyEntry, type ConfigEntry, type ConfigFacts, type TextValue } from '../configFacts';
import { isUnderMistralDomain, mistralHostOf } from '../../core/hosts';
import { parseToml, type TomlTable } from './tomlSource';

export function extractVibeToml(source: string): ConfigFacts {
  const parsed = parseToml(source);
  if (!parsed.ok) return { entries: [], parseError: parsed.failure };
  const providers = parsed.tables.filter((table) => /^providers\.\d+$/.test(table.path));
  const mistralProviders = new Set<string>(['mistral']);
  const entries: ConfigEntry[] = [];
  for (const provider of providers) {
    const apiBase = provider.strings.get('api_base') ?? null;
    const name = provider.strings.get('name')?.value;
    const isMistral = name === 'mistral' || provider.strings.get('backend')?.value === 'mistral'
      || (apiBase !== null && isUnderMistralDomain(apiBase.value));
    if (!isMistral) continue;
    if (name) mistralProviders.add(name);
    entries.push(providerEntry(provider, apiBase));
  }
  for (const table of parsed.tables.filter((candidate) => /^models\.\d+$/.test(candidate.path))) {
    const provider = table.strings.get('provider')?.value ?? 'mistral';
    const model = table.strings.get('name');
    if (model && mistralProviders.has(provider)) {
      entries.push({ ...emptyEntry('vibe', 'with-v1'), model, defaultHost: 'api', modelChosenByTool: isToolDefaultAlias('vibe', model.value) });
    }
  }
  return { entries, parseError: null };
}

function providerEntry(provider: TomlTable, apiBase: TextValue | null): ConfigEntry {
  return {
    ...emptyEntry('vibe', 'with-v1'),
    apiBase,
    apiBaseField: 'api_base',
    apiBaseInsertion: provider.insertion,
    apiKey: provider.strings.get('api_key') ?? null,
    defaultHost: apiBase ? mistralHostOf(apiBase.value) : 'api',
  };
}
