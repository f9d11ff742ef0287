// The pin policy (README "Pinning the model"): the id the "pin a dated Codestral model" fix writes.
// The preferred pin is a setting (default codestral-2501). A live `GET /v1/models` list, when known,
// decides; otherwise the lifecycle table decides against `now`. The title names the id it writes
// and, when that is not the preferred one, why.
import type { ModelCard, PinSuggestion, ToolId } from '../diagnosis';
import { DEFAULT_PREFERRED_CODESTRAL_MODEL } from '../defaults';
import { isSafeModelId, safeModelCards } from '../hostText';
import { t } from '../l10n';
import { bareModelId } from './ids';
import { isDeprecated, isRetired, lifecycleOf } from './lifecycle';
import { cardOf, isCurrentInTable, isPastCardDeprecation, newestOfFamily, replacementChain } from './replacement';

export interface PinContext {
  /** The live models list for the key, or null when unknown. */
  models: ModelCard[] | null;
  /** `mistralKeyDoctor.preferredCodestralModel`. */
  preferred: string;
  now: Date;
  /** The tool that asks for the model, when known: its own default alias is not a mistake to pin away. */
  tool?: ToolId | null;
}

/** Host-given ids and a preferred pin from a (workspace) setting enter a suggestion only when they are safe ids. */
export function safePinContext(ctx: PinContext): PinContext {
  const preferred = isSafeModelId(bareModelId(ctx.preferred)) ? ctx.preferred : DEFAULT_PREFERRED_CODESTRAL_MODEL;
  return { ...ctx, preferred, models: ctx.models && safeModelCards(ctx.models) };
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
  const replacement = replacementChain(preferred).find((next) => isCurrentInTable(next, ctx.now))
    ?? newestOfFamily(preferred, { models: null, now: ctx.now });
  return pin(replacement ?? preferred, tableReason);
}

function pinFromList(preferred: string, models: ModelCard[], now: Date, tableReason: string | null): PinSuggestion | null {
  const card = models.find((m) => m.id === preferred);
  if (card && !isPastCardDeprecation(card, now)) return pin(preferred, null);
  const reason = tableReason ?? (card?.deprecation
    ? t('{0} is deprecated since {1}', preferred, card.deprecation.slice(0, 10))
    : t('{0} is not offered to this key', preferred));
  const fromCard = cardOf(preferred, models)?.deprecationReplacementModel ?? null;
  if (fromCard) return pin(fromCard, reason);
  const newest = newestOfFamily(preferred, { models, now });
  return newest ? pin(newest, reason) : null;
}

/** Why the table says an id should not be used on `now`, in words naming `shownAs` (the id as the user has it), or null. */
export function lifecycleProblem(id: string, now: Date, shownAs: string = id): string | null {
  const entry = lifecycleOf(id);
  if (!entry) return null;
  if (isRetired(entry, now)) return t('{0} was retired on {1}', shownAs, entry.retirement!);
  if (isDeprecated(entry, now)) {
    return entry.retirement
      ? t('{0} is deprecated since {1} and will be retired on {2}', shownAs, entry.deprecation!, entry.retirement)
      : t('{0} is deprecated since {1}', shownAs, entry.deprecation!);
  }
  return null;
}

export function pin(id: string, reason: string | null): PinSuggestion {
  return { id, reason, title: reason ? t('Switch model to {0} ({1})', id, reason) : t('Switch model to {0}', id) };
}
