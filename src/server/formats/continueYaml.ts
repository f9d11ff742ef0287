// Continue `config.yaml` (and `.continue/models|agents|assistants|configs/*.yaml` blocks): `models[]`
// items whose provider is Mistral, or whose apiBase points at a Mistral host. Merge keys
// (`<<: *defaults`) count as written in the item; an item aliased twice counts once.
import { hostForTool } from '../../core/catalogue';
import type { ConfigEntry, ConfigFacts } from '../configFacts';
import { isUnderMistralDomain } from '../../core/hosts';
import { lineEndOf, mapGet, mapsIn, parseYaml, stringAt, yamlInsertionAfter } from './yamlSource';

export function extractContinueYaml(source: string): ConfigFacts {
  const parsed = parseYaml(source);
  if (!parsed.ok) return { entries: [], parseError: parsed.failure };
  const { tree } = parsed;
  const eol = lineEndOf(source);
  const entries: ConfigEntry[] = [];
  for (const item of mapsIn(tree, mapGet(tree, tree.root, 'models'))) {
    const provider = stringAt(tree, item, 'provider', source);
    const apiBase = stringAt(tree, item, 'apiBase', source);
    if (provider?.value !== 'mistral' && !(apiBase && isUnderMistralDomain(apiBase.value))) continue;
    const model = stringAt(tree, item, 'model', source);
    entries.push({
      tool: 'continue',
      model,
      apiBase,
      apiBaseField: 'apiBase',
      apiBaseInsertion: yamlInsertionAfter(item, 'model', source, eol),
      convention: 'with-v1',
      apiKey: stringAt(tree, item, 'apiKey', source),
      defaultHost: hostForTool('continue', model?.value ?? null),
      referenceSyntax: 'continue-secrets',
      modelChosenByTool: false,
      keyMovable: true,
    });
  }
  return { entries, parseError: null };
}
