import { describe, expect, it } from 'vitest';
import { analyzeConfig } from '../../../src/server/analyzeConfig';
import { FAKE_KEY, ruleContext } from './ruleContext';

describe('analyzeConfig', () => {
  it('gives a file that does not parse one diagnostic at the error, and runs no other rule', () => {
    const source = `models:\n  - provider: mistral\n    model: codestral-latest\n    apiKey: "Bearer ${FAKE_KEY}\n`;
    const { findings } = analyzeConfig('continue-yaml', source, ruleContext({ gitTracked: true }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code: 'parse-error', severity: 'error' });
    expect(findings[0]?.message).toMatch(/^This file does not parse, so no other check ran: /);
    for (const [kind, broken] of [['continue-json', '{"models": [}'], ['tabby', 'a = ['], ['vibe', '[[x]'], ['vscode-settings', '{"a" 1}']] as const) {
      expect(analyzeConfig(kind, broken, ruleContext()).findings.map((f) => f.code)).toEqual(['parse-error']);
    }
  });

  it('runs every rule on a file that parses', () => {
    const source = `models:\n  - provider: mistral\n    model: codestral-latest\n    apiBase: http://codestral.mistral.ai\n    apiKey: " ${FAKE_KEY}"\n`;
    const { findings } = analyzeConfig('continue-yaml', source, ruleContext({ gitTracked: true }));
    expect(findings.map((f) => f.code)).toEqual(['model-moving-alias', 'key-hygiene', 'key-in-tracked-file', 'base-url-insecure']);
  });

  it('does not treat unknown keys or future fields as errors', () => {
    const source = 'name: x\nversion: 2.0.0\nschema: v2\ncontext: [{provider: code}]\nmodels:\n  - provider: mistral\n    model: codestral-2508\n    newOption: {deep: [1, 2]}\n';
    expect(analyzeConfig('continue-yaml', source, ruleContext()).findings).toEqual([]);
  });

  it('handles a 5,000-line config', () => {
    const item = (index: number) => `  - name: model ${index}\n    provider: ${index % 2 ? 'mistral' : 'openai'}\n    model: ${index % 10 === 1 ? 'codestral-latest' : 'codestral-2508'}\n    roles: [chat]\n    defaultCompletionOptions: {temperature: 0.2}\n`;
    const source = `models:\n${Array.from({ length: 1000 }, (_, index) => item(index)).join('')}`;
    expect(source.split('\n').length).toBeGreaterThan(5000);
    const { findings } = analyzeConfig('continue-yaml', source, ruleContext());
    expect(findings.filter((f) => f.code === 'model-moving-alias')).toHaveLength(100);
  });
});
