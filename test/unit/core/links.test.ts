import { describe, expect, it } from 'vitest';
import * as links from '../../../src/core/links';

describe('isAllowedLink', () => {
  it('allows every page the fix steps link to', () => {
    const urls = Object.entries(links).filter(([name]) => name.endsWith('_URL')).map(([, url]) => url as string);
    expect(urls.length).toBeGreaterThan(4);
    for (const url of urls) expect(links.isAllowedLink(url)).toBe(true);
  });

  it.each([
    'http://console.mistral.ai/api-keys',
    'https://console.mistral.ai.evil.example/api-keys',
    'https://user:pw@console.mistral.ai/',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'not a url',
  ])('refuses %s', (url) => {
    expect(links.isAllowedLink(url)).toBe(false);
  });
});
