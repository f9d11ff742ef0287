// Model cards as `GET /v1/models` returns them (snake_case JSON), at two points in time.

export interface ModelCardJson {
  id: string;
  object: 'model';
  created: number;
  owned_by: string;
  capabilities: { completion_chat: boolean; completion_fim: boolean; function_calling: boolean; fine_tuning: boolean; vision: boolean };
  name: string;
  description: string;
  max_context_length: number;
  aliases: string[];
  deprecation: string | null;
  deprecation_replacement_model: string | null;
  default_model_temperature: number | null;
  type: 'base';
}

function card(id: string, options: { aliases?: string[]; fim?: boolean; deprecation?: string; replacement?: string } = {}): ModelCardJson {
  return {
    id,
    object: 'model',
    created: 1_730_000_000,
    owned_by: 'mistralai',
    capabilities: { completion_chat: true, completion_fim: options.fim ?? false, function_calling: true, fine_tuning: false, vision: false },
    name: id,
    description: `Emulated card for ${id}`,
    max_context_length: options.fim ? 256_000 : 128_000,
    aliases: options.aliases ?? [],
    deprecation: options.deprecation ?? null,
    deprecation_replacement_model: options.replacement ?? null,
    default_model_temperature: 0.3,
    type: 'base',
  };
}

/** After 2025-11-30: codestral-2501 is gone, `codestral-latest` points at codestral-2508. */
export const MODELS_CURRENT: ModelCardJson[] = [
  card('codestral-2508', { aliases: ['codestral-latest'], fim: true }),
  card('mistral-large-2411', { aliases: ['mistral-large-latest'] }),
  card('mistral-small-2506', { aliases: ['mistral-small-latest'] }),
  card('devstral-medium-2507', { aliases: ['devstral-medium-latest'] }),
];

/** October 2025: codestral-2501 still listed, with its retirement date and replacement. */
export const MODELS_OCTOBER_2025: ModelCardJson[] = [
  card('codestral-2508', { aliases: ['codestral-latest'], fim: true }),
  card('codestral-2501', { fim: true, deprecation: '2025-11-30T12:00:00Z', replacement: 'codestral-2508' }),
  card('mistral-large-2411', { aliases: ['mistral-large-latest'] }),
];

/** Ids the hosts refuse with `invalid_model` because they were retired. */
export const RETIRED_MODELS = ['codestral-2405', 'codestral-2501', 'codestral-mamba-2407'];

/** True when `model` (an id or an alias) is in `cards`; returns the id it resolves to. */
export function resolveModel(cards: readonly ModelCardJson[], model: string): string | null {
  const found = cards.find((entry) => entry.id === model || entry.aliases.includes(model));
  return found ? found.id : null;
}
