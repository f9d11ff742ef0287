import { describe, expect, it } from 'vitest';
import manifest from '../../../package.json';
import { DEFAULT_PREFERRED_CODESTRAL_MODEL, TIMEOUT_MS } from '../../../src/core/defaults';
import { DEFAULT_API_URL, DEFAULT_CODESTRAL_URL } from '../../../src/core/hosts';
import { serverSettingsSchema } from '../../../src/shared/lspProtocol';

const settings = manifest.contributes.configuration.properties;

describe('shared defaults', () => {
  it('are the defaults package.json gives VS Code\'s settings', () => {
    expect(settings['mistralKeyDoctor.preferredCodestralModel'].default).toBe(DEFAULT_PREFERRED_CODESTRAL_MODEL);
    expect(settings['mistralKeyDoctor.apiBaseUrl'].default).toBe(DEFAULT_API_URL);
    expect(settings['mistralKeyDoctor.codestralBaseUrl'].default).toBe(DEFAULT_CODESTRAL_URL);
    const timeout = settings['mistralKeyDoctor.timeoutMs'];
    expect({ default: timeout.default, min: timeout.minimum, max: timeout.maximum }).toEqual(TIMEOUT_MS);
  });

  it('keep the default inside the range', () => {
    expect(TIMEOUT_MS.min).toBeLessThanOrEqual(TIMEOUT_MS.default);
    expect(TIMEOUT_MS.default).toBeLessThanOrEqual(TIMEOUT_MS.max);
  });

  it('are what the language server assumes before the client says otherwise', () => {
    expect(serverSettingsSchema.parse({}).preferredCodestralModel).toBe(DEFAULT_PREFERRED_CODESTRAL_MODEL);
  });
});
