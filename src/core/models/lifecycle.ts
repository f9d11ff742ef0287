// Every model id, alias, deprecation, retirement and replacement the product knows, each row with
// the page it was read from and the model's role. Replacements stay within the role: an autocomplete
// (FIM) model is replaced by an autocomplete model, a chat or agent model by a chat model.
// test/unit/core/models/lifecycle.test.ts validates the rows (provenance, replacements, aliases).

/** `autocomplete`: fill-in-the-middle models (the Codestral family); `chat`: chat and agent models. */
export type ModelRole = 'autocomplete' | 'chat';

export interface LifecycleEntry {
  /** The id Mistral names the model by (dated, or undated like `mistral-medium-3-5`). */
  id: string;
  /** Other ids that reach the same model: moving `-latest` aliases and older names. */
  aliases: readonly string[];
  role: ModelRole;
  /** Dates are YYYY-MM-DD (UTC); null when not announced. */
  released: string;
  deprecation: string | null;
  retirement: string | null;
  /** The id the docs name as the replacement, within the same role; null when none is named. */
  replacement: string | null;
  /** Where each fact was read: the docs file (and version), or the tool's source for a tool's own alias. */
  source: string;
}

/** Mistral's docs repository, the version read: its model pages carry apiNames, dates and replacements. */
export const MODEL_DOCS_VERSION = 'mistralai/platform-docs-public docs v1.7.7 (2026-08-21)';

const docs = (page: string): string => `${MODEL_DOCS_VERSION}, src/schema/models/models/${page}.ts`;

type Row = [id: string, aliases: readonly string[], released: string, deprecation: string | null, retirement: string | null, replacement: string | null, page: string];

function rows(role: ModelRole, list: readonly Row[]): LifecycleEntry[] {
  return list.map(([id, aliases, released, deprecation, retirement, replacement, page]) => ({
    id, aliases, role, released, deprecation, retirement, replacement, source: docs(page),
  }));
}

const MEDIUM = 'mistral-medium-3-5';
const SMALL = 'mistral-small-2603';

const AUTOCOMPLETE: readonly Row[] = [
  ['codestral-2405', [], '2024-05-29', '2024-12-02', '2025-06-16', 'codestral-2508', 'codestral-24-05'],
  // `codestral-mamba-2407` and `codestral-mamba-latest` are the names older model pages gave it.
  ['open-codestral-mamba', ['codestral-mamba-2407', 'codestral-mamba-latest'], '2024-07-16', '2025-06-06', '2025-06-06', 'codestral-2508', 'codestral-mamba-7b-0-1'],
  ['codestral-2501', [], '2025-01-13', '2025-11-06', '2025-11-30', 'codestral-2508', 'codestral-25-01'],
  ['codestral-2508', ['codestral-latest'], '2025-07-30', null, null, null, 'codestral-25-08'],
];

