import { describe, expect, it } from 'vitest';
import { checkKey } from '../../../src/core/check';
import type { CauseId } from '../../../src/core/diagnosis';
import { DEMO_CASES, SCENARIOS } from '../../../src/emulator';
import { useEmulator } from '../useEmulator';

const EXPECTED_CAUSES: CauseId[] = [
  'codestral-key-on-api-host', 'console-key-on-codestral-host', 'ok', 'key-not-yet-active', 'model-unavailable', 'key-malformed',
  'rate-limited', 'route-not-served', 'service-error',
];

const emulator = useEmulator();

describe('DEMO_CASES', () => {
  it('each has a title, a known scenario and a distinct title', () => {
    for (const demo of DEMO_CASES) {
      expect(demo.title.length).toBeGreaterThan(5);
      expect(SCENARIOS[demo.scenario]).toBeDefined();
    }
    expect(new Set(DEMO_CASES.map((demo) => demo.title)).size).toBe(DEMO_CASES.length);
  });

  it.each(DEMO_CASES.map((demo, index) => [demo.title, index] as const))('"%s" ends in its cause', async (_title, index) => {
    const demo = DEMO_CASES[index]!;
    emulator.setScenario(demo.scenario);
    emulator.resetKeys();
    const diagnosis = await checkKey({
      rawKey: demo.key, target: demo.target, model: demo.model, keyAgeMs: demo.keyAgeMs, apiUrl: emulator.apiUrl,
      codestralUrl: emulator.codestralUrl, consoleUrl: emulator.consoleUrl, tool: demo.tool, timeoutMs: 5_000,
      preferredCodestralModel: 'codestral-2501', now: () => new Date('2026-03-01T12:00:00Z'),
    });
    expect(diagnosis.cause.id).toBe(EXPECTED_CAUSES[index]);
    expect(diagnosis.tool).toBe(demo.tool);
  });

  it('shows the plan the emulated console gives, e.g. the free API plan on a 429', async () => {
    const limited = DEMO_CASES[EXPECTED_CAUSES.indexOf('rate-limited')]!;
    emulator.setScenario(limited.scenario);
    const diagnosis = await checkKey({
      rawKey: limited.key, target: limited.target, model: limited.model, keyAgeMs: null, apiUrl: emulator.apiUrl,
      codestralUrl: emulator.codestralUrl, consoleUrl: emulator.consoleUrl, timeoutMs: 5_000, preferredCodestralModel: 'codestral-2501',
    });
    expect(diagnosis.key).toMatchObject({ type: 'studio', plan: 'Free API' });
    expect(diagnosis.cause.explanation).toContain('free API plan');
  });
});
