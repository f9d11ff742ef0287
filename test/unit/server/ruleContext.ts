// A rule context for unit tests: time pinned, nothing learnt, not tracked by git, unless overridden.
import type { KeyKind } from '../../../src/core/diagnosis';
import type { RuleContext } from '../../../src/server/rules/finding';

export function ruleContext(overrides: Partial<RuleContext> & { kinds?: Record<string, KeyKind> } = {}): RuleContext {
  const { kinds = {}, ...rest } = overrides;
  return {
    now: new Date('2025-09-01T00:00:00Z'),
    preferredCodestralModel: 'codestral-2501',
    models: null,
    keyKindOf: (fingerprint) => kinds[fingerprint],
    gitTracked: false,
    ...rest,
  };
}

/** A well-formed fake key (32 letters and digits) and its fingerprint. */
export const FAKE_KEY = 'AbCd1234EfGh5678IjKl9012MnOp3456';
export const FAKE_FINGERPRINT = 'AbCd…3456';
