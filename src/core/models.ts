// Model lifecycle and the pin policy (README "Pinning the model"). A live `GET /v1/models` list, when
// known, decides; otherwise the built-in table below (dates from Mistral's docs) decides against `now`.
import type { ModelCard, ModelVerdict, PinSuggestion, ToolId } from './diagnosis';
import { DEFAULT_PREFERRED_CODESTRAL_MODEL } from './defaults';
import { isSafeModelId, safeModelCards } from './hostText';
import { t } from './l10n';
import { isToolDefaultAlias } from './catalogue';

export interface LifecycleEntry {
  id: string;
  /** Moving aliases that pointed at this model when the table was written. */
  aliases: readonly string[];
  /** Dates are YYYY-MM-DD (UTC); null when not announced. */
  released: string;
  deprecation: string | null;
  retirement: string | null;
  replacement: string | null;
}

/** Codestral, Devstral and their successors, with the dates and replacements of Mistral's model pages. */
export const MODEL_LIFECYCLE: readonly LifecycleEntry[] = [
  { id: 'codestral-2405', aliases: [], released: '2024-05-29', deprecation: null, retirement: '2025-06-16', replacement: 'codestral-2501' },
  { id: 'codestral-mamba-2407', aliases: ['open-codestral-mamba', 'codestral-mamba-latest'], released: '2024-07-16', deprecation: null, retirement: '2025-06-06', replacement: 'codestral-2508' },
  { id: 'codestral-2501', aliases: [], released: '2025-01-13', deprecation: '2025-11-06', retirement: '2025-11-30', replacement: 'codestral-2508' },
  { id: 'codestral-2508', aliases: ['codestral-latest'], released: '2025-07-30', deprecation: null, retirement: null, replacement: null },
  { id: 'devstral-small-2505', aliases: [], released: '2025-05-21', deprecation: null, retirement: '2025-11-30', replacement: 'devstral-small-2507' },
  { id: 'devstral-small-2507', aliases: [], released: '2025-07-10', deprecation: null, retirement: '2026-05-31', replacement: 'labs-devstral-small-2512' },
  { id: 'devstral-medium-2507', aliases: [], released: '2025-07-10', deprecation: null, retirement: '2026-05-31', replacement: 'devstral-2512' },
  { id: 'labs-devstral-small-2512', aliases: ['devstral-small-latest'], released: '2025-12-09', deprecation: '2026-02-27', retirement: '2026-03-31', replacement: 'mistral-medium-3-5' },
  { id: 'devstral-2512', aliases: ['devstral-latest', 'devstral-medium-latest'], released: '2025-12-09', deprecation: '2026-05-22', retirement: '2026-07-31', replacement: 'mistral-medium-3-5' },
  { id: 'mistral-small-2603', aliases: ['mistral-small-latest'], released: '2026-03-16', deprecation: null, retirement: null, replacement: null },
  { id: 'mistral-medium-3-5', aliases: ['mistral-medium-latest', 'mistral-vibe-cli-latest'], released: '2026-04-28', deprecation: null, retirement: null, replacement: null },
  { id: 'mistral-large-2512', aliases: ['mistral-large-latest'], released: '2025-12-02', deprecation: null, retirement: null, replacement: null },
];

/** Where Mistral's moving aliases pointed when the table was written. */
export const BUILT_IN_ALIASES: Readonly<Record<string, string>> = Object.fromEntries(
  MODEL_LIFECYCLE.flatMap((entry) => entry.aliases.map((alias) => [alias, entry.id])),
);

export interface PinContext {
  /** The live models list for the key, or null when unknown. */
  models: ModelCard[] | null;
  /** `mistralKeyDoctor.preferredCodestralModel`. */
  preferred: string;
  now: Date;
  /** The tool that asks for the model, when known: its own default alias is not a mistake to pin away. */
  tool?: ToolId | null;
}

/** `-latest` ids move to a new model without notice; Mistral itself advises pinning dated ids. */
export function isMovingAlias(id: string): boolean {
  return /-latest$/i.test(bareModelId(id));
}

/** litellm/aider write `mistral/codestral-2501`; the API knows only `codestral-2501`. */
export function bareModelId(id: string): string {
  return id.trim().replace(/^(mistral|codestral)\//i, '');
}

export function lifecycleOf(id: string): LifecycleEntry | undefined {
  return MODEL_LIFECYCLE.find((entry) => entry.id === id);
}

/** True once `now` has reached the date (a day starts at 00:00 UTC); accepts a date or a full timestamp. */
export function isOnOrAfter(now: Date, date: string): boolean {
  const at = Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(date) ? `${date}T00:00:00Z` : date);
  return !Number.isNaN(at) && now.getTime() >= at;
}

