import { describe, expect, it } from 'vitest';
import { extractAiderYaml } from '../../../../src/server/formats/aiderYaml';

describe('extractAiderYaml', () => {
  it('reads litellm model strings and keys, pointing inside the written value', () => {
    const source = [
      'model: mistral/codestral-latest',
      'weak-model: codestral/codestral-2501',
      'editor-model: gpt-4o',
      'api-key:',
      '  - mistral=KEY1',
      '  - openai=KEY2',
      'set-env:',
      '  - CODESTRAL_API_KEY=KEY3',
      '',
    ].join('\n');
    const { entries, parseError } = extractAiderYaml(source);
    expect(parseError).toBeNull();
    const slice = (span?: { start: number; end: number }) => (span ? source.slice(span.start, span.end) : null);
    expect(entries.map((entry) => [slice(entry.model?.inner), slice(entry.apiKey?.inner), entry.defaultHost])).toEqual([
      ['codestral-latest', null, 'api'],
      ['codestral-2501', null, 'codestral'],
      [null, 'KEY1', 'api'],
      [null, 'KEY3', 'codestral'],
    ]);
  });

  it('reports broken YAML', () => {
    expect(extractAiderYaml('model: "mistral/codestral-latest\n').parseError).not.toBeNull();
  });
});
