// Which config format a document is (from the shared catalogue of config files), and the
// extractor for that format.
import { kindForPath, UNTITLED_LANGUAGES, type DocumentKind } from '../shared/configFiles';
import type { ConfigFacts } from './configFacts';
import type { ParsedUri } from './documentUri';
import { extractAiderYaml } from './formats/aiderYaml';
import { extractContinueJson } from './formats/continueJson';
import { extractContinueYaml } from './formats/continueYaml';
import { extractContinueDotenv, extractDotenv } from './formats/dotenvFile';
import { extractTabbyToml } from './formats/tabbyToml';
import { extractVibeToml } from './formats/vibeToml';
import { extractVscodeSettings } from './formats/vscodeSettings';

export type { DocumentKind } from '../shared/configFiles';

const EXTRACTORS: Record<DocumentKind, (source: string) => ConfigFacts> = {
  'continue-yaml': extractContinueYaml,
  'continue-json': extractContinueJson,
  'continue-dotenv': extractContinueDotenv,
  dotenv: (source) => extractDotenv(source),
  aider: extractAiderYaml,
  vibe: extractVibeToml,
  tabby: extractTabbyToml,
  'vscode-settings': extractVscodeSettings,
};

export function extractFacts(kind: DocumentKind, source: string): ConfigFacts {
  return EXTRACTORS[kind](source);
}

/** The format of a document, from its path, or for an untitled document from its language. */
export function documentKindOf(uri: ParsedUri, languageId = ''): DocumentKind | null {
  if (!uri.ok) return null;
  if (uri.scheme === 'untitled') return UNTITLED_LANGUAGES[languageId] ?? null;
  return kindForPath(uri.scheme, uri.segments);
}
