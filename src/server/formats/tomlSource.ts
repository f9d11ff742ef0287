// Position-keeping reads over a `toml-eslint-parser` AST: tables (standard and array-of-tables)
// with their string values and where to add a key.
import { parseTOML, type AST } from 'toml-eslint-parser';
import { textValue, type FieldInsertion, type ParseFailure, type TextValue } from '../configFacts';

export interface TomlTable {
  /** Resolved path, e.g. `model.completion.http` or `providers.0`. */
  path: string;
  strings: Map<string, TextValue>;
  insertion: FieldInsertion;
}

export type TomlParse = { ok: true; tables: TomlTable[] } | { ok: false; failure: ParseFailure };

export function parseToml(source: string): TomlParse {
  let program: AST.TOMLProgram;
  try {
    program = parseTOML(source);
  } catch (error) {
    const index = typeof (error as { index?: unknown }).index === 'number' ? Math.min((error as { index: number }).index, source.length) : 0;
    // From the parser's offset to the end of that line: on a header, the header; never into the next line.
    const lineStart = source.lastIndexOf('\n', index - 1) + 1;
    const onHeader = source.slice(lineStart, index).trimStart().startsWith('[');
    const start = onHeader ? lineStart + (source.slice(lineStart).length - source.slice(lineStart).trimStart().length) : index;
    const newline = source.indexOf('\n', index);
    const end = Math.max(start + 1, (newline === -1 ? source.length : newline) - (source[newline - 1] === '\r' ? 1 : 0));
    return { ok: false, failure: { message: (error as Error).message, span: { start, end } } };
  }
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const topLevel = program.body[0];
  const rootPairs = topLevel.body.filter((node): node is AST.TOMLKeyValue => node.type === 'TOMLKeyValue');
  const tables: TomlTable[] = [tableOf('', rootPairs, 0, source, eol)];
  for (const node of topLevel.body) {
    if (node.type !== 'TOMLTable') continue;
    tables.push(tableOf(node.resolvedKey.join('.'), node.body, node.range[1], source, eol));
  }
  return { ok: true, tables };
}

function tableOf(path: string, pairs: AST.TOMLKeyValue[], headerEnd: number, source: string, eol: string): TomlTable {
  const strings = new Map<string, TextValue>();
  for (const pair of pairs) {
    const value = pair.value;
    if (value.type !== 'TOMLValue' || value.kind !== 'string') continue;
    const name = pair.key.keys.map((key) => (key.type === 'TOMLBare' ? key.name : key.value)).join('.');
    strings.set(name, textValue(value.value, value.range[0], value.range[1], source));
  }
  const last = pairs[pairs.length - 1];
  const after = last ? last.range[1] : headerEnd;
  const newline = source.indexOf('\n', after);
  const insertion: FieldInsertion = newline === -1
    ? { offset: source.length, render: (field, value) => `${eol}${field} = ${JSON.stringify(value)}` }
    : { offset: newline + 1, render: (field, value) => `${field} = ${JSON.stringify(value)}${eol}` };
  return { path, strings, insertion };
}
