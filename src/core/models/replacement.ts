// Which model replaces one that is retired, deprecated or not offered to the key: always a model of
// the same role (autocomplete stays autocomplete, chat stays chat), live for the key when a models
// list is known, and reachable from undated ids (`mistral-medium-3-5`) as from dated ones.
import type { ModelCard } from '../diagnosis';
import { familyOf, isMovingAlias, monthOf } from './ids';
import { isDeprecated, isOnOrAfter, isRetired, lifecycleOf, MODEL_LIFECYCLE, roleOf } from './lifecycle';

export interface ReplacementContext {
  /** The live models list for the key, or null when unknown. */
  models: ModelCard[] | null;
  now: Date;
}

/** The card of an id or of one of its aliases in the live list. */
export function cardOf(id: string, models: readonly ModelCard[]): ModelCard | undefined {
  return models.find((card) => card.id === id) ?? models.find((card) => card.aliases.includes(id));
}

export function isPastCardDeprecation(card: ModelCard, now: Date): boolean {
  return card.deprecation !== null && isOnOrAfter(now, card.deprecation);
}

/** Released by `now`, neither deprecated nor retired in the table (an id the table does not know counts as current). */
export function isCurrentInTable(id: string, now: Date): boolean {
  const entry = lifecycleOf(id);
  return !entry || (isOnOrAfter(now, entry.released) && !isRetired(entry, now) && !isDeprecated(entry, now));
}

/** In the live list and not past its deprecation; with no list, current in the table. */
export function isLive(id: string, ctx: ReplacementContext): boolean {
  if (!ctx.models) return isCurrentInTable(id, ctx.now);
  const card = cardOf(id, ctx.models);
  return card !== undefined && !isPastCardDeprecation(card, ctx.now);
}

/** The table's replacements of an id, one after the other (Devstral Small 2505 → Medium 3.5 → …). */
export function replacementChain(id: string): string[] {
  const chain: string[] = [];
  let next = lifecycleOf(id)?.replacement ?? null;
  while (next && !chain.includes(next)) {
    chain.push(next);
    next = lifecycleOf(next)?.replacement ?? null;
  }
  return chain;
}

/**
 * The replacement of `id`: the live list's `deprecation_replacement_model`, else the first live id of
 * the table's chain, else the newest live id of its family and role in the list, else the table's
 * replacement that is current on `now` (the docs' answer when the list does not show it).
 */
export function replacementFor(id: string, ctx: ReplacementContext): string | null {
  const fromCard = ctx.models ? cardOf(id, ctx.models)?.deprecationReplacementModel ?? null : null;
  if (fromCard && fromCard !== id) return fromCard;
  const chain = replacementChain(id);
  return chain.find((next) => isLive(next, ctx))
    ?? newestOfFamily(id, ctx)
    ?? chain.find((next) => isCurrentInTable(next, ctx.now))
    ?? null;
}

/** The newest live model of the same family and role: from the list when known, else from the table. */
export function newestOfFamily(id: string, ctx: ReplacementContext): string | null {
  const family = familyOf(id);
  const role = roleOf(id);
  const ids = ctx.models
    ? ctx.models.filter((card) => !isPastCardDeprecation(card, ctx.now)).map((card) => card.id)
    : MODEL_LIFECYCLE.map((entry) => entry.id).filter((each) => isCurrentInTable(each, ctx.now));
  const candidates = ids.filter((each) => each !== id && !isMovingAlias(each) && familyOf(each) === family && roleOf(each) === role);
  return candidates.sort((a, b) => releaseOrder(a).localeCompare(releaseOrder(b))).at(-1) ?? null;
}

/** The table's release date, else the month of a dated id; an undated unknown id sorts first. */
function releaseOrder(id: string): string {
  return lifecycleOf(id)?.released ?? monthOf(id) ?? '';
}
