import { describe, expect, it } from 'vitest';
import type { ModelCard } from '../../../../src/core/diagnosis';
import { assessModel, isMovingAlias, suggestPin } from '../../../../src/core/models';

const BEFORE_DEPRECATION = new Date('2025-10-01T12:00:00Z');
const DEPRECATED = new Date('2025-11-10T12:00:00Z');
const AFTER_RETIREMENT = new Date('2025-12-01T12:00:00Z');
const TODAY = new Date('2026-11-27T12:00:00Z');

function card(id: string, extra: Partial<ModelCard> = {}): ModelCard {
  return { id, aliases: [], deprecation: null, deprecationReplacementModel: null, completionFim: true, completionChat: true, ...extra };
}

const ctx = (now: Date, models: ModelCard[] | null = null, preferred = 'codestral-2501') => ({ now, models, preferred });

describe('suggestPin without a live list (built-in lifecycle)', () => {
  it('keeps the preferred pin before its deprecation date', () => {
    expect(suggestPin(ctx(BEFORE_DEPRECATION))).toEqual({ id: 'codestral-2501', reason: null, title: 'Switch model to codestral-2501' });
  });

  it('moves to the replacement once the preferred pin is deprecated, saying when it retires', () => {
    expect(suggestPin(ctx(DEPRECATED))).toEqual({
      id: 'codestral-2508',
      reason: 'codestral-2501 is deprecated since 2025-11-06 and will be retired on 2025-11-30',
      title: 'Switch model to codestral-2508 (codestral-2501 is deprecated since 2025-11-06 and will be retired on 2025-11-30)',
    });
  });

  it('moves to the replacement after 2025-11-30 and names the retirement', () => {
    for (const now of [AFTER_RETIREMENT, TODAY]) {
      expect(suggestPin(ctx(now)).title).toBe('Switch model to codestral-2508 (codestral-2501 was retired on 2025-11-30)');
    }
  });

  it('falls back to the newest dated model released by then when a retired pin names no replacement', () => {
    expect(suggestPin(ctx(new Date('2025-07-01T00:00:00Z'), null, 'codestral-2405')).id).toBe('codestral-2501');
    expect(suggestPin(ctx(TODAY, null, 'codestral-2405')).id).toBe('codestral-2508');
  });

  it('keeps a preferred pin it knows nothing about', () => {
    expect(suggestPin(ctx(TODAY, null, 'codestral-2612'))).toMatchObject({ id: 'codestral-2612', reason: null });
  });
});

describe('suggestPin with a live list', () => {
  it('pins the preferred model when the list still offers it, even past the built-in dates', () => {
    expect(suggestPin(ctx(TODAY, [card('codestral-2501'), card('codestral-2508')])).id).toBe('codestral-2501');
  });

  it('uses the card replacement once the preferred pin is past its deprecation date', () => {
    const models = [card('codestral-2501', { deprecation: '2025-11-30', deprecationReplacementModel: 'codestral-2512' }), card('codestral-2512')];
    expect(suggestPin(ctx(TODAY, models))).toMatchObject({ id: 'codestral-2512', reason: 'codestral-2501 was retired on 2025-11-30' });
    expect(suggestPin(ctx(BEFORE_DEPRECATION, models)).id).toBe('codestral-2501');
  });

  it('falls back to the newest dated codestral id in the list', () => {
    const models = [card('codestral-2508'), card('codestral-2604'), card('codestral-latest'), card('codestral-2511', { deprecation: '2026-01-01' })];
    expect(suggestPin(ctx(TODAY, models, 'codestral-2312'))).toEqual({
      id: 'codestral-2604',
      reason: 'codestral-2312 is not offered to this key',
      title: 'Switch model to codestral-2604 (codestral-2312 is not offered to this key)',
    });
  });

  it('decides from the built-in table when the list has no codestral model at all', () => {
    expect(suggestPin(ctx(TODAY, [card('mistral-small-2506')])).id).toBe('codestral-2508');
  });
});

