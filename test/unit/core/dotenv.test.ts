import { describe, expect, it } from 'vitest';
import { dotenvValues, lineOf, readDotenv } from '../../../src/core/dotenv';

describe('readDotenv, Node dotenv rules (Continue)', () => {
  const node = (text: string) => dotenvValues(text, 'node');

  it('reads plain, exported, spaced and colon assignments', () => {
    expect(node('A=1\nB =  two  \n  C= three')).toEqual({ A: '1', B: 'two', C: 'three' });
    expect(node('export MISTRAL_API_KEY=abc\nexport   OTHER=x')).toEqual({ MISTRAL_API_KEY: 'abc', OTHER: 'x' });
    expect(node('A: 1')).toEqual({ A: '1' });
  });

  it('cuts an unquoted value at # (abc#def reads abc), keeps # inside quotes', () => {
    expect(node('# MISTRAL_API_KEY=old\nKEY=value # note\nHASH=a#b')).toEqual({ KEY: 'value', HASH: 'a' });
    expect(node(`A="x # y" # note\nB=' padded '\nC=\`tick\``)).toEqual({ A: 'x # y', B: ' padded ', C: 'tick' });
  });

  it('expands \\n in double quotes only, keeps escaped quotes as written, reads multi-line values', () => {
    expect(node(`A="l1\\nl2"\nB='l1\\nl2'`)).toEqual({ A: 'l1\nl2', B: 'l1\\nl2' });
    expect(node('A="say \\"hi\\""')).toEqual({ A: 'say \\"hi\\"' });
    expect(node('A="first\nsecond"\nB=after')).toEqual({ A: 'first\nsecond', B: 'after' });
  });

  it('reads CRLF and CR line ends, an unclosed quote as text, skips what is not an assignment', () => {
    expect(node('A=1\r\nB="two"\r\nC=3\rD=4')).toEqual({ A: '1', B: 'two', C: '3', D: '4' });
    expect(node('A="open\nB=2')).toEqual({ A: '"open', B: '2' });
    expect(node('A=1\nnot an assignment\nbad key=2\n=3\nA=4')).toEqual({ A: '4' });
    expect(node('A=\nB=""')).toEqual({ A: '', B: '' });
  });
});

describe('readDotenv, python-dotenv rules (Vibe, aider, litellm)', () => {
  const python = (text: string) => dotenvValues(text, 'python');

  it('keeps # without a space before it (abc#def reads abc#def); " #" starts a comment', () => {
    expect(python('KEY=abc#def\nB=x # note')).toEqual({ KEY: 'abc#def', B: 'x' });
  });

  it('decodes escapes in double quotes, \\\' in single quotes; no backtick quoting', () => {
    expect(python('A="say \\"hi\\"\\n"\nB=\'it\\\'s\'\nC=`tick`')).toEqual({ A: 'say "hi"\n', B: "it's", C: '`tick`' });
  });

  it('reads multi-line quoted values and skips a line with text after the closing quote', () => {
    expect(python('A="first\nsecond"\nB="x" y\nC=3')).toEqual({ A: 'first\nsecond', C: '3' });
  });

  it('reads export, CRLF and empty values', () => {
    expect(python('export A=1\r\nB=\r\nC=""')).toEqual({ A: '1', B: '', C: '' });
  });
});

describe('offsets and lines', () => {
  it('gives each value its written span and the 1-based line of its name', () => {
    const text = '# comment\r\nOTHER=1\r\nMISTRAL_API_KEY="abcd"\r\n';
    const [other, key] = readDotenv(text, 'python');
    expect(other).toMatchObject({ name: 'OTHER', line: 2 });
    expect(key).toMatchObject({ name: 'MISTRAL_API_KEY', value: 'abcd', quote: '"', line: 3 });
    expect(text.slice(key!.start, key!.end)).toBe('"abcd"');
    expect(lineOf('a\rb\nc', 4)).toBe(3);
  });

  it('skips a byte-order mark', () => {
    expect(readDotenv('\uFEFFA=1', 'node')[0]).toMatchObject({ name: 'A', value: '1', start: 3, line: 1 });
  });
});