const CHAT: readonly Row[] = [
  ['devstral-small-2505', [], '2025-05-21', '2025-10-31', '2025-11-30', MEDIUM, 'devstral-small-1-0-25-05'],
  ['devstral-small-2507', [], '2025-07-10', '2026-02-27', '2026-05-31', SMALL, 'devstral-small-1-1-25-07'],
  ['devstral-medium-2507', [], '2025-07-10', '2026-02-27', '2026-05-31', MEDIUM, 'devstral-medium-1-0-25-07'],
  ['labs-devstral-small-2512', ['devstral-small-latest'], '2025-12-09', '2026-02-27', '2026-03-31', MEDIUM, 'devstral-small-2-25-12'],
  ['devstral-2512', ['devstral-latest', 'devstral-medium-latest'], '2025-12-09', '2026-05-22', '2026-07-31', MEDIUM, 'devstral-2-25-12'],
  ['magistral-medium-2506', [], '2025-06-10', '2025-10-31', '2025-11-30', MEDIUM, 'magistral-medium-1-0-25-06'],
  ['magistral-medium-2507', [], '2025-07-24', '2025-10-31', '2025-11-30', MEDIUM, 'magistral-medium-1-1-25-07'],
  ['magistral-medium-2509', ['magistral-medium-latest'], '2025-09-18', '2026-05-22', '2026-07-31', MEDIUM, 'magistral-medium-1-2-25-09'],
  ['magistral-small-2506', [], '2025-06-10', '2025-10-31', '2025-11-30', SMALL, 'magistral-small-1-0-25-06'],
  ['magistral-small-2507', [], '2025-07-24', '2025-10-31', '2025-11-30', SMALL, 'magistral-small-1-1-25-07'],
  ['magistral-small-2509', ['magistral-small-latest'], '2025-09-18', '2026-04-30', '2026-07-31', SMALL, 'magistral-small-1-2-25-09'],
  ['labs-leanstral-2603', [], '2026-03-16', '2026-05-22', '2026-06-30', 'labs-leanstral-1-5', 'leanstral-26-03'],
  ['labs-leanstral-1-5', [], '2026-06-30', null, '2026-09-30', null, 'leanstral-1-5'],
  ['ministral-3b-2410', [], '2024-10-09', '2025-12-02', '2025-12-31', 'ministral-3b-2512', 'ministral-3b-24-1'],
  ['ministral-8b-2410', [], '2024-10-09', '2025-12-02', '2025-12-31', 'ministral-8b-2512', 'ministral-8b-24-1'],
  ['ministral-3b-2512', ['ministral-3b-latest'], '2025-12-02', null, null, null, 'ministral-3-3b-25-12'],
  ['ministral-8b-2512', ['ministral-8b-latest'], '2025-12-02', null, null, null, 'ministral-3-8b-25-12'],
  ['ministral-14b-2512', ['ministral-14b-latest'], '2025-12-02', null, null, null, 'ministral-3-14b-25-12'],
  ['open-mistral-7b', [], '2024-05-22', '2024-11-30', '2025-03-30', 'ministral-8b-2512', 'mistral-7b-0-3'],
  ['open-mixtral-8x7b', [], '2023-12-11', '2024-11-30', '2025-03-30', SMALL, 'mixtral-8x7b-0-1'],
  ['open-mixtral-8x22b', [], '2024-04-17', '2024-11-30', '2025-03-30', SMALL, 'mixtral-8x22b-0-1-0-3'],
  ['open-mistral-nemo-2407', ['open-mistral-nemo'], '2024-07-18', '2026-05-22', '2026-07-31', 'ministral-8b-2512', 'mistral-nemo-12b-24-07'],
  ['mistral-small-2402', [], '2024-02-26', '2024-11-30', '2025-06-16', SMALL, 'mistral-small-1-0-24-02'],
  ['mistral-small-2409', [], '2024-09-17', '2025-11-06', '2025-11-30', SMALL, 'mistral-small-2-0-24-09'],
  ['mistral-small-2501', [], '2025-01-30', '2025-11-06', '2025-11-30', SMALL, 'mistral-small-3-0-25-01'],
  ['mistral-small-2503', [], '2025-03-17', '2025-11-06', '2025-11-30', SMALL, 'mistral-small-3-1-25-03'],
  ['mistral-small-2506', [], '2025-06-20', '2026-04-30', '2026-07-31', SMALL, 'mistral-small-3-2-25-06'],
  ['mistral-small-2603', ['mistral-small-latest'], '2026-03-16', null, null, null, 'mistral-small-4-0-26-03'],
  ['labs-mistral-small-creative', [], '2025-12-11', '2026-03-31', '2026-04-30', 'ministral-8b-2512', 'mistral-small-creative-25-12'],
  ['mistral-saba-2502', ['mistral-saba-latest'], '2025-02-17', '2025-06-10', '2025-09-30', SMALL, 'mistral-saba-25-02'],
  ['mistral-medium-2312', [], '2023-12-11', '2024-11-30', '2025-06-16', MEDIUM, 'mistral-medium-1-0-23-12'],
  ['mistral-medium-2505', [], '2025-05-07', '2026-05-22', '2026-08-31', MEDIUM, 'mistral-medium-3-25-05'],
  ['mistral-medium-2508', [], '2025-08-12', '2026-05-22', '2026-08-31', MEDIUM, 'mistral-medium-3-1-25-08'],
  [MEDIUM, ['mistral-medium-3', 'mistral-medium-latest'], '2026-04-28', null, null, null, 'mistral-medium-3-5-26-04'],
  ['mistral-large-2402', [], '2024-02-26', '2024-11-30', '2025-06-16', 'mistral-large-2512', 'mistral-large-1-0-24-02'],
  ['mistral-large-2407', [], '2024-07-24', '2024-11-30', '2025-03-30', 'mistral-large-2512', 'mistral-large-2-0-24-07'],
  ['mistral-large-2411', [], '2024-11-18', '2026-02-27', '2026-05-31', MEDIUM, 'mistral-large-2-1-24-11'],
  ['mistral-large-2512', ['mistral-large-latest'], '2025-12-02', null, null, null, 'mistral-large-3-25-12'],
  ['pixtral-12b-2409', [], '2024-09-11', '2025-12-02', '2025-12-31', 'ministral-14b-2512', 'pixtral-12b-24-09'],
  ['pixtral-large-2411', ['pixtral-large-latest'], '2024-11-18', '2026-02-27', '2026-05-31', MEDIUM, 'pixtral-large-24-11'],
];

