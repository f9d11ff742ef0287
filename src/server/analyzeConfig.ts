// One pass over one config document: parse with the format's own parser, then every rule. A file
// that does not parse (or nests too deeply to parse safely) gets one finding at the error and
// nothing else. A UTF-8 byte-order mark is set aside before parsing and every offset moved past it.
// Findings are de-duplicated by place and code, and capped per document with one summary.
import { MAX_CONFIG_FILE_CHARACTERS, MAX_TOML_VALUES } from '../core/defaults';
import { stripControlCharacters } from '../core/hostText';
import { t } from '../core/l10n';
import type { ConfigFacts, ParseFailure, Span, TextValue } from './configFacts';
import { extractFacts, type DocumentKind } from './documentKinds';
import { excessiveIndentationAt, excessiveNestingAt, MAX_NESTING_DEPTH } from './nestingDepth';
import { baseUrlFindings } from './rules/baseUrlRules';
import type { Finding, RuleContext } from './rules/finding';
import { keyFindings } from './rules/keyRules';
import { modelFindings } from './rules/modelRules';

export interface ConfigAnalysis {
  facts: ConfigFacts;
  findings: Finding[];
}

export const MAX_FINDINGS_PER_DOCUMENT = 100;
const MAX_PARSER_MESSAGE_LENGTH = 200;
const BOM = '\uFEFF';

const COMMENTS: Record<DocumentKind, 'json' | 'hash' | null> = {
  'continue-yaml': 'hash', 'continue-json': 'json', 'continue-dotenv': null, dotenv: null, aider: 'hash', vibe: 'hash', tabby: 'hash', 'vscode-settings': 'json',
};

const TOML_KINDS: ReadonlySet<DocumentKind> = new Set(['vibe', 'tabby']);

export function analyzeConfig(kind: DocumentKind, text: string, ctx: RuleContext): ConfigAnalysis {
  const tooLarge = tooLargeFinding(kind, text);
  if (tooLarge) return { facts: { entries: [], parseError: null }, findings: [tooLarge] };
  const shift = text.startsWith(BOM) ? 1 : 0;
  const source = shift ? text.slice(1) : text;
  const facts = shifted(safeExtract(kind, source), shift);
  if (facts.parseError) {
    const { message, span } = facts.parseError;
    return {
      facts,
      findings: [{ code: 'parse-error', severity: 'error', span, fixes: [],
        message: t('This file does not parse, so no other check ran: {0}', cleanParserMessage(message)) }],
    };
  }
  const findings = [...modelFindings(facts, ctx), ...keyFindings(facts, ctx), ...baseUrlFindings(facts)];
  return { facts, findings: capped(deduplicated(findings)) };
}

/** Above the size limit (or, for TOML, the value count), one finding and no parse at all. */
function tooLargeFinding(kind: DocumentKind, text: string): Finding | null {
  let message: string | null = null;
  if (text.length > MAX_CONFIG_FILE_CHARACTERS) {
    message = t('This file is too large to analyse ({0} KB; the limit is {1} KB), so no check ran.', String(Math.ceil(text.length / 1024)), String(MAX_CONFIG_FILE_CHARACTERS / 1024));
  } else if (TOML_KINDS.has(kind) && structuralCount(text) > MAX_TOML_VALUES) {
    message = t('This file is too large to analyse (more than {0} tables, arrays and values), so no check ran.', String(MAX_TOML_VALUES));
  }
  return message ? { code: 'file-too-large', severity: 'information', span: { start: 0, end: 0 }, fixes: [], message } : null;
}

/** An upper bound on a TOML file's tables, arrays and values: each starts with `[`, `{` or `=`, or is a list item after `,`. */
function structuralCount(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x5b || code === 0x7b || code === 0x3d || code === 0x2c) count++;
  }
  return count;
}

function safeExtract(kind: DocumentKind, source: string): ConfigFacts {
  const comments = COMMENTS[kind];
  const deep = comments ? excessiveNestingAt(source, comments) : -1;
  const indented = deep === -1 && comments === 'hash' && (kind === 'continue-yaml' || kind === 'aider') ? excessiveIndentationAt(source) : -1;
  const at = deep !== -1 ? deep : indented;
  if (at !== -1) return tooDeep(at);
  try {
    return extractFacts(kind, source);
  } catch (error) {
    // The pre-check keeps parsers far from their recursion limit; this is the last guard.
    if (error instanceof RangeError) return tooDeep(0);
    throw error;
  }
}

function tooDeep(offset: number): ConfigFacts {
  return { entries: [], parseError: { message: t('it nests deeper than {0} levels', String(MAX_NESTING_DEPTH)), span: { start: offset, end: offset + 1 } } };
}

/** Parser messages may quote the file: no control characters, and a sane length. */
export function cleanParserMessage(message: string): string {
  const clean = stripControlCharacters(message.replace(/\s+/g, ' ')).trim();
  return clean.length > MAX_PARSER_MESSAGE_LENGTH ? `${clean.slice(0, MAX_PARSER_MESSAGE_LENGTH - 1)}…` : clean;
}

function moved(span: Span, by: number): Span {
  return { start: span.start + by, end: span.end + by };
}

function movedValue(value: TextValue | null, by: number): TextValue | null {
  return value && { value: value.value, span: moved(value.span, by), inner: moved(value.inner, by) };
}

function shifted(facts: ConfigFacts, by: number): ConfigFacts {
  if (by === 0) return facts;
  const parseError: ParseFailure | null = facts.parseError && { message: facts.parseError.message, span: moved(facts.parseError.span, by) };
  return {
    parseError,
    entries: facts.entries.map((entry) => ({
      ...entry,
      model: movedValue(entry.model, by),
      apiBase: movedValue(entry.apiBase, by),
      apiKey: movedValue(entry.apiKey, by),
      apiBaseInsertion: entry.apiBaseInsertion && { offset: entry.apiBaseInsertion.offset + by, render: entry.apiBaseInsertion.render },
    })),
  };
}

/** One anchor used twice, one value seen by two rules for the same reason: one finding. */
function deduplicated(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.code}@${finding.span.start}-${finding.span.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function capped(findings: Finding[]): Finding[] {
  if (findings.length <= MAX_FINDINGS_PER_DOCUMENT) return findings;
  const shown = findings.slice(0, MAX_FINDINGS_PER_DOCUMENT);
  return [...shown, {
    code: 'too-many-findings', severity: 'information', span: { start: 0, end: 0 }, fixes: [],
    message: t('{0} more findings in this file are not shown: fix the ones above first.', String(findings.length - MAX_FINDINGS_PER_DOCUMENT)),
  }];
}
