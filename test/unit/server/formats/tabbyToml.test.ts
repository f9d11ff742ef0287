import { parse } from 'smol-toml';
import { describe, expect, it } from 'vitest';
import { extractTabbyToml } from '../../../../src/server/formats/tabbyToml';

const config = `[model.completion.http]
kind = "mistral/completion"
api_endpoint = "https://api.mistral.ai"
api_key = 'abcd1234abcd1234abcd1234abcd1234'
model_name = "codestral-latest"

[model.chat.http]
kind = "openai/chat"
model_name = "gpt-4o"
`;

describe('extractTabbyToml', () => {
  it('reads the mistral/ model tables with offsets', () => {
    const { entries, parseError } = extractTabbyToml(config);
    expect(parseError).toBeNull();
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(config.slice(entry!.model!.inner.start, entry!.model!.inner.end)).toBe('codestral-latest');
    expect(config.slice(entry!.apiKey!.span.start, entry!.apiKey!.span.end)).toBe("'abcd1234abcd1234abcd1234abcd1234'");
    expect(entry?.defaultHost).toBe('api');
  });

  it('keeps offsets in CRLF files and inserts keys that keep the TOML valid', () => {
    const source = config.replace(/\n/g, '\r\n').replace('api_endpoint = "https://api.mistral.ai"\r\n', '');
    const [entry] = extractTabbyToml(source).entries;
    expect(source.slice(entry!.model!.inner.start, entry!.model!.inner.end)).toBe('codestral-latest');
    const { offset, render } = entry!.apiBaseInsertion!;
    const edited = source.slice(0, offset) + render('api_endpoint', 'https://codestral.mistral.ai') + source.slice(offset);
    expect((parse(edited) as { model: { completion: { http: Record<string, string> } } }).model.completion.http.api_endpoint).toBe('https://codestral.mistral.ai');
  });

  it('reports broken TOML with the parser message', () => {
    const facts = extractTabbyToml('[model.completion.http]\nkind = "mistral/completion\n');
    expect(facts.entries).toEqual([]);
    expect(facts.parseError?.message).toMatch(/unterminated/i);
  });
});
