import { describe, expect, it } from 'vitest';
import { extractVscodeSettings } from '../../../../src/server/formats/vscodeSettings';

describe('extractVscodeSettings', () => {
  it("reads this extension's model and base-URL settings (SDK convention)", () => {
    const source = `{
  // user settings
  "editor.tabSize": 2,
  "mistralKeyDoctor.model": "codestral-latest",
  "mistralKeyDoctor.apiBaseUrl": "https://api.mistral.ai/v1",
  "mistralKeyDoctor.codestralBaseUrl": "",
}`;
    const { entries } = extractVscodeSettings(source);
    expect(entries.map((entry) => [entry.model?.value ?? null, entry.apiBase?.value ?? null, entry.convention])).toEqual([
      ['codestral-latest', null, 'without-v1'],
      [null, 'https://api.mistral.ai/v1', 'without-v1'],
    ]);
    expect(entries[1]?.apiBaseField).toBe('mistralKeyDoctor.apiBaseUrl');
  });
});
