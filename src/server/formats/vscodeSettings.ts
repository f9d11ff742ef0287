// VS Code `settings.json`: this extension's own settings (model ids and SDK-style base URLs).
import type { HostId } from '../../core/diagnosis';
import { emptyEntry, type ConfigEntry, type ConfigFacts } from '../configFacts';
import { jsonStringAt, parseJsonc } from './jsoncSource';

const MODEL_SETTINGS = ['mistralKeyDoctor.model', 'mistralKeyDoctor.preferredCodestralModel'];
const BASE_URL_SETTINGS: Record<string, HostId> = {
  'mistralKeyDoctor.apiBaseUrl': 'api',
  'mistralKeyDoctor.codestralBaseUrl': 'codestral',
};

export function extractVscodeSettings(source: string): ConfigFacts {
  const parsed = parseJsonc(source);
  if (!parsed.ok) return { entries: [], parseError: parsed.failure };
  const { root } = parsed;
  if (root?.type !== 'object') return { entries: [], parseError: null };
  const entries: ConfigEntry[] = [];
  for (const setting of MODEL_SETTINGS) {
    const model = jsonStringAt(root, setting, source);
    if (model && model.value !== '') entries.push({ ...emptyEntry('vscode', 'without-v1'), model });
  }
  for (const [setting, host] of Object.entries(BASE_URL_SETTINGS)) {
    const apiBase = jsonStringAt(root, setting, source);
    if (apiBase && apiBase.value !== '') {
      entries.push({ ...emptyEntry('vscode', 'without-v1'), apiBase, apiBaseField: setting, defaultHost: host });
    }
  }
  return { entries, parseError: null };
}
