import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/cli/args';
import { keyFromEnv, keyFromPipe } from '../../../src/cli/keySource';
import { keyVariableFor } from '../../../src/core/catalogue';

const KEY = 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z';

describe('keyFromEnv', () => {
  it('prefers MISTRAL_API_KEY, then CODESTRAL_API_KEY', () => {
    expect(keyFromEnv({ MISTRAL_API_KEY: KEY, CODESTRAL_API_KEY: 'other' }, null)).toEqual({ rawKey: KEY, source: 'MISTRAL_API_KEY' });
    expect(keyFromEnv({ CODESTRAL_API_KEY: KEY }, null)).toEqual({ rawKey: KEY, source: 'CODESTRAL_API_KEY' });
  });

  it('skips an empty MISTRAL_API_KEY when CODESTRAL_API_KEY holds a key', () => {
    expect(keyFromEnv({ MISTRAL_API_KEY: ' ', CODESTRAL_API_KEY: KEY }, null).source).toBe('CODESTRAL_API_KEY');
  });

  it('keeps the key exactly as set, so hygiene can report stray spaces', () => {
    expect(keyFromEnv({ MISTRAL_API_KEY: ` ${KEY} ` }, null).rawKey).toBe(` ${KEY} `);
  });

  it('reads only the named variable with --key-env', () => {
    expect(keyFromEnv({ WORK: KEY, MISTRAL_API_KEY: 'x' }, 'WORK')).toEqual({ rawKey: KEY, source: 'WORK' });
    expect(() => keyFromEnv({ MISTRAL_API_KEY: KEY }, 'WORK')).toThrow(/WORK is not set/);
  });

  it('explains an empty key and a missing one', () => {
    expect(() => keyFromEnv({ MISTRAL_API_KEY: '\t' }, null)).toThrow(UsageError);
    expect(() => keyFromEnv({ MISTRAL_API_KEY: '\t' }, null)).toThrow(/MISTRAL_API_KEY is empty/);
    expect(() => keyFromEnv({}, null)).toThrow(/neither MISTRAL_API_KEY nor CODESTRAL_API_KEY is set/);
  });
});

describe('the variable the tool really sends', () => {
  const KEY_A = 'Ab3dEf6hIj9lMn2pQr5tUv8xYz1bCd4F';
  const KEY_B = 'Zy9xWv8uTs7rQp6oNm5lKj4iHg3fEd2C';

  it('litellm codestral/…: reads CODESTRAL_API_KEY even when MISTRAL_API_KEY is set, and names it', () => {
    const variable = keyVariableFor('litellm', 'codestral/codestral-2508');
    expect(variable).toBe('CODESTRAL_API_KEY');
    expect(keyFromEnv({ MISTRAL_API_KEY: KEY_A, CODESTRAL_API_KEY: KEY_B }, null, { variable: variable!, tool: 'litellm' }))
      .toEqual({ rawKey: KEY_B, source: 'CODESTRAL_API_KEY' });
  });

  it('says which variable the tool sends when it is not set', () => {
    expect(() => keyFromEnv({ MISTRAL_API_KEY: KEY_A }, null, { variable: 'CODESTRAL_API_KEY', tool: 'litellm' }))
      .toThrow('litellm sends the key in CODESTRAL_API_KEY for this model, and CODESTRAL_API_KEY is not set.');
  });

  it('knows each tool\'s variable: Zed edit predictions CODESTRAL_API_KEY, Vibe MISTRAL_API_KEY, Cline none', () => {
    expect(keyVariableFor('zed', 'codestral-2508')).toBe('CODESTRAL_API_KEY');
    expect(keyVariableFor('zed', 'mistral-medium-3-5')).toBe('MISTRAL_API_KEY');
    expect(keyVariableFor('aider', 'mistral/codestral-2508')).toBe('MISTRAL_API_KEY');
    expect(keyVariableFor('vibe', null)).toBe('MISTRAL_API_KEY');
    expect(keyVariableFor('cline', 'devstral-2512')).toBeNull();
    expect(keyVariableFor('litellm', 'codestral-2508')).toBeNull();
  });
});

describe('oversized values', () => {
  it('refuses a variable far larger than a key, without repeating it', () => {
    expect(() => keyFromEnv({ MISTRAL_API_KEY: 'x'.repeat(70_000) }, null)).toThrow(/MISTRAL_API_KEY holds more than 65536 bytes/);
    expect(() => keyFromEnv({ MY_KEY: 'x'.repeat(70_000) }, 'MY_KEY')).toThrow(UsageError);
  });
});

describe('keyFromPipe', () => {
  it('drops the one line break echo adds, and nothing else', async () => {
    expect(await keyFromPipe(Readable.from([`${KEY}\n`]), 1_000)).toEqual({ rawKey: KEY, source: 'stdin' });
    expect((await keyFromPipe(Readable.from([`${KEY}\r\n`]), 1_000)).rawKey).toBe(KEY);
    expect((await keyFromPipe(Readable.from([` ${KEY} \n\n`]), 1_000)).rawKey).toBe(` ${KEY} \n`);
  });

  it('joins chunks', async () => {
    expect((await keyFromPipe(Readable.from([Buffer.from(KEY.slice(0, 10)), Buffer.from(KEY.slice(10))]), 1_000)).rawKey).toBe(KEY);
  });

  it('gives up on a pipe that never closes, at the timeout, with a usage error', async () => {
    const neverEnds = new PassThrough();
    neverEnds.write(KEY);
    const attempt = keyFromPipe(neverEnds, 200);
    await expect(attempt).rejects.toBeInstanceOf(UsageError);
    await expect(attempt).rejects.toThrow(/within 200 ms: the pipe was never closed/);
    await expect(attempt).rejects.not.toThrow(KEY);
  });

  it('refuses empty input and input far larger than a key', async () => {
    await expect(keyFromPipe(Readable.from(['\n']), 1_000)).rejects.toThrow(/stdin is empty/);
    await expect(keyFromPipe(Readable.from(['x'.repeat(70_000)]), 1_000)).rejects.toThrow(/more than 65536 bytes/);
  });
});
