import { describe, expect, it } from 'vitest';
import type { TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeConfig } from '../../../src/server/analyzeConfig';
import type { DocumentKind } from '../../../src/server/documentKinds';
import { pinModelEdit } from '../../../src/server/pinModel';
import { ruleContext } from './ruleContext';

const PLAIN = { documentChanges: false, createFiles: false, disabledActions: false };

function pinned(kind: DocumentKind, text: string, model: string) {
  const document = TextDocument.create('file:///w/config', 'x', 1, text);
  const result = pinModelEdit(document, analyzeConfig(kind, text, ruleContext()), model, PLAIN);
  const edits: TextEdit[] = result.edit?.changes?.['file:///w/config'] ?? [];
  return { result, text: TextDocument.applyEdits(document, edits) };
}

describe('pinModelEdit', () => {
  it('writes the id over every flagged model where the tool reads it (Continue, Tabby, Vibe)', () => {
    const continueYaml = 'models:\n  - provider: mistral\n    model: codestral-latest\n  - provider: mistral\n    model: "codestral-latest"\n  - provider: mistral\n    model: mistral-large-2512\n';
    expect(pinned('continue-yaml', continueYaml, 'codestral-2508')).toMatchObject({
      result: { pinned: 2, message: null },
      text: continueYaml.replace('model: codestral-latest', 'model: codestral-2508').replace('"codestral-latest"', '"codestral-2508"'),
    });
    const tabby = '[model.completion.http]\nkind = "mistral/completion"\nmodel_name = "codestral-latest"\n';
    expect(pinned('tabby', tabby, 'codestral-2508').text).toBe(tabby.replace('codestral-latest', 'codestral-2508'));
    const vibe = '[[models]]\nname = "mistral-vibe-cli-latest"\nprovider = "mistral"\n[[models]]\nname = "codestral-latest"\nprovider = "mistral"\n';
    expect(pinned('vibe', vibe, 'codestral-2508')).toMatchObject({ result: { pinned: 1 }, text: vibe.replace('"codestral-latest"', '"codestral-2508"') });
  });

  it('writes a chat model only over chat models, never over an autocomplete entry', () => {
    const text = 'models:\n  - provider: mistral\n    model: codestral-latest\n  - provider: mistral\n    model: devstral-2512\n';
    const document = TextDocument.create('file:///w/config', 'x', 1, text);
    const analysis = analyzeConfig('continue-yaml', text, ruleContext({ now: new Date('2026-12-01T00:00:00Z') }));
    const result = pinModelEdit(document, analysis, 'mistral-medium-3-5', PLAIN);
    expect(result.pinned).toBe(1);
    expect(TextDocument.applyEdits(document, result.edit?.changes?.['file:///w/config'] ?? [])).toBe(text.replace('devstral-2512', 'mistral-medium-3-5'));
  });

  it('refuses an id outside the strict grammar, and says when nothing needs pinning', () => {
    const text = 'models:\n  - provider: mistral\n    model: codestral-latest\n';
    expect(pinned('continue-yaml', text, 'codestral-2508\n    apiBase: https://attacker.example/v1').result).toMatchObject({ edit: null, pinned: 0 });
    expect(pinned('continue-yaml', text, 'a b').result.message).toContain('not a plain model id');
    expect(pinned('continue-yaml', 'models:\n  - provider: mistral\n    model: codestral-2508\n', 'codestral-2508').result).toMatchObject({ edit: null, message: 'No model id in this file needs pinning.' });
  });
});
