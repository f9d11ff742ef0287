import { describe, expect, it } from 'vitest';
import { findEnvironmentKeys } from '../../../src/sources/environment';
import { KEY_A, KEY_B } from './tree';

describe('findEnvironmentKeys', () => {
  it('finds MISTRAL_API_KEY for the api host and CODESTRAL_API_KEY for the codestral host', () => {
    expect(findEnvironmentKeys({ MISTRAL_API_KEY: KEY_A, CODESTRAL_API_KEY: KEY_B, PATH: '/bin' })).toMatchObject([
      { key: KEY_A, source: { id: 'env', tool: 'other', label: 'Environment variable MISTRAL_API_KEY', model: null, target: 'api', apiBase: null } },
      { key: KEY_B, source: { id: 'env', tool: 'other', label: 'Environment variable CODESTRAL_API_KEY', model: null, target: 'codestral', apiBase: null } },
    ]);
  });

  it('keeps a key as found, spaces included, and skips empty variables', () => {
    expect(findEnvironmentKeys({ MISTRAL_API_KEY: ` ${KEY_A}\n`, CODESTRAL_API_KEY: '' }).map((f) => f.key)).toEqual([` ${KEY_A}\n`]);
  });
});
