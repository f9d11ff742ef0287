// Continue `config.yaml` (and `.continue/models/*.yaml` blocks): `models[]` items whose provider is
// Mistral, or whose apiBase points at a Mistral host.
import { isMap } from 'yaml';
import type { ConfigEntry, ConfigFacts } from '../configFacts';
import { continueDefaultHost, isMistralHostname } from '../mistralHosts';
import { mapsIn, parseYaml, stringAt, yamlInsertionAfter } from './yamlSource';

export function extractContinueYaml(source: string): ConfigFacts {
  const parsed = parseYaml(source);
  if (!parsed.ok) return { entries: [], parseError: parsed.failure };
  const { document } = parsed;
  if (!isMap(document.contents)) return { entries: [], parseError: null };
  const entries: ConfigEntry[] = [];
  for (const item of mapsIn(document, document.contents.get('models', true))) {
    const provider = stringAt(document, item, 'provider', source);
    const apiBase = stringAt(document, item, 'apiBase', source);
    if (provider?.value !== 'mistral' && !(apiBase && isMistralHostname(apiBase.value))) continue;
    const model = stringAt(document, item, 'model', source);
    entries.push({
      tool: 'continue',
      model,
      apiBase,
      apiBaseField: 'apiBase',
      apiBaseInsertion: yamlInsertionAfter(item, 'model', source),
      convention: 'with-v1',
      apiKey: stringAt(document, item, 'apiKey', source),
      defaultHost: continueDefaultHost(model?.value ?? null),
    });
  }
  return { entries, parseError: null };
}
