import { parse } from 'jsonc-parser/lib/esm/main.js';
import { describe, expect, it } from 'vitest';
import { extractContinueJson } from '../../../../src/server/formats/continueJson';

const config = `{
  // Continue's older config
  "models": [
    { "title": "Codestral", "provider": "mistral", "model": "codestral-2405", "apiKey": "k", },
    { "title": "Local", "provider": "ollama", "model": "llama3" }
  ],
  "tabAutocompleteModel": {
    "title": "Codestral",
    "provider": "mistral",
    "model": "codestral-latest"
  },
}`;

describe('extractContinueJson', () => {
  it('reads models[] and tabAutocompleteModel through comments and trailing commas', () => {
    const { entries, parseError } = extractContinueJson(config);
    expect(parseError).toBeNull();
    expect(entries.map((entry) => entry.model?.value)).toEqual(['codestral-2405', 'codestral-latest']);
    const inner = entries[1]!.model!.inner;
    expect(config.slice(inner.start, inner.end)).toBe('codestral-latest');
  });

  it('reports the first syntax error with its offset', () => {
    const source = '{ "models": [ { "provider": "mistral" "model": "x" } ] }';
    const facts = extractContinueJson(source);
    expect(facts.entries).toEqual([]);
    expect(facts.parseError?.message).toBe('CommaExpected');
    expect(facts.parseError?.span.start).toBe(source.indexOf('"model"'));
  });

  it('inserts apiBase as a property that keeps the file valid', () => {
    const entry = extractContinueJson(config).entries[1]!;
    const { offset, render } = entry.apiBaseInsertion!;
    const edited = config.slice(0, offset) + render('apiBase', 'https://api.mistral.ai/v1') + config.slice(offset);
    expect(parse(edited, [], { allowTrailingComma: true })).toMatchObject({ tabAutocompleteModel: { apiBase: 'https://api.mistral.ai/v1' } });
    expect(edited).toContain('"model": "codestral-latest",\n    "apiBase": "https://api.mistral.ai/v1"');
  });
});
