// The cases `mistral-key-doctor demo` runs against the embedded emulator, one per common failure.
import type { Target } from '../core/diagnosis';
import { t } from '../core/l10n';
import { TEST_KEYS } from './keys';

export interface DemoCase {
  /** Localised label printed above the case's report. */
  readonly title: string;
  /** Name of the emulator scenario (see `SCENARIOS`). */
  scenario: string;
  /** The key as the user pasted it (fake). */
  key: string;
  target: Target;
  model: string | null;
  keyAgeMs: number | null;
}

function demoCase(englishTitle: () => string, rest: Omit<DemoCase, 'title'>): DemoCase {
  return { get title() { return englishTitle(); }, ...rest };
}

export const DEMO_CASES: readonly DemoCase[] = [
  demoCase(() => t('Cline sends a Codestral key to api.mistral.ai'), {
    scenario: 'kong-2025', key: TEST_KEYS.codestral, target: 'api', model: 'codestral-latest', keyAgeMs: null,
  }),
  demoCase(() => t('A general console key is sent to codestral.mistral.ai'), {
    scenario: 'normal', key: TEST_KEYS.console, target: 'codestral', model: 'codestral-2508', keyAgeMs: null,
  }),
  demoCase(() => t('A working key with a pinned model'), {
    scenario: 'normal', key: TEST_KEYS.both, target: 'auto', model: 'codestral-2508', keyAgeMs: null,
  }),
  demoCase(() => t('A key created a minute ago, not active yet'), {
    scenario: 'normal', key: TEST_KEYS.fresh, target: 'api', model: 'codestral-2508', keyAgeMs: 60_000,
  }),
  demoCase(() => t('A retired model id (codestral-2501)'), {
    scenario: 'normal', key: TEST_KEYS.console, target: 'api', model: 'codestral-2501', keyAgeMs: null,
  }),
  demoCase(() => t('A key pasted with a trailing space'), {
    scenario: 'normal', key: `${TEST_KEYS.console} `, target: 'api', model: 'codestral-2508', keyAgeMs: null,
  }),
  demoCase(() => t('Rate limited (HTTP 429)'), {
    scenario: 'rate-limited', key: TEST_KEYS.console, target: 'api', model: 'codestral-2508', keyAgeMs: null,
  }),
  demoCase(() => t('Mistral is down (HTTP 503)'), {
    scenario: 'service-down', key: TEST_KEYS.console, target: 'api', model: 'codestral-2508', keyAgeMs: null,
  }),
];
