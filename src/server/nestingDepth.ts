// How deeply `[`/`{` nest in a JSON, YAML or TOML text, found by one loop (no recursion), so a
// file nested thousands deep is reported as a parse error before a recursive parser overflows the
// stack. Strings and comments are skipped roughly, as their syntax differs: a bracket inside a
// string counts at worst as nesting, and a real config never nests beyond a few dozen levels.

/** Far above any real config; far below where the parsers' recursion overflows (about 3,000). */
export const MAX_NESTING_DEPTH = 200;

export type CommentStyle = 'json' | 'hash';

/** The offset where nesting first exceeds `limit`, or -1. */
export function excessiveNestingAt(source: string, comments: CommentStyle, limit = MAX_NESTING_DEPTH): number {
  let depth = 0;
  let index = 0;
  const length = source.length;
  while (index < length) {
    const char = source.charCodeAt(index);
    if (char === 0x22 /* " */ || (char === 0x27 /* ' */ && comments === 'hash')) {
      index = endOfString(source, index, char);
      continue;
    }
    if (comments === 'hash' && char === 0x23 /* # */) {
      index = endOfLine(source, index);
      continue;
    }
    if (comments === 'json' && char === 0x2f /* / */ && source.charCodeAt(index + 1) === 0x2f) {
      index = endOfLine(source, index);
      continue;
    }
    if (comments === 'json' && char === 0x2f && source.charCodeAt(index + 1) === 0x2a /* * */) {
      const close = source.indexOf('*/', index + 2);
      index = close === -1 ? length : close + 2;
      continue;
    }
    if (char === 0x5b /* [ */ || char === 0x7b /* { */) {
      depth++;
      if (depth > limit) return index;
    } else if ((char === 0x5d || char === 0x7d) && depth > 0) {
      depth--;
    }
    index++;
  }
  return -1;
}

function endOfLine(source: string, from: number): number {
  const newline = source.indexOf('\n', from);
  return newline === -1 ? source.length : newline;
}

/** After the closing quote; a string never runs past its line (YAML/TOML multi-line strings end at worst early). */
function endOfString(source: string, from: number, quote: number): number {
  let index = from + 1;
  while (index < source.length) {
    const char = source.charCodeAt(index);
    if (char === 0x0a) return index;
    if (char === 0x5c /* \ */ && quote === 0x22) {
      index += 2;
      continue;
    }
    if (char === quote) return index + 1;
    index++;
  }
  return index;
}

/** YAML nests by indentation too: the offset of the first line indented more than `limit` columns, or -1. */
export function excessiveIndentationAt(source: string, limit = MAX_NESTING_DEPTH * 4): number {
  let lineStart = 0;
  while (lineStart < source.length) {
    let index = lineStart;
    while (source.charCodeAt(index) === 0x20) index++;
    if (index - lineStart > limit) return lineStart;
    const newline = source.indexOf('\n', index);
    if (newline === -1) return -1;
    lineStart = newline + 1;
  }
  return -1;
}
