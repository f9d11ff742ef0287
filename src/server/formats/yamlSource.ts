// Position-keeping YAML reads. `js-yaml` parses (it is an order of magnitude faster than `yaml` on
// big files); its parse-event listener gives each node's offsets, from which this builds a small
// tree. Aliases resolve to the anchored node, so an edit lands where the value is written.
import { load, YAMLException, type State } from 'js-yaml';
import { textValue, type FieldInsertion, type ParseFailure, type TextValue } from '../configFacts';

export interface YamlNode {
  kind: 'scalar' | 'mapping' | 'sequence' | null;
  /** A scalar's value; null for mappings and sequences once their parent is read. */
  value: unknown;
  /** The node's own text (no surrounding whitespace, no `&anchor` / `!tag`): two numbers, not a span object, as a big file has a million nodes. */
  start: number;
  end: number;
  /** Mappings: the values, one per key; sequences: the items that are not empty. */
  children: YamlNode[];
  /** Mappings: the keys as text, and their offsets as start, end pairs (keys need no node of their own). */
  keys: string[] | null;
  keyOffsets: number[] | null;
  anchor: string | null;
  alias: string | null;
}

export interface YamlTree {
  root: YamlNode | null;
  anchors: Map<string, YamlNode>;
  /** What is left of `MERGE_VISIT_BUDGET` for this document. */
  mergeVisitsLeft: number;
}

export type YamlParse = { ok: true; tree: YamlTree } | { ok: false; failure: ParseFailure };

const PROPERTY = /^[&!][^\s,[\]{}]*\s*/;
const ALIAS = /^\*([^\s,[\]{}]+)/;
const WHITESPACE = new Set([' ', '\t', '\r', '\n']);

/** Where the node's own text starts: after surrounding whitespace and its `&anchor` / `!tag` properties. */
function ownStart(source: string, from: number, to: number): number {
  let start = from;
  while (start < to && WHITESPACE.has(source[start]!)) start++;
  while (start < to && (source[start] === '&' || source[start] === '!')) {
    const property = PROPERTY.exec(source.slice(start, Math.min(to, start + 256)));
    if (!property || property[0] === '') break;
    start += property[0].length;
  }
  return start;
}

function ownEnd(source: string, start: number, to: number): number {
  let end = to;
  while (end > start && WHITESPACE.has(source[end - 1]!)) end--;
  return end;
}

/** A key whose value js-yaml did not report: empty, where the key ends. */
function missingValue(at: number): YamlNode {
  return { kind: null, value: null, start: at, end: at, children: NO_CHILDREN, keys: null, keyOffsets: null, anchor: null, alias: null };
}

/** Key, value, key, value… → keys as text with their offsets, and the values alone. */
function splitPairs(map: YamlNode): void {
  const pairs = map.children;
  // Sized up front: an array grown by push keeps room for about 16 more entries, per mapping.
  const count = Math.ceil(pairs.length / 2);
  const keys = new Array<string>(count);
  const keyOffsets = new Array<number>(count * 2);
  const values = new Array<YamlNode>(count);
  for (let pair = 0; pair < count; pair++) {
    const key = pairs[pair * 2]!;
    keys[pair] = String(key.value);
    keyOffsets[pair * 2] = key.start;
    keyOffsets[pair * 2 + 1] = key.end;
    values[pair] = pairs[pair * 2 + 1] ?? missingValue(key.end);
  }
  map.children = values;
  map.keys = keys;
  map.keyOffsets = keyOffsets;
}

/** The line end a file uses, found once per parse (a scan per item made big files quadratic). */
export function lineEndOf(source: string): string {
  return source.includes('\r\n') ? '\r\n' : '\n';
}

const NO_CHILDREN: YamlNode[] = [];