describe('assessModel', () => {
  it('resolves codestral-latest as a moving alias and suggests a dated pin', () => {
    expect(assessModel('codestral-latest', ctx(BEFORE_DEPRECATION))).toMatchObject({
      state: 'alias', resolvesTo: 'codestral-2508', suggested: 'codestral-2501',
    });
    const live = [card('codestral-2604', { aliases: ['codestral-latest'] })];
    expect(assessModel('codestral-latest', ctx(TODAY, live))).toMatchObject({ state: 'alias', resolvesTo: 'codestral-2604', suggested: 'codestral-2604' });
  });

  it('recognises an alias listed as a card of its own', () => {
    const live = [card('codestral-2508', { aliases: ['codestral-latest'] }), card('codestral-latest', { aliases: ['codestral-2508'] })];
    expect(assessModel('codestral-latest', ctx(TODAY, live))).toMatchObject({ state: 'alias', resolvesTo: 'codestral-2508', suggested: 'codestral-2508' });
  });

  it('counts a listed model as deprecated from its deprecation date on, and gives the date as notice before', () => {
    const october = [card('codestral-2508'), card('codestral-2501', { deprecation: '2025-11-30T12:00:00Z', deprecationReplacementModel: 'codestral-2508' })];
    expect(assessModel('codestral-2501', ctx(BEFORE_DEPRECATION, october))).toMatchObject({ state: 'available', date: '2025-11-30', suggested: null });
    expect(assessModel('codestral-2501', ctx(new Date('2025-11-30T13:00:00Z'), october))).toMatchObject({ state: 'deprecated', suggested: 'codestral-2508' });
  });

  it('judges codestral-2501 on both sides of 2025-11-30 without a live list', () => {
    expect(assessModel('codestral-2501', ctx(BEFORE_DEPRECATION))).toMatchObject({ state: 'available', suggested: null });
    expect(assessModel('codestral-2501', ctx(DEPRECATED))).toMatchObject({ state: 'deprecated', date: '2025-11-06', suggested: 'codestral-2508' });
    expect(assessModel('codestral-2501', ctx(AFTER_RETIREMENT))).toMatchObject({ state: 'retired', date: '2025-11-30', suggested: 'codestral-2508' });
  });

  it('marks a model missing from the live list as retired when the table says so, else not listed', () => {
    const live = [card('codestral-2508')];
    expect(assessModel('codestral-2501', ctx(TODAY, live))).toMatchObject({ state: 'retired', suggested: 'codestral-2508' });
    expect(assessModel('codestral-9999', ctx(TODAY, live))).toMatchObject({ state: 'not-listed', suggested: 'codestral-2508' });
    expect(assessModel('mistral-tiny', ctx(TODAY, live))).toMatchObject({ state: 'not-listed', suggested: null });
  });

  it('strips the litellm provider prefix but reports the id as written', () => {
    expect(assessModel('mistral/codestral-2508', ctx(TODAY))).toMatchObject({ id: 'mistral/codestral-2508', state: 'available' });
  });

  it('says nothing about an unknown model without a list, or no model at all', () => {
    expect(assessModel('my-finetune', ctx(TODAY))).toMatchObject({ state: 'unknown', suggested: null });
    expect(assessModel(null, ctx(TODAY))).toMatchObject({ id: null, state: 'unknown' });
    expect(assessModel('  ', ctx(TODAY))).toMatchObject({ id: null, state: 'unknown' });
  });

  it('follows a non-codestral card replacement', () => {
    const live = [card('mistral-large-2407', { deprecation: '2025-03-01', deprecationReplacementModel: 'mistral-large-2411' })];
    expect(assessModel('mistral-large-2407', ctx(TODAY, live))).toMatchObject({ state: 'deprecated', suggested: 'mistral-large-2411' });
  });
});