/** `devstral-2512` → `devstral`: dated ids of one family differ only in their YYMM suffix. */
function familyOf(id: string): string {
  return id.replace(/-\d{4}$/, '');
}

function isDatedMember(id: string, family: string): boolean {
  return id.startsWith(`${family}-`) && /^\d{4}$/.test(id.slice(family.length + 1));
}

/** Host-given ids and a preferred pin from a (workspace) setting enter a suggestion only when they are safe ids. */
function safePinContext(ctx: PinContext): PinContext {
  const preferred = isSafeModelId(bareModelId(ctx.preferred)) ? ctx.preferred : DEFAULT_PREFERRED_CODESTRAL_MODEL;
  return { ...ctx, preferred, models: ctx.models && safeModelCards(ctx.models) };
}

export function assessModel(model: string | null, unsafeCtx: PinContext): ModelVerdict {
  const ctx = safePinContext(unsafeCtx);
  const requested = model?.trim() || null;
  if (requested === null) {
    return { id: null, state: 'unknown', resolvesTo: null, date: null, suggested: null, suggestion: null };
  }
  const id = bareModelId(requested);
  const listed = ctx.models ? judgeAgainstList(id, ctx.models, ctx.now) : judgeAgainstTable(id, ctx.now);
  // The tool chose its own alias (Vibe's mistral-vibe-cli-latest): a live alias is then simply available.
  const judged: Judged = listed.state === 'alias' && isToolDefaultAlias(ctx.tool ?? null, id) ? { ...listed, state: 'available' } : listed;
  const suggestion = judged.state === 'available' || judged.state === 'unknown' ? null : suggestionFor(id, ctx);
  const useful = suggestion && suggestion.id !== id ? suggestion : null;
  return { id: requested, ...judged, suggested: useful?.id ?? null, suggestion: useful };
}

type Judged = Pick<ModelVerdict, 'state' | 'resolvesTo' | 'date'>;

function judgeAgainstList(id: string, models: ModelCard[], now: Date): Judged {
  const card = models.find((m) => m.id === id);
  // The list may carry an alias as a card of its own (aliases: the dated id) or only inside the dated card.
  const aliasOf = models.find((m) => m.aliases.includes(id) && !isMovingAlias(m.id));
  if (aliasOf || (card && isMovingAlias(id))) {
    const resolvesTo = aliasOf?.id ?? card?.aliases.find((alias) => !isMovingAlias(alias)) ?? null;
    return { state: 'alias', resolvesTo, date: null };
  }
  if (card) {
    // Like the pin policy, a model counts as deprecated from its `deprecation` date on; before it, the date is a notice.
    const date = card.deprecation ? card.deprecation.slice(0, 10) : null;
    const past = card.deprecation !== null && isOnOrAfter(now, card.deprecation);
    return { state: past ? 'deprecated' : 'available', resolvesTo: null, date };
  }
  const entry = lifecycleOf(BUILT_IN_ALIASES[id] ?? id);
  if (entry?.retirement && isOnOrAfter(now, entry.retirement)) {
    return { state: 'retired', resolvesTo: entry.id === id ? null : entry.id, date: entry.retirement };
  }
  return { state: 'not-listed', resolvesTo: null, date: null };
}

function judgeAgainstTable(id: string, now: Date): Judged {
  const aliasTarget = BUILT_IN_ALIASES[id];
  if (aliasTarget) {
    // An alias of a retired model (devstral-latest after 2026-07-31) is refused like the model.
    const target = lifecycleOf(aliasTarget);
    if (target?.retirement && isOnOrAfter(now, target.retirement)) return { state: 'retired', resolvesTo: aliasTarget, date: target.retirement };
    return { state: 'alias', resolvesTo: aliasTarget, date: null };
  }
  if (isMovingAlias(id)) return { state: 'alias', resolvesTo: null, date: null };
  const entry = lifecycleOf(id);
  if (!entry) return { state: 'unknown', resolvesTo: null, date: null };
  if (entry.retirement && isOnOrAfter(now, entry.retirement)) {
    return { state: 'retired', resolvesTo: null, date: entry.retirement };
  }
  if (entry.deprecation && isOnOrAfter(now, entry.deprecation)) {
    return { state: 'deprecated', resolvesTo: null, date: entry.deprecation };
  }
  return { state: 'available', resolvesTo: null, date: null };
}

/**
 * Codestral models follow the pin policy. Any other model moves to a live replacement: the list's
 * `deprecation_replacement_model`, else the table's replacement, else the newest dated id of its family.
 */
