// Position-keeping reads over a `yaml` Document: scalars with their offsets (aliases resolved to the
// anchored node, so an edit lands where the value is written) and places to insert a sibling field.
import { Alias, isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node, type YAMLMap } from 'yaml';
import { textValue, type FieldInsertion, type ParseFailure, type TextValue } from '../configFacts';

export type YamlParse = { ok: true; document: Document } | { ok: false; failure: ParseFailure };

export function parseYaml(source: string): YamlParse {
  const document = parseDocument(source, { prettyErrors: false, keepSourceTokens: false, uniqueKeys: false });
  const error = document.errors[0];
  if (error) {
    const [start, end] = error.pos;
    return { ok: false, failure: { message: error.message.split('\n')[0] ?? error.message, span: { start, end: Math.max(end, start + 1) } } };
  }
  return { ok: true, document };
}

export function resolveNode(document: Document, node: unknown): Node | null {
  let current = node;
  for (let hops = 0; isAlias(current) && hops < 32; hops++) current = (current as Alias).resolve(document);
  return current && typeof current === 'object' ? (current as Node) : null;
}

/** The string at `key` of a map, with offsets; null when absent or not a string/number scalar. */
export function stringAt(document: Document, map: YAMLMap, key: string, source: string): TextValue | null {
  const node = resolveNode(document, map.get(key, true));
  if (!isScalar(node) || !node.range) return null;
  if (typeof node.value !== 'string' && typeof node.value !== 'number') return null;
  return textValue(String(node.value), node.range[0], node.range[1], source);
}

export function mapsIn(document: Document, node: unknown): YAMLMap[] {
  const resolved = resolveNode(document, node);
  if (isMap(resolved)) return [resolved];
  if (!isSeq(resolved)) return [];
  return resolved.items.map((item) => resolveNode(document, item)).filter((item): item is YAMLMap => isMap(item));
}

export function stringsIn(document: Document, node: unknown, source: string): TextValue[] {
  const resolved = resolveNode(document, node);
  const items = isSeq(resolved) ? resolved.items : [resolved];
  const values: TextValue[] = [];
  for (const item of items) {
    const scalar = resolveNode(document, item);
    if (isScalar(scalar) && scalar.range && typeof scalar.value === 'string') {
      values.push(textValue(scalar.value, scalar.range[0], scalar.range[1], source));
    }
  }
  return values;
}

/** A new `field: value` line after the pair `afterKey` (or the map's last pair), same indentation. */
export function yamlInsertionAfter(map: YAMLMap, afterKey: string, source: string): FieldInsertion | null {
  if (map.flow || map.items.length === 0) return null;
  const pair = map.items.find((item) => isScalar(item.key) && item.key.value === afterKey) ?? map.items[map.items.length - 1];
  const keyNode = pair?.key;
  if (!isScalar(keyNode) || !keyNode.range) return null;
  const keyStart = keyNode.range[0];
  const lineStart = source.lastIndexOf('\n', keyStart - 1) + 1;
  const indent = ' '.repeat(keyStart - lineStart);
  const valueNode = pair?.value as Node | null | undefined;
  const valueEnd = valueNode?.range ? valueNode.range[1] : keyNode.range[1];
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  const newline = source.indexOf('\n', Math.max(keyStart, valueEnd - 1));
  if (newline === -1) {
    return { offset: source.length, render: (field, value) => `${eol}${indent}${field}: ${value}` };
  }
  return { offset: newline + 1, render: (field, value) => `${indent}${field}: ${value}${eol}` };
}
