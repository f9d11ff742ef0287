import { describe, expect, it } from 'vitest';
import { baseUrlFor, continueDefaultHost, hostOfBaseUrl, isMistralHostname } from '../../../src/server/mistralHosts';

describe('mistralHosts', () => {
  it('names the host a base URL sends keys to', () => {
    expect(hostOfBaseUrl('https://codestral.mistral.ai/v1')).toBe('codestral');
    expect(hostOfBaseUrl('https://api.eu.mistral.ai')).toBe('api');
    expect(hostOfBaseUrl('http://127.0.0.1:9000')).toBeNull();
    expect(hostOfBaseUrl('not a url')).toBeNull();
    expect(isMistralHostname('https://api.mistral.ai')).toBe(true);
    expect(isMistralHostname('https://mistral.example.com')).toBe(false);
  });

  it('knows where Continue sends a model with no apiBase and the URL form each tool wants', () => {
    expect(continueDefaultHost('Codestral-2508')).toBe('codestral');
    expect(continueDefaultHost('mistral-large-latest')).toBe('api');
    expect(baseUrlFor('api', 'with-v1')).toBe('https://api.mistral.ai/v1');
    expect(baseUrlFor('codestral', 'without-v1')).toBe('https://codestral.mistral.ai');
  });
});
