import { describe, expect, it } from 'vitest';
import { extractVibeToml } from '../../../../src/server/formats/vibeToml';

const config = `active_model = "devstral"

[[providers]]
name = "mistral"
api_base = "https://api.mistral.ai/v1"
api_key_env_var = "MISTRAL_API_KEY"

[[providers]]
name = "local"
api_base = "http://127.0.0.1:8080/v1"

[[models]]
name = "codestral-2405"
provider = "mistral"
alias = "old"

[[models]]
name = "qwen"
provider = "local"
`;

describe('extractVibeToml', () => {
  it('reads Mistral providers and their models', () => {
    const { entries, parseError } = extractVibeToml(config);
    expect(parseError).toBeNull();
    expect(entries.map((entry) => [entry.apiBase?.value ?? null, entry.model?.value ?? null])).toEqual([
      ['https://api.mistral.ai/v1', null],
      [null, 'codestral-2405'],
    ]);
  });

  it('reports broken TOML', () => {
    expect(extractVibeToml('[[providers]\nname = "x"\n').parseError).not.toBeNull();
  });
});
