// The cases `mistral-key-doctor demo` runs against the embedded emulator, one per common failure.
import type { Target, ToolId } from '../core/diagnosis';
import { API_HOSTNAME, CODESTRAL_HOSTNAME } from '../core/hosts';
import { t } from '../core/l10n';
import { TEST_KEYS } from './keys';

export interface DemoCase {
  /** Localised label printed above the case's report. */
  readonly title: string;
  /** Name of the emulator scenario (see `SCENARIOS`). */
  scenario: string;
  /** The key as the user pasted it (fake). */
  key: string;
  /** The tool whose routing and fix steps the case shows. */
  tool: ToolId;
  target: Target;
  model: string | null;
  keyAgeMs: number | null;
}

function demoCase(englishTitle: () => string, rest: Omit<DemoCase, 'title'>): DemoCase {
  return { get title() { return englishTitle(); }, ...rest };
}

export const DEMO_CASES: readonly DemoCase[] = [
  demoCase(() => t('Cline sends a legacy Mistral Code key to {0}', API_HOSTNAME), {
    scenario: 'kong-2025', key: TEST_KEYS.codestral, tool: 'cline', target: 'api', model: 'codestral-latest', keyAgeMs: null,
  }),
  demoCase(() => t('Roo Code sends a Studio key to {0}', CODESTRAL_HOSTNAME), {
    scenario: 'normal', key: TEST_KEYS.console, tool: 'roo', target: 'codestral', model: 'codestral-2508', keyAgeMs: null,
  }),
  demoCase(() => t('A working key with a pinned model'), {
    scenario: 'normal', key: TEST_KEYS.both, tool: 'other', target: 'auto', model: 'codestral-2508', keyAgeMs: null,
  }),
  demoCase(() => t('A key created a minute ago, not active yet'), {
    scenario: 'normal', key: TEST_KEYS.fresh, tool: 'other', target: 'api', model: 'codestral-2508', keyAgeMs: 60_000,
  }),
  demoCase(() => t('A retired model id (codestral-2501)'), {
    scenario: 'normal', key: TEST_KEYS.console, tool: 'continue', target: 'api', model: 'codestral-2501', keyAgeMs: null,
  }),
  demoCase(() => t('A key pasted with "Bearer " in front: it works only once cleaned'), {
    scenario: 'normal', key: `Bearer ${TEST_KEYS.console}`, tool: 'vibe', target: 'api', model: 'codestral-2508', keyAgeMs: null,
  }),
  demoCase(() => t('Rate limited (HTTP 429) on the free API plan'), {
    scenario: 'rate-limited', key: TEST_KEYS.console, tool: 'other', target: 'api', model: 'codestral-2508', keyAgeMs: null,
  }),
  demoCase(() => t('{0} answers "no Route matched"', CODESTRAL_HOSTNAME), {
    scenario: 'codestral-not-found', key: TEST_KEYS.console, tool: 'continue', target: 'codestral', model: 'codestral-2508', keyAgeMs: null,
  }),
  demoCase(() => t('Mistral is down (HTTP 503)'), {
    scenario: 'service-down', key: TEST_KEYS.console, tool: 'other', target: 'api', model: 'codestral-2508', keyAgeMs: null,
  }),
];
