import { describe, expect, it } from 'vitest';
import { parseDotenv } from '../../../src/sources/dotenv';

describe('parseDotenv', () => {
  it('reads plain assignments and trims unquoted values', () => {
    expect(parseDotenv('A=1\nB =  two  \n  C= three')).toEqual({ A: '1', B: 'two', C: 'three' });
  });

  it('accepts the export prefix', () => {
    expect(parseDotenv('export MISTRAL_API_KEY=abc\nexport   OTHER=x')).toEqual({ MISTRAL_API_KEY: 'abc', OTHER: 'x' });
  });

  it('skips comment lines and cuts unquoted values at #', () => {
    expect(parseDotenv('# MISTRAL_API_KEY=old\nKEY=value # note\nHASH=a#b')).toEqual({ KEY: 'value', HASH: 'a' });
  });

  it('keeps # and spaces inside quotes and ignores a comment after the closing quote', () => {
    expect(parseDotenv(`A="x # y" # note\nB=' padded '\nC=\`tick\``)).toEqual({ A: 'x # y', B: ' padded ', C: 'tick' });
  });

  it('expands \\n only inside double quotes', () => {
    expect(parseDotenv(`A="l1\\nl2"\nB='l1\\nl2'`)).toEqual({ A: 'l1\nl2', B: 'l1\\nl2' });
  });

  it('reads a quoted value over several lines', () => {
    expect(parseDotenv('A="first\nsecond"\nB=after')).toEqual({ A: 'first\nsecond', B: 'after' });
  });

  it('treats CRLF and lone CR line ends like LF', () => {
    expect(parseDotenv('A=1\r\nB="two"\r\nC=3\rD=4')).toEqual({ A: '1', B: 'two', C: '3', D: '4' });
  });

  it('keeps an unmatched quote as part of the value', () => {
    expect(parseDotenv(`A="open\nB=2`)).toEqual({ A: '"open', B: '2' });
  });

  it('does not end a double-quoted value at an escaped quote', () => {
    expect(parseDotenv('A="say \\"hi\\""')).toEqual({ A: 'say \\"hi\\"' });
  });

  it('lets the last assignment win and ignores lines that are not assignments', () => {
    expect(parseDotenv('A=1\nnot an assignment\nbad key=2\n=3\nA=4')).toEqual({ A: '4' });
  });

  it('keeps an empty value as empty', () => {
    expect(parseDotenv('A=\nB=""')).toEqual({ A: '', B: '' });
  });
});