export function parseYaml(source: string): YamlParse {
  // Two parallel stacks (start offsets, children lists made only when a child arrives): a big file
  // has a million nodes, and every object per node is garbage-collector time.
  const starts: number[] = [0];
  const childLists: (YamlNode[] | null)[] = [null];
  const anchors = new Map<string, YamlNode>();
  const listener = (event: 'open' | 'close', state: State): void => {
    if (event === 'open') {
      starts.push(state.position);
      childLists.push(null);
      return;
    }
    const start = starts.pop()!;
    const children = childLists.pop() ?? NO_CHILDREN;
    const anchor = (state as State & { anchor?: string | null }).anchor ?? null;
    const only = children.length === 1 ? children[0]! : null;
    let node: YamlNode;
    // js-yaml reports some nodes twice, nested (items, anchored values): keep the inner one.
    if (only && Object.is(only.value, state.result) && only.kind === state.kind) {
      node = only;
      node.anchor ??= anchor;
    } else {
      const own = ownStart(source, start, state.position);
      node = { kind: state.kind as YamlNode['kind'], value: state.result, start: own, end: ownEnd(source, own, state.position), children, keys: null, keyOffsets: null, anchor, alias: null };
      if (node.kind === 'mapping') splitPairs(node);
      else if (children.length > 1) node.children = children.slice();
    }
    // A collection's own value (js-yaml's object for it) is needed only for the check above: drop it
    // from the children, so the tree does not keep js-yaml's whole result alive.
    for (const child of children) if (child !== node && (child.kind === 'mapping' || child.kind === 'sequence')) child.value = null;
    if (node.kind === null) node.alias = ALIAS.exec(source.slice(node.start, node.end))?.[1] ?? null;
    if (node.anchor) anchors.set(node.anchor, node);
    const top = childLists.length - 1;
    const siblings = childLists[top];
    if (siblings) siblings.push(node);
    else childLists[top] = [node];
  };
  try {
    load(source, { json: true, listener });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    const start = Math.min(error.mark?.position ?? 0, source.length);
    return { ok: false, failure: { message: error.reason, span: { start, end: start + 1 } } };
  }
  return { ok: true, tree: { root: childLists[0]?.[0] ?? null, anchors, mergeVisitsLeft: MERGE_VISIT_BUDGET } };
}

export function resolveNode(tree: YamlTree, node: YamlNode | undefined | null): YamlNode | null {
  if (!node) return null;
  return node.alias ? (tree.anchors.get(node.alias) ?? null) : node;
}

/**
 * How many mappings all `<<` lookups of one document may visit together. Each lookup visits a
 * mapping at most once, and this caps the sum, so merge keys fanning out level after level (a few
 * hundred bytes can ask for 10^12 visits) cost a bounded walk.
 */
export const MERGE_VISIT_BUDGET = 200_000;

/** The value at `key`, looking through `<<` merge keys (`<<: *defaults`, `<<: [*a, *b]`) as YAML does: own keys first, then each merged mapping in order. */
export function mapGet(tree: YamlTree, map: YamlNode | null, key: string): YamlNode | null {
  if (map?.kind !== 'mapping') return null;
  const visited = new Set<YamlNode>();
  const stack: YamlNode[] = [map];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (visited.has(current)) continue;
    if (tree.mergeVisitsLeft <= 0) return null;
    tree.mergeVisitsLeft--;
    visited.add(current);
    const keys = current.keys ?? [];
    const merged: YamlNode[] = [];
    for (let index = 0; index < keys.length; index++) {
      const name = keys[index];
      if (name === key) return resolveNode(tree, current.children[index]);
      if (name === '<<') merged.push(current.children[index]!);
    }
    const sources: YamlNode[] = [];
    for (const source of merged) {
      const resolved = resolveNode(tree, source);
      for (const candidate of resolved?.kind === 'sequence' ? resolved.children : [resolved]) {
        const target = resolveNode(tree, candidate);
        if (target?.kind === 'mapping' && !visited.has(target)) sources.push(target);
      }
    }
    for (let index = sources.length - 1; index >= 0; index--) stack.push(sources[index]!);
  }
  return null;
}

