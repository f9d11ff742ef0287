// Position-keeping reads over a `jsonc-parser` tree (comments and trailing commas allowed).
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import { textValue, type FieldInsertion, type ParseFailure, type TextValue } from '../configFacts';

export type JsoncParse = { ok: true; root: Node | undefined } | { ok: false; failure: ParseFailure };

export function parseJsonc(source: string): JsoncParse {
  const errors: ParseError[] = [];
  const root = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false });
  const error = errors[0];
  if (error) {
    return {
      ok: false,
      failure: { message: printParseErrorCode(error.error), span: { start: error.offset, end: error.offset + Math.max(error.length, 1) } },
    };
  }
  return { ok: true, root };
}

export function jsonStringAt(object: Node, key: string, source: string): TextValue | null {
  const node = findNodeAtLocation(object, [key]);
  if (!node || (node.type !== 'string' && node.type !== 'number')) return null;
  return textValue(String(node.value), node.offset, node.offset + node.length, source);
}

export function objectsIn(node: Node | undefined): Node[] {
  if (!node) return [];
  if (node.type === 'object') return [node];
  if (node.type === 'array') return (node.children ?? []).filter((child) => child.type === 'object');
  return [];
}

/** A new `"field": "value"` property after the property `afterKey` (or the object's last one). */
export function jsonInsertionAfter(object: Node, afterKey: string, source: string): FieldInsertion | null {
  const properties = object.children ?? [];
  const property = properties.find((child) => child.children?.[0]?.value === afterKey) ?? properties[properties.length - 1];
  if (!property) return null;
  const lineStart = source.lastIndexOf('\n', property.offset - 1) + 1;
  const leading = source.slice(lineStart, property.offset);
  const indent = /^[ \t]*$/.test(leading) ? leading : '';
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const offset = property.offset + property.length;
  const separator = indent === '' ? ' ' : `${eol}${indent}`;
  return { offset, render: (field, value) => `,${separator}${JSON.stringify(field)}: ${JSON.stringify(value)}` };
}
