import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { extractContinueYaml } from '../../../../src/server/formats/continueYaml';

const text = (source: string, span: { start: number; end: number } | undefined) => (span ? source.slice(span.start, span.end) : undefined);

const config = `name: Local assistant
version: 1.0.0
schema: v1
models:
  - name: GPT
    provider: openai
    model: gpt-4o
  - name: Codestral
    provider: mistral
    model: "codestral-latest"
    apiKey: abcd1234abcd1234abcd1234abcd1234
    roles:
      - autocomplete
    futureField: { anything: true }
`;

describe('extractContinueYaml', () => {
  it('keeps only Mistral models, with the offsets of what is written', () => {
    const { entries, parseError } = extractContinueYaml(config);
    expect(parseError).toBeNull();
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry?.model?.value).toBe('codestral-latest');
    expect(text(config, entry?.model?.span)).toBe('"codestral-latest"');
    expect(text(config, entry?.model?.inner)).toBe('codestral-latest');
    expect(text(config, entry?.apiKey?.span)).toBe('abcd1234abcd1234abcd1234abcd1234');
    expect(entry?.defaultHost).toBe('auto');
    expect(entry?.convention).toBe('with-v1');
  });

  it('follows aliases to the anchored value, where an edit must land', () => {
    const source = `models:
  - &codestral
    name: Codestral
    provider: mistral
    model: &pinned codestral-latest
  - name: Chat
    provider: mistral
    model: *pinned
`;
    const { entries } = extractContinueYaml(source);
    expect(entries).toHaveLength(2);
    const anchored = source.indexOf('codestral-latest');
    expect(entries.map((entry) => entry.model?.span.start)).toEqual([anchored, anchored]);
  });

  it('keeps offsets right in CRLF files', () => {
    const source = config.replace(/\n/g, '\r\n');
    const [entry] = extractContinueYaml(source).entries;
    expect(text(source, entry?.model?.inner)).toBe('codestral-latest');
  });

  it('reports a broken file with the parser message and its position, and extracts nothing', () => {
    const source = 'models:\n  - name: x\n    model: [codestral-latest\n  provider: mistral\n';
    const facts = extractContinueYaml(source);
    expect(facts.entries).toEqual([]);
    expect(facts.parseError?.message).toMatch(/flow collection/i);
    expect(facts.parseError!.span.start).toBeGreaterThan(source.indexOf('['));
  });

  it('treats tab indentation as the YAML error it is', () => {
    const facts = extractContinueYaml('models:\n\t- provider: mistral\n');
    expect(facts.parseError).not.toBeNull();
  });

  it('inserts an apiBase line after the model line at the same indentation', () => {
    const [entry] = extractContinueYaml(config).entries;
    const insertion = entry!.apiBaseInsertion!;
    const edited = config.slice(0, insertion.offset) + insertion.render('apiBase', 'https://api.mistral.ai/v1') + config.slice(insertion.offset);
    const models = (parseDocument(edited).toJS() as { models: Record<string, unknown>[] }).models;
    expect(models[1]).toMatchObject({ model: 'codestral-latest', apiBase: 'https://api.mistral.ai/v1', roles: ['autocomplete'] });
  });

  it('accepts a model block file and a file with no models', () => {
    expect(extractContinueYaml('name: block\nversion: 0.0.1\nmodels:\n  - provider: mistral\n    model: codestral-2508\n').entries).toHaveLength(1);
    expect(extractContinueYaml('name: empty\n')).toEqual({ entries: [], parseError: null });
    expect(extractContinueYaml('')).toEqual({ entries: [], parseError: null });
  });
});
