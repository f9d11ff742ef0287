import { describe, expect, it } from 'vitest';
import { mapGet, mapsIn, parseYaml, stringAt, stringsIn, yamlInsertionAfter } from '../../../../src/server/formats/yamlSource';

function parsed(source: string) {
  const result = parseYaml(source);
  if (!result.ok) throw new Error(result.failure.message);
  return result.tree;
}

describe('yamlSource', () => {
  it('gives flow mappings, quoted keys and tagged values their own offsets', () => {
    const source = 'models: [{provider: mistral, "model": \'codestral-latest\'}, {model: !!str 2508}]\n';
    const tree = parsed(source);
    const [first, second] = mapsIn(tree, mapGet(tree, tree.root, 'models'));
    const model = stringAt(tree, first!, 'model', source)!;
    expect(source.slice(model.span.start, model.span.end)).toBe("'codestral-latest'");
    expect(source.slice(model.inner.start, model.inner.end)).toBe('codestral-latest');
    const tagged = stringAt(tree, second!, 'model', source)!;
    expect(tagged.value).toBe('2508');
    expect(source.slice(tagged.span.start, tagged.span.end)).toBe('2508');
    expect(yamlInsertionAfter(first!, 'model', source, '\n')).toBeNull();
  });

  it('skips comments, empty items and block scalars without losing positions', () => {
    const source = 'a: |\n  text\n# comment\nlist:\n  - one # note\n  -\n  - "two"\nb: last\n';
    const tree = parsed(source);
    expect(stringsIn(tree, mapGet(tree, tree.root, 'list'), source).map((value) => source.slice(value.span.start, value.span.end))).toEqual(['one', '"two"']);
    const last = stringAt(tree, tree.root!, 'b', source)!;
    expect(source.slice(last.span.start, last.span.end)).toBe('last');
  });

  it('reports the position of the error', () => {
    const result = parseYaml('a: 1\nb: [1, 2\nc: 3\n');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.failure.span.start).toBeGreaterThan(4);
  });

  it('resolves an alias to the anchored node and gives up on an unknown one', () => {
    const source = 'x: &id codestral-latest\ny: *id\n';
    const tree = parsed(source);
    expect(stringAt(tree, tree.root!, 'y', source)?.span.start).toBe(source.indexOf('codestral'));
    expect(parseYaml('y: *missing\n').ok).toBe(false);
  });
});