describe('the lifecycle of Devstral, codestral-mamba and their successors', () => {
  it.each([
    ['devstral-2512', 'retired', '2026-07-31', 'mistral-medium-3-5'],
    ['devstral-latest', 'retired', '2026-07-31', 'mistral-medium-3-5'],
    ['devstral-medium-latest', 'retired', '2026-07-31', 'mistral-medium-3-5'],
    ['labs-devstral-small-2512', 'retired', '2026-03-31', 'mistral-medium-3-5'],
    ['devstral-small-latest', 'retired', '2026-03-31', 'mistral-medium-3-5'],
    ['devstral-small-2507', 'retired', '2026-05-31', 'mistral-small-2603'],
    ['devstral-medium-2507', 'retired', '2026-05-31', 'mistral-medium-3-5'],
    ['devstral-small-2505', 'retired', '2025-11-30', 'mistral-medium-3-5'],
    ['codestral-mamba-2407', 'retired', '2025-06-06', 'codestral-2508'],
    ['open-codestral-mamba', 'retired', '2025-06-06', 'codestral-2508'],
  ])('%s is %s since %s, replaced by %s, without a live list', (id, state, date, suggested) => {
    expect(assessModel(id, ctx(TODAY))).toMatchObject({ state, date, suggested });
  });

  it('names devstral-2512 deprecated before its retirement, with its replacement', () => {
    expect(assessModel('devstral-2512', ctx(new Date('2026-06-01T00:00:00Z')))).toMatchObject({ state: 'deprecated', date: '2026-05-22', suggested: 'mistral-medium-3-5' });
    expect(assessModel('devstral-2512', ctx(new Date('2026-01-01T00:00:00Z')))).toMatchObject({ state: 'available', suggested: null });
  });

  it('suggests a live replacement for a retired id from the list: its card, else the table, else the newest of its family', () => {
    const withCard = [card('devstral-2512', { deprecation: '2026-05-22', deprecationReplacementModel: 'mistral-medium-2608' }), card('mistral-medium-2608')];
    expect(assessModel('devstral-2512', ctx(TODAY, withCard)).suggested).toBe('mistral-medium-2608');
    const tableOnly = [card('mistral-medium-3-5', { aliases: ['mistral-medium-latest'] })];
    expect(assessModel('devstral-2512', ctx(TODAY, tableOnly)).suggested).toBe('mistral-medium-3-5');
    const family = [card('devstral-2611'), card('devstral-2609')];
    expect(assessModel('devstral-2512', ctx(TODAY, family)).suggested).toBe('devstral-2611');
  });

  it('takes Vibe\'s own alias as chosen, not as a moving alias to pin away', () => {
    expect(assessModel('mistral-vibe-cli-latest', { ...ctx(TODAY), tool: 'vibe' })).toMatchObject({ state: 'available', resolvesTo: 'mistral-medium-3-5', suggested: null });
    expect(assessModel('mistral-vibe-cli-latest', ctx(TODAY))).toMatchObject({ state: 'available', suggested: null });
    expect(assessModel('codestral-latest', { ...ctx(TODAY), tool: 'vibe' })).toMatchObject({ state: 'alias' });
  });
});

describe('isMovingAlias', () => {
  it('recognises -latest ids, with or without a provider prefix', () => {
    expect(isMovingAlias('codestral-latest')).toBe(true);
    expect(isMovingAlias('mistral/mistral-large-latest')).toBe(true);
    expect(isMovingAlias('codestral-2508')).toBe(false);
  });
});

describe('replacements keep the model\'s role and name only the id the user has', () => {
  // The emulator's list: no Medium 3.5, no devstral; a Codestral model is there.
  const staleList = [card('codestral-2508', { aliases: ['codestral-latest'] }), card('mistral-large-2411', { aliases: ['mistral-large-latest'] })];

  it('moves a retired agent model to its chat replacement, never to a Codestral model', () => {
    for (const models of [null, staleList]) {
      const verdict = assessModel('devstral-2512', ctx(TODAY, models));
      expect(verdict).toMatchObject({ state: 'retired', suggested: 'mistral-medium-3-5' });
      expect(verdict.suggestion?.title).toBe('Switch model to mistral-medium-3-5 (devstral-2512 was retired on 2026-07-31)');
      expect(verdict.suggestion?.reason).not.toContain('codestral');
    }
  });

  it('gives Medium 2505/2508, Magistral, Nemo and Small 2506 a suggestion with the user\'s id in the reason', () => {
    const cases: Array<[string, string, string]> = [
      ['mistral-medium-2508', 'mistral-medium-3-5', 'mistral-medium-2508 was retired on 2026-08-31'],
      ['mistral-medium-2505', 'mistral-medium-3-5', 'mistral-medium-2505 was retired on 2026-08-31'],
      ['magistral-medium-latest', 'mistral-medium-3-5', 'magistral-medium-latest was retired on 2026-07-31'],
      ['magistral-small-2509', 'mistral-small-2603', 'magistral-small-2509 was retired on 2026-07-31'],
      ['open-mistral-nemo', 'ministral-8b-2512', 'open-mistral-nemo was retired on 2026-07-31'],
      ['mistral-small-2506', 'mistral-small-2603', 'mistral-small-2506 was retired on 2026-07-31'],
      ['pixtral-large-latest', 'mistral-medium-3-5', 'pixtral-large-latest was retired on 2026-05-31'],
      ['codestral-2405', 'codestral-2508', 'codestral-2405 was retired on 2025-06-16'],
    ];
    for (const [id, suggested, reason] of cases) {
      expect(assessModel(id, ctx(TODAY)), id).toMatchObject({ state: 'retired', suggested, suggestion: { reason } });
    }
  });

  it('warns before retirement with both dates, naming the user\'s id', () => {
    const june = new Date('2026-06-15T00:00:00Z');
    expect(assessModel('mistral-medium-2508', ctx(june))).toMatchObject({
      state: 'deprecated', date: '2026-05-22', suggested: 'mistral-medium-3-5',
      suggestion: { reason: 'mistral-medium-2508 is deprecated since 2026-05-22 and will be retired on 2026-08-31' },
    });
  });

  it('a model the list lacks is "not offered", with a replacement from the list when the list has one', () => {
    const list = [card('mistral-medium-3-5', { aliases: ['mistral-medium-latest', 'mistral-medium-3'] }), card('codestral-2508')];
    const june = new Date('2026-06-15T00:00:00Z');
    expect(assessModel('mistral-medium-2508', ctx(june, list))).toMatchObject({
      state: 'not-listed', suggested: 'mistral-medium-3-5', suggestion: { reason: 'mistral-medium-2508 is not offered to this key' },
    });
  });

  it('keeps a Codestral model on Codestral even when the preferred pin setting names a chat model', () => {
    expect(assessModel('codestral-2501', ctx(TODAY, null, 'mistral-medium-3-5'))).toMatchObject({ state: 'retired', suggested: 'codestral-2508' });
    expect(assessModel('codestral-latest', ctx(TODAY, null, 'mistral-medium-3-5'))).toMatchObject({ state: 'alias', suggested: 'codestral-2508' });
  });

  it('the live card\'s replacement wins over the table', () => {
    const list = [card('devstral-2512', { deprecation: '2026-05-22', deprecationReplacementModel: 'devstral-2611' }), card('devstral-2611'), card('mistral-medium-3-5')];
    expect(assessModel('devstral-2512', ctx(new Date('2026-06-01T00:00:00Z'), list)).suggested).toBe('devstral-2611');
  });
});

