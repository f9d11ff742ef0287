// The verdict on the model a tool asks for: available, a moving alias, deprecated, retired, not
// offered to the key, or unknown; and, when it needs a change, the id to switch to and why, in words
// that name only the id the user has. Codestral (autocomplete) ids follow the pin policy; every other
// id moves to a replacement of its own role.
import type { ModelCard, ModelVerdict, PinSuggestion } from '../diagnosis';
import { t } from '../l10n';
import { isToolDefaultAlias } from '../tools';
import { bareModelId, isMovingAlias } from './ids';
import { BUILT_IN_ALIASES, isOnOrAfter, isRetired, lifecycleOf, roleOf } from './lifecycle';
import { lifecycleProblem, pin, safePinContext, suggestPin, type PinContext } from './pinPolicy';
import { cardOf, isLive, isPastCardDeprecation, replacementFor } from './replacement';

type Judged = Pick<ModelVerdict, 'state' | 'resolvesTo' | 'date'>;

export function assessModel(model: string | null, unsafeCtx: PinContext): ModelVerdict {
  const ctx = safePinContext(unsafeCtx);
  const requested = model?.trim() || null;
  if (requested === null) {
    return { id: null, state: 'unknown', resolvesTo: null, date: null, suggested: null, suggestion: null };
  }
  const id = bareModelId(requested);
  const listed = ctx.models ? judgeAgainstList(id, ctx.models, ctx.now) : judgeAgainstTable(id, ctx.now);
  // The tool chose its own alias (Vibe's mistral-vibe-cli-latest): unless retired, it is simply available,
  // even when the key's list does not spell it (the alias is the tool's to resolve).
  const ownAlias = isToolDefaultAlias(ctx.tool ?? null, id) && (listed.state === 'alias' || listed.state === 'not-listed');
  const judged: Judged = ownAlias ? { ...listed, state: 'available' } : listed;
  const suggestion = suggestionFor(id, judged, ctx);
  const useful = suggestion && suggestion.id !== id ? suggestion : null;
  return { id: requested, ...judged, suggested: useful?.id ?? null, suggestion: useful };
}

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
    return { state: isPastCardDeprecation(card, now) ? 'deprecated' : 'available', resolvesTo: null, date };
  }
  const entry = lifecycleOf(id);
  if (entry && isRetired(entry, now)) {
    return { state: 'retired', resolvesTo: entry.id === id ? null : entry.id, date: entry.retirement };
  }
  return { state: 'not-listed', resolvesTo: null, date: null };
}

function judgeAgainstTable(id: string, now: Date): Judged {
  const entry = lifecycleOf(id);
  const resolvesTo = entry && entry.id !== id ? entry.id : null;
  // An alias of a retired model (devstral-latest after 2026-07-31) is refused like the model.
  if (entry && isRetired(entry, now)) return { state: 'retired', resolvesTo, date: entry.retirement };
  if (resolvesTo) return { state: 'alias', resolvesTo, date: null };
  if (isMovingAlias(id)) return { state: 'alias', resolvesTo: null, date: null };
  if (!entry) return { state: 'unknown', resolvesTo: null, date: null };
  if (entry.deprecation && isOnOrAfter(now, entry.deprecation)) return { state: 'deprecated', resolvesTo: null, date: entry.deprecation };
  return { state: 'available', resolvesTo: null, date: null };
}

function suggestionFor(id: string, judged: Judged, ctx: PinContext): PinSuggestion | null {
  switch (judged.state) {
    case 'available':
    case 'unknown':
      return null;
    case 'alias':
      return aliasPin(id, judged.resolvesTo, ctx);
    default: {
      const target = roleOf(id) === 'autocomplete' ? codestralPin(ctx)?.id ?? replacementFor(id, ctx) : replacementFor(BUILT_IN_ALIASES[id] ?? id, ctx);
      return target ? pin(target, problemOf(id, judged, ctx)) : null;
    }
  }
}

/** A moving alias: Codestral follows the pin policy; otherwise the alias is pinned to what it stands for today. */
function aliasPin(id: string, resolvesTo: string | null, ctx: PinContext): PinSuggestion | null {
  const pinned = roleOf(id) === 'autocomplete' ? codestralPin(ctx) : null;
  if (pinned || !resolvesTo) return pinned;
  const target = isLive(resolvesTo, ctx) ? resolvesTo : replacementFor(resolvesTo, ctx);
  return target ? pin(target, null) : null;
}

/** The pin policy's answer, when it is an autocomplete model (the preferred pin is a setting anyone can fill). */
function codestralPin(ctx: PinContext): PinSuggestion | null {
  const pinned = suggestPin(ctx);
  return roleOf(bareModelId(pinned.id)) === 'autocomplete' ? pinned : null;
}

/** Why the user's own model needs a change, naming it as the user wrote it. */
function problemOf(id: string, judged: Judged, ctx: PinContext): string {
  if (judged.state === 'not-listed') return t('{0} is not offered to this key', id);
  const card = ctx.models ? cardOf(id, ctx.models) : undefined;
  if (judged.state === 'deprecated' && card?.deprecation) return t('{0} is deprecated since {1}', id, card.deprecation.slice(0, 10));
  return lifecycleProblem(id, ctx.now, id)
    ?? (judged.date ? t('{0} was retired on {1}', id, judged.date) : t('{0} is not offered to this key', id));
}