function suggestionFor(id: string, ctx: PinContext): PinSuggestion | null {
  if (id.startsWith('codestral') && !id.includes('mamba')) return suggestPin(ctx);
  const model = BUILT_IN_ALIASES[id] ?? id;
  const reason = lifecycleProblem(model, ctx.now);
  const fromCard = ctx.models?.find((m) => m.id === id || m.id === model)?.deprecationReplacementModel ?? null;
  const replacement = fromCard
    ?? liveReplacementFromTable(model, ctx)
    ?? newestDatedInList(familyOf(model), ctx);
  return replacement && replacement !== id ? pin(replacement, reason) : null;
}

/** In the live list and not past its deprecation (when there is a list), else not deprecated or retired in the table. */
function isLive(id: string, ctx: PinContext): boolean {
  if (ctx.models) {
    const card = ctx.models.find((m) => m.id === id || m.aliases.includes(id));
    return card !== undefined && !(card.deprecation && isOnOrAfter(ctx.now, card.deprecation));
  }
  return !lifecycleProblem(id, ctx.now);
}

function liveReplacementFromTable(id: string, ctx: PinContext): string | null {
  const seen = new Set<string>();
  let next = lifecycleOf(id)?.replacement ?? null;
  while (next && !seen.has(next)) {
    seen.add(next);
    if (isLive(next, ctx)) return next;
    next = lifecycleOf(next)?.replacement ?? null;
  }
  return null;
}

function newestDatedInList(family: string, ctx: PinContext): string | null {
  if (!ctx.models) return null;
  const live = ctx.models.filter((m) => !(m.deprecation && isOnOrAfter(ctx.now, m.deprecation))).map((m) => m.id);
  return newestDated(live, family);
}

/** The id the "pin a dated model" fix writes, and why when it is not the preferred one. */
export function suggestPin(unsafeCtx: PinContext): PinSuggestion {
  const ctx = safePinContext(unsafeCtx);
  const preferred = bareModelId(ctx.preferred) || DEFAULT_PREFERRED_CODESTRAL_MODEL;
  const tableReason = lifecycleProblem(preferred, ctx.now);
  if (ctx.models) {
    const fromList = pinFromList(preferred, ctx.models, ctx.now, tableReason);
    if (fromList) return fromList;
  }
  if (!tableReason) return pin(preferred, null);
  return pin(replacementFromTable(preferred, ctx.now) ?? preferred, tableReason);
}

function pinFromList(preferred: string, models: ModelCard[], now: Date, tableReason: string | null): PinSuggestion | null {
  const card = models.find((m) => m.id === preferred);
  const pastDeprecation = card?.deprecation != null && isOnOrAfter(now, card.deprecation);
  if (card && !pastDeprecation) return pin(preferred, null);
  const reason = tableReason ?? (card?.deprecation
    ? t('{0} is deprecated since {1}', preferred, card.deprecation.slice(0, 10))
    : t('{0} is not offered to this key', preferred));
  if (card?.deprecationReplacementModel) return pin(card.deprecationReplacementModel, reason);
  const newest = newestDated(models.filter((m) => !(m.deprecation && isOnOrAfter(now, m.deprecation))).map((m) => m.id), 'codestral');
  return newest ? pin(newest, reason) : null;
}

function lifecycleProblem(id: string, now: Date): string | null {
  const entry = lifecycleOf(id);
  if (entry?.retirement && isOnOrAfter(now, entry.retirement)) {
    return t('{0} was retired on {1}', id, entry.retirement);
  }
  if (entry?.deprecation && isOnOrAfter(now, entry.deprecation)) {
    return entry.retirement
      ? t('{0} is deprecated since {1} and will be retired on {2}', id, entry.deprecation, entry.retirement)
      : t('{0} is deprecated since {1}', id, entry.deprecation);
  }
  return null;
}

function replacementFromTable(id: string, now: Date): string | null {
  const seen = new Set<string>();
  let next = lifecycleOf(id)?.replacement ?? null;
  while (next && !seen.has(next)) {
    seen.add(next);
    if (!lifecycleProblem(next, now)) return next;
    next = lifecycleOf(next)?.replacement ?? null;
  }
  const current = MODEL_LIFECYCLE.filter((e) => isOnOrAfter(now, e.released) && !lifecycleProblem(e.id, now));
  return newestDated(current.map((e) => e.id), familyOf(id));
}

function newestDated(ids: string[], family: string): string | null {
  const dated = ids.filter((id) => isDatedMember(id, family)).sort();
  return dated.at(-1) ?? null;
}

function pin(id: string, reason: string | null): PinSuggestion {
  return { id, reason, title: switchTitle(id, reason) };
}

function switchTitle(id: string, reason: string | null): string {
  return reason ? t('Switch model to {0} ({1})', id, reason) : t('Switch model to {0}', id);
}