describe('undated ids', () => {
  const list = [card('mistral-medium-3-5', { aliases: ['mistral-medium-3', 'mistral-medium-latest'] }), card('mistral-medium-2508', { deprecation: '2026-05-22' })];

  it('takes mistral-medium-3-5 as a current model, with or without a list', () => {
    expect(assessModel('mistral-medium-3-5', ctx(TODAY))).toMatchObject({ state: 'available', suggested: null });
    expect(assessModel('mistral-medium-3-5', ctx(TODAY, list))).toMatchObject({ state: 'available', suggested: null });
  });

  it('pins the aliases mistral-medium-latest and mistral-medium-3 to mistral-medium-3-5', () => {
    for (const alias of ['mistral-medium-latest', 'mistral-medium-3']) {
      expect(assessModel(alias, ctx(TODAY))).toMatchObject({ state: 'alias', resolvesTo: 'mistral-medium-3-5', suggested: 'mistral-medium-3-5' });
      expect(assessModel(alias, ctx(TODAY, list))).toMatchObject({ state: 'alias', resolvesTo: 'mistral-medium-3-5', suggested: 'mistral-medium-3-5' });
    }
  });

  it('finds the newest of a family across dated and undated ids when the table names no replacement', () => {
    const later = [...list, card('mistral-medium-2611')];
    expect(assessModel('mistral-medium-4', ctx(TODAY, later))).toMatchObject({ state: 'not-listed', suggested: 'mistral-medium-2611' });
    expect(assessModel('mistral-medium-4', ctx(TODAY, list))).toMatchObject({ state: 'not-listed', suggested: 'mistral-medium-3-5' });
  });

  it('never flags Vibe\'s own alias, with or without a list', () => {
    const vibeList = [card('mistral-medium-3-5', { aliases: ['mistral-vibe-cli-latest'] })];
    expect(assessModel('mistral-vibe-cli-latest', { ...ctx(TODAY, vibeList), tool: 'vibe' })).toMatchObject({ state: 'available', suggested: null });
    expect(assessModel('mistral-vibe-cli-latest', ctx(TODAY, vibeList))).toMatchObject({ state: 'available', suggested: null });
    const listWithoutIt = [card('mistral-medium-3-5', { aliases: ['mistral-medium-latest'] })];
    expect(assessModel('mistral-vibe-cli-latest', ctx(TODAY, listWithoutIt))).toMatchObject({ state: 'available', suggested: null });
  });

  it('still calls Vibe\'s retired preset retired', () => {
    expect(assessModel('devstral-small-latest', { ...ctx(TODAY, [card('mistral-medium-3-5')]), tool: 'vibe' })).toMatchObject({ state: 'retired', suggested: 'mistral-medium-3-5' });
  });
});
