// What a format module extracts from one config file: the Mistral-related values with their
// offsets. Rules only ever see these facts, never the format.
import type { Target } from '../core/diagnosis';

export interface Span {
  start: number;
  end: number;
}

/** A scalar as written: `span` covers the whole token (quotes included), `inner` its characters. */
export interface TextValue {
  value: string;
  span: Span;
  inner: Span;
}

/** The tool whose conventions decide where a key goes and what a base URL looks like. */
export type ConfigTool = 'continue' | 'litellm' | 'vibe' | 'tabby' | 'vscode' | 'dotenv';

/** Continue, litellm and Vibe write base URLs with `/v1`; the SDK (this extension's settings) without. */
export type BaseUrlConvention = 'with-v1' | 'without-v1' | 'either';

/** Text to add a field next to the others of the same entry (e.g. an `apiBase` line). */
export interface FieldInsertion {
  offset: number;
  render: (field: string, value: string) => string;
}

/** One place that configures a Mistral model and/or key: a Continue `models[]` item, a Tabby table… */
export interface ConfigEntry {
  tool: ConfigTool;
  model: TextValue | null;
  apiBase: TextValue | null;
  /** The name of the base-URL field in this format (`apiBase`, `api_endpoint`…). */
  apiBaseField: string | null;
  apiBaseInsertion: FieldInsertion | null;
  convention: BaseUrlConvention;
  apiKey: TextValue | null;
  /** The host this entry sends its key to when no base URL overrides it (`auto`: the tool probes); null when unknown. */
  defaultHost: Target | null;
  /** How the tool expands a reference in the key field: Continue YAML only `${{ … }}`, Continue JSON nothing. */
  referenceSyntax: ReferenceSyntax;
  /** The tool itself wrote this model id (e.g. Mistral Vibe's own default alias): not a user's choice to question. */
  modelChosenByTool: boolean;
  /** The "move the key to .env" fix applies (the format can reference a secret). */
  keyMovable: boolean;
}

export type ReferenceSyntax = 'continue-secrets' | 'none' | 'environment';

export interface ParseFailure {
  message: string;
  span: Span;
}

export interface ConfigFacts {
  entries: ConfigEntry[];
  parseError: ParseFailure | null;
}

export function textValue(value: string, start: number, end: number, source: string): TextValue {
  const first = source[start];
  const quoted = end - start >= 2 && (first === '"' || first === "'") && source[end - 1] === first;
  const span = { start, end };
  // Unquoted, the characters are the token: one span object serves both (big files have many values).
  return { value, span, inner: quoted ? { start: start + 1, end: end - 1 } : span };
}

/** A sub-range of a written value (e.g. the id after `mistral/`), when the value is written verbatim. */
export function subValue(whole: TextValue, from: number, source: string): TextValue | null {
  const written = source.slice(whole.inner.start, whole.inner.end);
  if (written !== whole.value) return null;
  const start = whole.inner.start + from;
  return { value: whole.value.slice(from), span: { start, end: whole.inner.end }, inner: { start, end: whole.inner.end } };
}

export function emptyEntry(tool: ConfigTool, convention: BaseUrlConvention): ConfigEntry {
  return {
    tool, model: null, apiBase: null, apiBaseField: null, apiBaseInsertion: null, convention, apiKey: null,
    defaultHost: null, referenceSyntax: 'environment', modelChosenByTool: false, keyMovable: false,
  };
}
