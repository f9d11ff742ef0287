// Which config format a document is, from its path alone, and the extractor for that format.
import type { ConfigFacts } from './configFacts';
import { extractAiderYaml } from './formats/aiderYaml';
import { extractContinueJson } from './formats/continueJson';
import { extractContinueYaml } from './formats/continueYaml';
import { extractDotenv } from './formats/dotenvFile';
import { extractTabbyToml } from './formats/tabbyToml';
import { extractVibeToml } from './formats/vibeToml';
import { extractVscodeSettings } from './formats/vscodeSettings';

export type DocumentKind =
  | 'continue-yaml' | 'continue-json' | 'dotenv' | 'aider' | 'vibe' | 'tabby' | 'vscode-settings';

const EXTRACTORS: Record<DocumentKind, (source: string) => ConfigFacts> = {
  'continue-yaml': extractContinueYaml,
  'continue-json': extractContinueJson,
  dotenv: extractDotenv,
  aider: extractAiderYaml,
  vibe: extractVibeToml,
  tabby: extractTabbyToml,
  'vscode-settings': extractVscodeSettings,
};

export function extractFacts(kind: DocumentKind, source: string): ConfigFacts {
  return EXTRACTORS[kind](source);
}

function pathSegments(uri: string): { scheme: string; segments: string[] } {
  try {
    const url = new URL(uri);
    return { scheme: url.protocol.slice(0, -1), segments: decodeURIComponent(url.pathname).split(/[\\/]/) };
  } catch {
    return { scheme: '', segments: uri.split(/[\\/]/) };
  }
}

export function documentKindOf(uri: string): DocumentKind | null {
  const { scheme, segments } = pathSegments(uri);
  const name = segments[segments.length - 1] ?? '';
  const parent = segments[segments.length - 2] ?? '';
  const grandparent = segments[segments.length - 3] ?? '';
  if (parent === '.continue' && name === 'config.yaml') return 'continue-yaml';
  if (grandparent === '.continue' && parent === 'models' && /\.ya?ml$/.test(name)) return 'continue-yaml';
  if (parent === '.continue' && name === 'config.json') return 'continue-json';
  if (name === '.env' || name.startsWith('.env.')) return 'dotenv';
  if (name === '.aider.conf.yml' || name === '.aider.conf.yaml') return 'aider';
  if (parent === '.vibe' && name === 'config.toml') return 'vibe';
  if (parent === '.tabby' && name === 'config.toml') return 'tabby';
  if (name === 'settings.json' && (parent === '.vscode' || parent === 'User' || scheme === 'vscode-userdata')) return 'vscode-settings';
  return null;
}
