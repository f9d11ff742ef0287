import { describe, expect, it } from 'vitest';
import { MODELS_CURRENT, MODELS_OCTOBER_2025, RETIRED_MODELS, resolveModel } from '../../../src/emulator/models';

describe('emulated model lists', () => {
  it('resolve ids and aliases', () => {
    expect(resolveModel(MODELS_CURRENT, 'codestral-latest')).toBe('codestral-2508');
    expect(resolveModel(MODELS_CURRENT, 'codestral-2508')).toBe('codestral-2508');
    expect(resolveModel(MODELS_CURRENT, 'codestral-2501')).toBeNull();
    expect(resolveModel(MODELS_OCTOBER_2025, 'codestral-2501')).toBe('codestral-2501');
  });

  it('list no retired model today, and date the October 2025 retirement as an ISO date-time', () => {
    expect(MODELS_CURRENT.filter((card) => RETIRED_MODELS.includes(card.id))).toEqual([]);
    const retiring = MODELS_OCTOBER_2025.find((card) => card.id === 'codestral-2501');
    expect(retiring).toMatchObject({ deprecation: '2025-11-30T12:00:00Z', deprecation_replacement_model: 'codestral-2508' });
  });
});
