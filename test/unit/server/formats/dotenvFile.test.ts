import { describe, expect, it } from 'vitest';
import { extractDotenv, readDotenvAssignments } from '../../../../src/server/formats/dotenvFile';

describe('readDotenvAssignments', () => {
  it('reads export prefixes, quotes, comments and CRLF with exact offsets', () => {
    const source = '# keys\r\nexport MISTRAL_API_KEY="abc def" # quoted\r\nCODESTRAL_API_KEY=xyz   # note\r\nEMPTY=\r\nnot a line\r\n';
    const assignments = readDotenvAssignments(source);
    expect(assignments.map((a) => [a.name, a.value.value])).toEqual([
      ['MISTRAL_API_KEY', 'abc def'], ['CODESTRAL_API_KEY', 'xyz'], ['EMPTY', ''],
    ]);
    const [quoted, plain] = assignments;
    expect(source.slice(quoted!.value.span.start, quoted!.value.span.end)).toBe('"abc def"');
    expect(source.slice(plain!.value.span.start, plain!.value.span.end)).toBe('xyz');
  });
});

describe('extractDotenv', () => {
  it('maps MISTRAL_API_KEY to the api host and CODESTRAL_API_KEY to the codestral host', () => {
    const { entries } = extractDotenv('MISTRAL_API_KEY=a\nCODESTRAL_API_KEY=b\nOTHER=c\nMISTRAL_API_KEY=\n');
    expect(entries.map((entry) => [entry.apiKey?.value, entry.defaultHost])).toEqual([['a', 'api'], ['b', 'codestral']]);
  });
});
