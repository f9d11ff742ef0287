// Real-shaped config files (test/fixtures/server/, written for these tests): what the server says
// about each, and that every preferred fix leaves the file parseable and the finding gone.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeConfig } from '../../../src/server/analyzeConfig';
import { documentKindOf } from '../../../src/server/documentKinds';
import { parseDocumentUri } from '../../../src/server/documentUri';
import { ruleContext } from './ruleContext';

const FIXTURES = path.resolve(__dirname, '../../fixtures/server');
const ctx = ruleContext({ now: new Date('2026-12-01T00:00:00Z') });

/** [code, severity, line (0-based), text the diagnostic covers] per finding. */
const EXPECTED: Record<string, [string, string, number, string][]> = {
  'continue-2026/.continue/config.yaml': [
    ['model-moving-alias', 'warning', 7, 'mistral-medium-latest'],
    ['model-moving-alias', 'warning', 14, 'codestral-latest'],
  ],
  // `<<: *mistral_defaults` gives the item its provider; the anchor used twice is one finding.
  'merge-keys/.continue/config.yaml': [['model-moving-alias', 'warning', 11, 'codestral-latest']],
  'bom/.continue/config.yaml': [['model-moving-alias', 'warning', 5, 'codestral-latest']],
  'literal-env/.continue/config.yaml': [['key-unexpanded-reference', 'error', 6, '${CODESTRAL_API_KEY}']],
  'continue-json/.continue/config.json': [
    ['model-moving-alias', 'warning', 6, '"mistral-large-latest"'],
    ['model-retired', 'error', 13, '"codestral-2405"'],
    ['key-unexpanded-reference', 'error', 7, '"${MISTRAL_API_KEY}"'],
  ],
  'agents/.continue/agents/coder.yaml': [['model-retired', 'error', 6, 'devstral-medium-latest']],
  'example/.env.example': [
    ['key-placeholder', 'information', 1, 'your-mistral-api-key'],
    ['key-placeholder', 'information', 2, '<paste your key here>'],
  ],
  'aider-bom/.aider.conf.yml': [
    ['model-moving-alias', 'warning', 1, 'codestral-latest'],
    ['model-moving-alias', 'warning', 2, 'mistral-small-latest'],
    ['key-placeholder', 'information', 4, 'your-key-here'],
  ],
  // Vibe's own aliases are not the user's mistake: mistral-vibe-cli-latest is fine, and the retired
  // model behind devstral-small-latest is information (updating Vibe fixes it), not an error.
  'vibe-defaults/.vibe/config.toml': [
    ['model-retired', 'information', 14, '"devstral-small-latest"'],
    ['model-moving-alias', 'warning', 19, '"codestral-latest"'],
  ],
  'tabby-duplicate/.tabby/config.toml': [['parse-error', 'error', 4, '[model.completion.http]']],
  'vscode/.vscode/settings.json': [
    ['model-moving-alias', 'warning', 2, '"codestral-latest"'],
    ['base-url-extra-v1', 'warning', 3, '"https://api.mistral.ai/v1"'],
  ],
};

function analysed(relative: string) {
  const file = path.join(FIXTURES, relative);
  const text = fs.readFileSync(file, 'utf8');
  const kind = documentKindOf(parseDocumentUri(pathToFileURL(file).toString()));
  if (!kind) throw new Error(`${relative} has no document kind`);
  return { text, kind, analysis: analyzeConfig(kind, text, ctx) };
}

describe('the fixture corpus', () => {
  it('has an expectation for every fixture file', () => {
    const walk = (directory: string): string[] => fs.readdirSync(directory, { withFileTypes: true })
      .flatMap((entry) => (entry.isDirectory() ? walk(path.join(directory, entry.name)) : [path.relative(FIXTURES, path.join(directory, entry.name))]));
    expect(walk(FIXTURES).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s', (relative, expected) => {
    const { text, analysis } = analysed(relative);
    const document = TextDocument.create('file:///corpus', 'text', 1, text);
    const seen = analysis.findings.map((finding) => [finding.code, finding.severity, document.positionAt(finding.span.start).line, text.slice(finding.span.start, finding.span.end)]);
    expect(seen).toEqual(expected);
  });

  it.each(Object.keys(EXPECTED))('%s stays parseable after each preferred fix', (relative) => {
    const { text, kind, analysis } = analysed(relative);
    for (const finding of analysis.findings) {
      const fix = finding.fixes.find((candidate) => candidate.kind === 'edit' && candidate.preferred);
      if (fix?.kind !== 'edit') continue;
      const edited = [...fix.edits].sort((a, b) => b.span.start - a.span.start)
        .reduce((result, edit) => result.slice(0, edit.span.start) + edit.newText + result.slice(edit.span.end), text);
      const after = analyzeConfig(kind, edited, ctx);
      expect(after.facts.parseError, `${finding.code} fix`).toBeNull();
      expect(after.findings.filter((other) => other.code === finding.code && other.span.start === finding.span.start), `${finding.code} fix`).toEqual([]);
    }
  });
});
