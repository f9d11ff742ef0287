import { describe, expect, it } from 'vitest';
import { analyzeConfig, cleanParserMessage, MAX_FINDINGS_PER_DOCUMENT } from '../../../src/server/analyzeConfig';
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

describe('analyzeConfig on real-world shapes', () => {
  it('keeps positions right after a UTF-8 byte-order mark', () => {
    const source = '\uFEFFmodels:\n  - provider: mistral\n    model: codestral-latest\n';
    const [finding] = analyzeConfig('continue-yaml', source, ruleContext()).findings;
    expect(source.slice(finding!.span.start, finding!.span.end)).toBe('codestral-latest');
    const fix = finding!.fixes[0]!;
    if (fix.kind !== 'edit') throw new Error('expected an edit');
    const edit = fix.edits[0]!;
    expect(source.slice(0, edit.span.start) + edit.newText + source.slice(edit.span.end)).toBe('\uFEFFmodels:\n  - provider: mistral\n    model: codestral-2501\n');
    for (const [kind, text] of [['continue-json', '\uFEFF{"models": []}'], ['tabby', '\uFEFF[model.chat.http]\nkind = "mistral/chat"\n'], ['dotenv', `\uFEFFMISTRAL_API_KEY=" ${FAKE_KEY}"\n`]] as const) {
      expect(analyzeConfig(kind, text, ruleContext()).findings.map((f) => f.code), kind).not.toContain('parse-error');
    }
    const env = analyzeConfig('dotenv', `\uFEFFMISTRAL_API_KEY=" ${FAKE_KEY}"\n`, ruleContext()).findings;
    expect(env.map((f) => f.code)).toEqual(['key-hygiene']);
  });

  it('gives 30,000 aliases of one anchored item one diagnostic', () => {
    const source = `x: &m {provider: mistral, model: codestral-latest}\nmodels:\n${'  - *m\n'.repeat(30_000)}`;
    expect(analyzeConfig('continue-yaml', source, ruleContext()).findings.map((f) => f.code)).toEqual(['model-moving-alias']);
  });

  it('caps the diagnostics of one document, with one summary', () => {
    const source = `models:\n${Array.from({ length: 300 }, (_, index) => `  - {provider: mistral, model: codestral-latest, name: m${index}}\n`).join('')}`;
    const { findings } = analyzeConfig('continue-yaml', source, ruleContext());
    expect(findings).toHaveLength(MAX_FINDINGS_PER_DOCUMENT + 1);
    expect(findings.at(-1)).toMatchObject({ code: 'too-many-findings', severity: 'information', message: '200 more findings in this file are not shown: fix the ones above first.' });
  });

  it('reports nesting far beyond any config as a parse error, for every format', () => {
    for (const [kind, text] of [
      ['continue-json', `{"models": ${'['.repeat(5011)}${']'.repeat(5011)}}`],
      ['vscode-settings', `{"a": ${'{"b": '.repeat(3463)}1${'}'.repeat(3463)}}`],
      ['continue-yaml', `models: ${'['.repeat(5000)}${']'.repeat(5000)}\n`],
      ['aider', `model:\n${Array.from({ length: 420 }, (_, depth) => `${' '.repeat(2 * depth + 1)}k${depth}:\n`).join('')}`],
      ['vibe', `a = ${'['.repeat(5000)}${']'.repeat(5000)}\n`],
    ] as const) {
      const { findings } = analyzeConfig(kind, text, ruleContext());
      expect(findings.map((f) => f.code), kind).toEqual(['parse-error']);
      expect(findings[0]?.message, kind).toContain('nests deeper than 200 levels');
    }
  });

  it('quotes parser messages without control characters', () => {
    expect(cleanParserMessage('bad\u001b]52;c;aGk=\u0007 token\r\n  here\u202e')).toBe('bad token here');
    expect(cleanParserMessage('x'.repeat(500))).toHaveLength(200);
  });
});