/** Aliases a tool chooses for itself, with the source they were read in (not Mistral's docs). */
const TOOL_ALIASES: ReadonlyArray<{ alias: string; id: string; source: string }> = [
  { alias: 'mistral-vibe-cli-latest', id: MEDIUM, source: 'mistralai/mistral-vibe v2.18.4, Mistral Vibe\'s default model (today Mistral Medium 3.5)' },
];

export const MODEL_LIFECYCLE: readonly LifecycleEntry[] = [...rows('autocomplete', AUTOCOMPLETE), ...rows('chat', CHAT)].map((entry) => {
  const own = TOOL_ALIASES.filter((tool) => tool.id === entry.id);
  if (own.length === 0) return entry;
  return { ...entry, aliases: [...entry.aliases, ...own.map((tool) => tool.alias)], source: [entry.source, ...own.map((tool) => `${tool.alias}: ${tool.source}`)].join('; ') };
});

/** Where each alias pointed when the table was written. */
export const BUILT_IN_ALIASES: Readonly<Record<string, string>> = Object.fromEntries(
  MODEL_LIFECYCLE.flatMap((entry) => entry.aliases.map((alias) => [alias, entry.id])),
);

/** The row of an id or of an alias. */
export function lifecycleOf(id: string): LifecycleEntry | undefined {
  const canonical = BUILT_IN_ALIASES[id] ?? id;
  return MODEL_LIFECYCLE.find((entry) => entry.id === canonical);
}

/** The table's role, else the name's: `codestral-…` models complete code (embedding models aside), the rest chat. */
export function roleOf(id: string): ModelRole {
  const known = lifecycleOf(id);
  if (known) return known.role;
  return /^codestral-(?!embed)/i.test(id) ? 'autocomplete' : 'chat';
}

/** True once `now` has reached the date (a day starts at 00:00 UTC); accepts a date or a full timestamp. */
export function isOnOrAfter(now: Date, date: string): boolean {
  const at = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date);
  return !Number.isNaN(at) && now.getTime() >= at;
}

/** Retired on `now`. */
export function isRetired(entry: LifecycleEntry, now: Date): boolean {
  return entry.retirement !== null && isOnOrAfter(now, entry.retirement);
}

/** Deprecated (and not yet retired) on `now`. */
export function isDeprecated(entry: LifecycleEntry, now: Date): boolean {
  return !isRetired(entry, now) && entry.deprecation !== null && isOnOrAfter(now, entry.deprecation);
}
