import { describe, expect, it } from 'vitest';
import type { ModelCard } from '../../../../src/core/diagnosis';
import { extractContinueYaml } from '../../../../src/server/formats/continueYaml';
import { extractAiderYaml } from '../../../../src/server/formats/aiderYaml';
import { extractVibeToml } from '../../../../src/server/formats/vibeToml';
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

describe('the fix for every retired or deprecated id with a replacement', () => {
  const DECEMBER_2026 = new Date('2026-12-07T00:00:00Z');
  // What the emulator's models list holds: no Medium 3.5 and no Devstral, a Codestral model.
  const staleList = [card('codestral-2508', { aliases: ['codestral-latest'] }), card('mistral-large-2411')];

  it.each([
    ['devstral-2512', 'model-retired', 'mistral-medium-3-5', 'devstral-2512 was retired on 2026-07-31'],
    ['mistral-medium-2508', 'model-retired', 'mistral-medium-3-5', 'mistral-medium-2508 was retired on 2026-08-31'],
    ['magistral-medium-latest', 'model-retired', 'mistral-medium-3-5', 'magistral-medium-latest was retired on 2026-07-31'],
    ['devstral-small-2507', 'model-retired', 'mistral-small-2603', 'devstral-small-2507 was retired on 2026-05-31'],
  ])('%s in a Continue config: %s, fixed to %s', (id, code, replacement, reason) => {
    for (const models of [null, staleList]) {
      const source = continueWith(id);
      const [finding] = modelFindings(extractContinueYaml(source), ruleContext({ now: DECEMBER_2026, models }));
      expect(finding?.code).toBe(code);
      expect(finding?.fixes).toEqual([{
        kind: 'edit', title: `Switch model to ${replacement} (${reason})`, pinsModel: true, preferred: true,
        edits: [{ span: { start: source.indexOf(id), end: source.indexOf(id) + id.length }, newText: replacement }],
      }]);
    }
  });

  it('pins the moving alias mistral-medium-latest to mistral-medium-3-5', () => {
    const [finding] = modelFindings(extractContinueYaml(continueWith('mistral-medium-latest')), ruleContext({ now: DECEMBER_2026 }));
    expect(finding).toMatchObject({ code: 'model-moving-alias', fixes: [{ title: 'Switch model to mistral-medium-3-5', edits: [{ newText: 'mistral-medium-3-5' }] }] });
  });

  it('offers mistral-medium-3-5 for a deprecated mistral-medium-2508 before its retirement', () => {
    const [finding] = modelFindings(extractContinueYaml(continueWith('mistral-medium-2508')), ruleContext({ now: new Date('2026-06-01T00:00:00Z') }));
    expect(finding).toMatchObject({ code: 'model-deprecated', fixes: [{ edits: [{ newText: 'mistral-medium-3-5' }] }] });
  });

  it('leaves Vibe\'s own alias alone, with or without a list', () => {
    const vibe = '[[models]]\nname = "mistral-vibe-cli-latest"\nprovider = "mistral"\nalias = "vibe"\n';
    expect(modelFindings(extractVibeToml(vibe), ruleContext({ now: DECEMBER_2026 }))).toEqual([]);
    const list = [card('mistral-medium-3-5', { aliases: ['mistral-medium-latest', 'mistral-vibe-cli-latest'] })];
    expect(modelFindings(extractVibeToml(vibe), ruleContext({ now: DECEMBER_2026, models: list }))).toEqual([]);
  });
});
