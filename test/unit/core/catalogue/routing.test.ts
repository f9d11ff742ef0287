import { describe, expect, it } from 'vitest';
import { hostForBaseUrl as targetForBaseUrl, hostForKeyVariable as targetForKeyVariable, hostForTool } from '../../../../src/core/catalogue';

const continueTarget = (model: string | null, apiBase: string | null) => hostForTool('continue', model, null, apiBase);

describe('targetForBaseUrl', () => {
  it('knows the api hosts, including the regional ones', () => {
    expect(targetForBaseUrl('https://api.mistral.ai/v1/')).toBe('api');
    expect(targetForBaseUrl('https://api.eu.mistral.ai')).toBe('api');
    expect(targetForBaseUrl(' https://API.US.mistral.ai/v1 ')).toBe('api');
  });

  it('knows the codestral host', () => {
    expect(targetForBaseUrl('https://codestral.mistral.ai/v1/')).toBe('codestral');
  });

  it('answers auto for proxies, loopback and text that is not a URL', () => {
    expect(targetForBaseUrl('https://llm-gateway.example.com/mistral/v1')).toBe('auto');
    expect(targetForBaseUrl('http://127.0.0.1:4000/v1')).toBe('auto');
    expect(targetForBaseUrl('codestral.mistral.ai')).toBe('auto');
  });
});

describe('continueTarget', () => {
  it('lets the key decide for a codestral model with no apiBase (Continue asks the api host first, the Codestral host on a 401)', () => {
    expect(continueTarget('codestral-latest', null)).toBe('auto');
    expect(continueTarget('codestral-2501', null)).toBe('auto');
  });

  it('uses its default model codestral-latest when none is given', () => {
    expect(continueTarget(null, null)).toBe('auto');
  });

  it('lets the key decide for any other Mistral model too: Continue 1.3 autodetects for every model with no apiBase', () => {
    expect(continueTarget('mistral-large-latest', null)).toBe('auto');
    expect(continueTarget('open-codestral-mamba', null)).toBe('auto');
  });

  it('follows apiBase when it is set', () => {
    expect(continueTarget('codestral-latest', 'https://api.mistral.ai/v1')).toBe('api');
    expect(continueTarget('mistral-large-latest', 'https://codestral.mistral.ai/v1')).toBe('codestral');
    expect(continueTarget('codestral-latest', 'http://localhost:8080/v1')).toBe('auto');
  });
});

describe('targetForKeyVariable', () => {
  it('follows the litellm convention', () => {
    expect(targetForKeyVariable('CODESTRAL_API_KEY')).toBe('codestral');
    expect(targetForKeyVariable('MISTRAL_API_KEY')).toBe('api');
  });
});
