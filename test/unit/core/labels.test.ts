import { describe, expect, it } from 'vitest';
import { HOST_OUTCOMES, KEY_KINDS, MODEL_STATES, SEVERITIES } from '../../../src/core/diagnosis';
import { keyKindLabel, modelStateLabel, outcomeLabel, severityLabel } from '../../../src/core/labels';

describe('labels', () => {
  it.each([
    ['host outcome', HOST_OUTCOMES, outcomeLabel],
    ['key kind', KEY_KINDS, keyKindLabel],
    ['model state', MODEL_STATES, modelStateLabel],
    ['severity', SEVERITIES, severityLabel],
  ] as const)('gives every %s its own label', (_name, values, label) => {
    const labels = values.map((value) => (label as (v: string) => string)(value));
    expect(labels.every((text) => text.length > 0)).toBe(true);
    expect(new Set(labels).size).toBe(values.length);
  });
});
