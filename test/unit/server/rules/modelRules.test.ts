import { describe, expect, it } from 'vitest';
import type { ModelCard } from '../../../../src/core/diagnosis';
import { extractContinueYaml } from '../../../../src/server/formats/continueYaml';
import { extractAiderYaml } from '../../../../src/server/formats/aiderYaml';
import { modelFindings } from '../../../../src/server/rules/modelRules';
import { ruleContext } from '../ruleContext';

const continueWith = (model: string) => `models:\n  - name: C\n    provider: mistral\n    model: ${model}\n`;

function card(id: string, extra: Partial<ModelCard> = {}): ModelCard {
  return { id, aliases: [], deprecation: null, deprecationReplacementModel: null, completionFim: true, completionChat: true, ...extra };
}

describe('modelFindings', () => {
  it('warns about a moving alias and offers the preferred pin', () => {
    const source = continueWith('codestral-latest');
    const [finding, ...rest] = modelFindings(extractContinueYaml(source), ruleContext());
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ code: 'model-moving-alias', severity: 'warning' });
    expect(finding?.message).toContain('codestral-2508');
    expect(finding?.fixes).toEqual([{
      kind: 'edit', title: 'Switch model to codestral-2501', pinsModel: true, preferred: true,
      edits: [{ span: { start: source.indexOf('codestral-latest'), end: source.indexOf('codestral-latest') + 16 }, newText: 'codestral-2501' }],
    }]);
  });

  it('follows the pin policy once the preferred id is retired, and says why in the title', () => {
    const [finding] = modelFindings(extractContinueYaml(continueWith('codestral-latest')), ruleContext({ now: new Date('2026-02-01T00:00:00Z') }));
    const fix = finding?.fixes[0];
    expect(fix?.kind === 'edit' && fix.title).toBe('Switch model to codestral-2508 (codestral-2501 was retired on 2025-11-30)');
  });

  it('errors on a retired id, with the date, and fixes it to its replacement', () => {
    const [finding] = modelFindings(extractContinueYaml(continueWith('codestral-2405')), ruleContext());
    expect(finding).toMatchObject({ code: 'model-retired', severity: 'error' });
    expect(finding?.message).toContain('2025-06-16');
    expect(finding?.fixes[0]).toMatchObject({ kind: 'edit', edits: [{ newText: 'codestral-2501' }] });
  });

  it('warns with the date about a deprecated id', () => {
    const [finding] = modelFindings(extractContinueYaml(continueWith('codestral-2501')), ruleContext({ now: new Date('2025-11-10T00:00:00Z') }));
    expect(finding).toMatchObject({ code: 'model-deprecated', severity: 'warning' });
    expect(finding?.message).toContain('2025-11-06');
    expect(finding?.fixes[0]).toMatchObject({ edits: [{ newText: 'codestral-2508' }] });
  });

  it('uses the live models list when one is known: an id it lacks is an error', () => {
    const models = [card('codestral-2508', { aliases: ['codestral-latest'] }), card('mistral-large-2411')];
    const [finding] = modelFindings(extractContinueYaml(continueWith('codestral-2412')), ruleContext({ models }));
    expect(finding).toMatchObject({ code: 'model-not-listed', severity: 'error' });
    expect(finding?.fixes[0]).toMatchObject({ edits: [{ newText: 'codestral-2508' }] });
  });

  it('says nothing about a current dated id or an id it does not know', () => {
    expect(modelFindings(extractContinueYaml(continueWith('codestral-2508')), ruleContext())).toEqual([]);
    expect(modelFindings(extractContinueYaml(continueWith('some-future-model')), ruleContext())).toEqual([]);
  });

  it('edits only the id inside a litellm model string', () => {
    const source = 'model: mistral/codestral-latest\n';
    const [finding] = modelFindings(extractAiderYaml(source), ruleContext());
    const fix = finding?.fixes[0];
    expect(fix?.kind === 'edit' && source.slice(0, fix.edits[0]!.span.start)).toBe('model: mistral/');
  });
});