function asText(node: YamlNode | null, source: string): TextValue | null {
  if (node?.kind !== 'scalar' || (typeof node.value !== 'string' && typeof node.value !== 'number')) return null;
  return textValue(String(node.value), node.start, node.end, source);
}

/** The string at `key` of a mapping, with offsets; null when absent or not a string/number scalar. */
export function stringAt(tree: YamlTree, map: YamlNode, key: string, source: string): TextValue | null {
  return asText(mapGet(tree, map, key), source);
}

/** The mappings of a sequence (or the mapping itself), each once: aliases of one anchor count once. */
export function mapsIn(tree: YamlTree, node: YamlNode | null): YamlNode[] {
  const resolved = resolveNode(tree, node);
  if (resolved?.kind === 'mapping') return [resolved];
  if (resolved?.kind !== 'sequence') return [];
  const maps = new Set<YamlNode>();
  for (const item of resolved.children) {
    const map = resolveNode(tree, item);
    if (map?.kind === 'mapping') maps.add(map);
  }
  return [...maps];
}

export function stringsIn(tree: YamlTree, node: YamlNode | null, source: string): TextValue[] {
  const resolved = resolveNode(tree, node);
  const items = resolved?.kind === 'sequence' ? resolved.children : [resolved];
  return items.map((item) => asText(resolveNode(tree, item), source)).filter((value): value is TextValue => value !== null);
}

/** A new `field: value` line after the pair `afterKey` (or the mapping's last pair), same indentation. */
export function yamlInsertionAfter(map: YamlNode, afterKey: string, source: string, eol: string): FieldInsertion | null {
  const keys = map.keys ?? [];
  const offsets = map.keyOffsets ?? [];
  if (source[map.start] === '{' || keys.length === 0) return null;
  let pairIndex = keys.length - 1;
  for (let index = 0; index < keys.length; index++) {
    if (keys[index] === afterKey) pairIndex = index;
  }
  const keyStart = offsets[2 * pairIndex]!;
  const keyEnd = offsets[2 * pairIndex + 1]!;
  const valueNode = map.children[pairIndex];
  const lineStart = source.lastIndexOf('\n', keyStart - 1) + 1;
  const valueEnd = valueNode && valueNode.end > keyStart ? valueNode.end : keyEnd;
  const newline = source.indexOf('\n', Math.max(keyStart, valueEnd - 1));
  const atEnd = newline === -1;
  return { offset: atEnd ? source.length : newline + 1, render: lineRenderer(keyStart - lineStart, eol, atEnd) };
}

const renderers = new Map<string, FieldInsertion['render']>();

/** One renderer per indentation and line end, shared by every item of a big file. */
function lineRenderer(indentWidth: number, eol: string, atEnd: boolean): FieldInsertion['render'] {
  const cacheKey = `${indentWidth}${eol}${atEnd ? 'end' : ''}`;
  let render = renderers.get(cacheKey);
  if (!render) {
    const indent = ' '.repeat(indentWidth);
    render = atEnd ? (field, value) => `${eol}${indent}${field}: ${value}` : (field, value) => `${indent}${field}: ${value}${eol}`;
    renderers.set(cacheKey, render);
  }
  return render;
}

/** Whether the scalar starting at `offset` sits in a flow collection (`{…}`, `[…]`), where `{`, `}` and `,` end a plain scalar. */
export function inFlowCollection(tree: YamlTree, source: string, offset: number): boolean {
  let node = tree.root;
  while (node && (node.kind === 'mapping' || node.kind === 'sequence')) {
    if (source[node.start] === '{' || source[node.start] === '[') return true;
    node = node.children.find((child) => child.start <= offset && offset < Math.max(child.end, child.start + 1)) ?? null;
  }
  return false;
}
