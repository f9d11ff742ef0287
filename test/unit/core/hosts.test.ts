import { describe, expect, it } from 'vitest';
import { DEFAULT_API_URL, DEFAULT_CODESTRAL_URL, isLoopbackUrl, isMistralHost, validateBaseUrl } from '../../../src/core/hosts';

describe('validateBaseUrl', () => {
  it.each([
    ['https://api.mistral.ai', 'https://api.mistral.ai'],
    ['https://api.mistral.ai/', 'https://api.mistral.ai'],
    ['https://api.mistral.ai/v1', 'https://api.mistral.ai'],
    ['https://api.mistral.ai/v1/', 'https://api.mistral.ai'],
    ['  https://codestral.mistral.ai/v1  ', 'https://codestral.mistral.ai'],
    ['https://gateway.example.com/mistral/v1', 'https://gateway.example.com/mistral'],
    ['HTTPS://API.MISTRAL.AI', 'https://api.mistral.ai'],
    ['http://127.0.0.1:8080/v1', 'http://127.0.0.1:8080'],
    ['http://127.4.5.6', 'http://127.4.5.6'],
    ['http://localhost:3000', 'http://localhost:3000'],
    ['http://[::1]:9000/', 'http://[::1]:9000'],
  ])('accepts %s as %s', (raw, url) => {
    expect(validateBaseUrl(raw)).toEqual({ ok: true, url });
  });

  it.each([
    ['', /empty/],
    ['   ', /empty/],
    ['api.mistral.ai', /not a valid address/],
    ['http://api.mistral.ai', /uses http.*https:\/\/api\.mistral\.ai/],
    ['http://10.0.0.5:8080', /uses http/],
    ['http://127.0.0.1.evil.example', /uses http/],
    ['ftp://api.mistral.ai', /ftp:.*not supported/],
    ['https://user:secret@api.mistral.ai', /user name or password/],
    ['https://api.mistral.ai/v1?key=abc', /query or fragment/],
  ])('refuses %j with a message that says what to do', (raw, message) => {
    const result = validateBaseUrl(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('never repeats credentials from the URL in its message', () => {
    const result = validateBaseUrl('https://user:secret@api.mistral.ai');
    expect(!result.ok && result.message).not.toContain('secret');
  });
});

describe('isLoopbackUrl', () => {
  it.each(['http://127.0.0.1:1', 'https://localhost', 'http://[::1]', 'http://127.255.0.1'])('%s is loopback', (url) => {
    expect(isLoopbackUrl(url)).toBe(true);
  });
  it.each(['https://api.mistral.ai', 'http://128.0.0.1', 'http://localhost.example.com', 'file:///tmp', 'nonsense'])('%s is not', (url) => {
    expect(isLoopbackUrl(url)).toBe(false);
  });
});

describe('isMistralHost', () => {
  it.each([DEFAULT_API_URL, DEFAULT_CODESTRAL_URL, 'https://api.eu.mistral.ai', 'https://api.us.mistral.ai/v1'])('%s is Mistral', (url) => {
    expect(isMistralHost(url)).toBe(true);
  });
  it.each(['http://api.mistral.ai', 'https://mistral.ai.example.com', 'https://console.mistral.ai', 'https://127.0.0.1'])('%s is not', (url) => {
    expect(isMistralHost(url)).toBe(false);
  });
});
