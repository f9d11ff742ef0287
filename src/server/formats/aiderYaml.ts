// aider's `.aider.conf.yml`: litellm model strings (`mistral/…` → api host, `codestral/…` →
// codestral host) and keys given as `api-key: [mistral=…]` or `set-env: [<key variable>=…]`.
import { HOST_OF_KEY_VARIABLE } from '../../core/catalogue/keyVariables';
import type { HostId } from '../../core/diagnosis';
import { emptyEntry, subValue, type ConfigEntry, type ConfigFacts } from '../configFacts';
import { mapGet, parseYaml, stringsIn } from './yamlSource';

const MODEL_OPTIONS = ['model', 'editor-model', 'weak-model'];
const PROVIDER_HOSTS: Record<string, HostId> = { mistral: 'api', codestral: 'codestral' };
const ENV_HOSTS: Readonly<Record<string, HostId>> = HOST_OF_KEY_VARIABLE;

export function extractAiderYaml(source: string): ConfigFacts {
  const parsed = parseYaml(source);
  if (!parsed.ok) return { entries: [], parseError: parsed.failure };
  const { tree } = parsed;
  const entries: ConfigEntry[] = [];
  for (const option of MODEL_OPTIONS) {
    for (const written of stringsIn(tree, mapGet(tree, tree.root, option), source)) {
      const slash = written.value.indexOf('/');
      const host = PROVIDER_HOSTS[written.value.slice(0, slash)];
      const model = slash > 0 && host ? subValue(written, slash + 1, source) : null;
      if (host && model) entries.push({ ...emptyEntry('litellm', 'with-v1'), model, defaultHost: host });
    }
  }
  const keyLists: [string, Record<string, HostId>][] = [['api-key', PROVIDER_HOSTS], ['set-env', ENV_HOSTS]];
  for (const [option, hosts] of keyLists) {
    for (const written of stringsIn(tree, mapGet(tree, tree.root, option), source)) {
      const equals = written.value.indexOf('=');
      const host = hosts[written.value.slice(0, equals).trim()];
      const apiKey = equals > 0 && host ? subValue(written, equals + 1, source) : null;
      if (host && apiKey) entries.push({ ...emptyEntry('litellm', 'with-v1'), apiKey, defaultHost: host });
    }
  }
  return { entries, parseError: null };
}
