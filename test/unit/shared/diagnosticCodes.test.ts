import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, DIAGNOSTIC_SOURCE, isModelDiagnostic } from '../../../src/shared/diagnosticCodes';

describe('diagnosticCodes', () => {
  it('recognises this server\'s model diagnostics, in either code shape VS Code gives', () => {
    expect(isModelDiagnostic({ source: DIAGNOSTIC_SOURCE, code: 'model-moving-alias' })).toBe(true);
    expect(isModelDiagnostic({ source: DIAGNOSTIC_SOURCE, code: { value: 'model-retired' } })).toBe(true);
    expect(isModelDiagnostic({ source: DIAGNOSTIC_SOURCE, code: 'key-hygiene' })).toBe(false);
    expect(isModelDiagnostic({ source: 'yaml', code: 'model-moving-alias' })).toBe(false);
    expect(isModelDiagnostic({ source: DIAGNOSTIC_SOURCE })).toBe(false);
  });

  it('lists each code once', () => {
    expect(new Set(DIAGNOSTIC_CODES).size).toBe(DIAGNOSTIC_CODES.length);
  });
});
