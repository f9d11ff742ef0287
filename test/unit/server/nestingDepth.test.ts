import { describe, expect, it } from 'vitest';
import { excessiveIndentationAt, excessiveNestingAt } from '../../../src/server/nestingDepth';

describe('excessiveNestingAt', () => {
  it('finds the offset where nesting passes the limit, without recursion, at any depth', () => {
    expect(excessiveNestingAt('[[[]]]', 'json', 2)).toBe(2);
    expect(excessiveNestingAt('[[]]', 'json', 2)).toBe(-1);
    expect(excessiveNestingAt(`${'['.repeat(1_000_000)}`, 'json')).toBe(200);
  });

  it('does not count brackets in strings or comments', () => {
    expect(excessiveNestingAt('{"a": "[[[[", // [[[[\n /* {{{{ */ "b": 1}', 'json', 2)).toBe(-1);
    expect(excessiveNestingAt("a: '[[[['\nb: \"{{{{\" # [[[[\n", 'hash', 2)).toBe(-1);
    expect(excessiveNestingAt('a = "\\"[[[["\n', 'hash', 2)).toBe(-1);
  });

  it('finds YAML nested by indentation alone', () => {
    expect(excessiveIndentationAt('a:\n  b:\n    c: 1\n', 3)).toBe(8);
    expect(excessiveIndentationAt('a:\n  b: 1\n', 3)).toBe(-1);
  });
});
