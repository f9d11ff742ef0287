// Continue's older `config.json`: `models[]` and `tabAutocompleteModel` (object or array).
import { findNodeAtLocation } from 'jsonc-parser/lib/esm/main.js';
import { hostForTool } from '../../core/catalogue';
import type { ConfigEntry, ConfigFacts } from '../configFacts';
import { isUnderMistralDomain } from '../../core/hosts';
import { jsonInsertionAfter, jsonStringAt, objectsIn, parseJsonc } from './jsoncSource';

export function extractContinueJson(source: string): ConfigFacts {
  const parsed = parseJsonc(source);
  if (!parsed.ok) return { entries: [], parseError: parsed.failure };
  const { root } = parsed;
  if (root?.type !== 'object') return { entries: [], parseError: null };
  const items = [
    ...objectsIn(findNodeAtLocation(root, ['models'])),
    ...objectsIn(findNodeAtLocation(root, ['tabAutocompleteModel'])),
  ];
  const entries: ConfigEntry[] = [];
  for (const item of items) {
    const provider = jsonStringAt(item, 'provider', source);
    const apiBase = jsonStringAt(item, 'apiBase', source);
    if (provider?.value !== 'mistral' && !(apiBase && isUnderMistralDomain(apiBase.value))) continue;
    const model = jsonStringAt(item, 'model', source);
    entries.push({
      tool: 'continue',
      model,
      apiBase,
      apiBaseField: 'apiBase',
      apiBaseInsertion: jsonInsertionAfter(item, 'model', source),
      convention: 'with-v1',
      apiKey: jsonStringAt(item, 'apiKey', source),
      defaultHost: hostForTool('continue', model?.value ?? null),
      // Continue's JSON config sends `apiKey` as written: it has no secrets syntax to move the key to.
      referenceSyntax: 'none',
      modelChosenByTool: false,
      keyMovable: false,
    });
  }
  return { entries, parseError: null };
}
