import { describe, expect, it } from 'vitest';
import { CAUSE_MEANING, compareSeverity, headlineFor } from '../../../src/core/causeMeaning';
import { CAUSE_IDS } from '../../../src/core/diagnosis';
import { describeCause } from '../../../src/core/causes';

describe('the meaning of each cause', () => {
  it('is one row per cause, and the catalogue takes its severity from it', () => {
    expect(Object.keys(CAUSE_MEANING).sort()).toEqual([...CAUSE_IDS].sort());
    for (const id of CAUSE_IDS) expect(describeCause(id).severity).toBe(CAUSE_MEANING[id].severity);
  });

  it('keeps the status words short: "Mistral" and the words fit in 25 characters', () => {
    for (const id of CAUSE_IDS) expect(`Mistral ${CAUSE_MEANING[id].short()}`.trim().length).toBeLessThanOrEqual(25);
  });

  it('retries only what waiting can change', () => {
    expect(CAUSE_IDS.filter((id) => CAUSE_MEANING[id].retry)).toEqual(['rate-limited', 'host-unreachable', 'service-error']);
  });

  it('ranks severities for "the worst key"', () => {
    expect(compareSeverity('error', 'warning')).toBeGreaterThan(0);
    expect(compareSeverity('ok', 'info')).toBeLessThan(0);
  });
});

describe('headlineFor', () => {
  it('says a working key works, and names "your tool" for other tools', () => {
    expect(headlineFor('ok', 'vibe')).toBe('It works for Mistral Vibe.');
    expect(headlineFor('ok', 'other')).toBe('It works for your tool.');
  });

  it('never says "it works" on a 429, and says "could not tell" when no host answered', () => {
    expect(headlineFor('rate-limited', 'cline')).toBe('The key is valid, but Cline cannot use it right now.');
    expect(headlineFor('host-unreachable', 'cline')).toBe('Could not tell whether it works for Cline.');
    expect(headlineFor('model-unavailable', 'continue')).toBe('It does not work for Continue.');
  });
});
