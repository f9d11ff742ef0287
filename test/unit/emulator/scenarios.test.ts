import { describe, expect, it } from 'vitest';
import { ERROR_SHAPES, SCENARIO_NAMES, SCENARIOS, scenarioNamed } from '../../../src/emulator/scenarios';

describe('SCENARIOS', () => {
  it('indexes every scenario by its own name', () => {
    for (const name of SCENARIO_NAMES) expect(SCENARIOS[name]?.name).toBe(name);
  });

  it.each(SCENARIO_NAMES)('%s is complete', (name) => {
    const scenario = scenarioNamed(name);
    expect(scenario.description.length).toBeGreaterThan(10);
    expect(ERROR_SHAPES).toContain(scenario.errorShape);
    expect(scenario.models.length).toBeGreaterThan(0);
    expect(scenario.latencyMs.api).toBeGreaterThanOrEqual(0);
    expect(scenario.latencyMs.codestral).toBeGreaterThanOrEqual(0);
  });

  it('covers the 2026 uncertainty about the codestral host', () => {
    expect(SCENARIOS['codestral-refuses-all']?.codestral).toEqual({ kind: 'status', status: 401 });
    expect(SCENARIOS['codestral-not-found']?.codestral).toEqual({ kind: 'no-route' });
    expect(SCENARIOS['codestral-unreachable']?.codestral).toEqual({ kind: 'drop' });
  });

  it('names the known scenarios when asked for an unknown one', () => {
    expect(() => scenarioNamed('nope')).toThrow(/Known: normal, /);
  });
});
