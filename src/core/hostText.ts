// Text that came from a host (model ids, request ids, error details) is data. This module is the
// one place that makes it safe: model ids must match a strict grammar before they enter an edit, a
// setting, a config file or a suggestion; every other piece is capped, stripped of control
// characters and scrubbed of any piece of the key the host may have echoed.
import type { HostOutcome, ModelCard } from './diagnosis';

/** The shortest run of the key's characters that counts as a piece of it. */
export const KEY_PIECE_LENGTH = 10;
export const MAX_MODEL_ID_LENGTH = 100;
export const MAX_REQUEST_ID_LENGTH = 80;
export const MAX_DETAIL_LENGTH = 80;
/** What stands for a scrubbed piece of the key. */
export const SCRUBBED = '…';

// Letters and digits first, then letters, digits, `.`, `_`, `:`, `-` (Mistral's ids, fine-tune
// ids such as `ft:open-mistral-7b:1a2b:20240101:abcd`, and the `mistral/` prefix litellm adds).
const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*(\/[A-Za-z0-9][A-Za-z0-9._:-]*)?$/;
// ESC-introduced sequences (CSI, OSC up to BEL or ST, and two-character escapes), removed whole;
// then C0 and C1 controls, DEL, and the Unicode line/paragraph separators and bidi overrides.
const ESCAPE_SEQUENCE = /\u001B(\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001B]*(\u0007|\u001B\\)?|[@-Z\\-_])|\u009B[0-?]*[ -/]*[@-~]|\u009D[^\u0007\u001B]*(\u0007|\u001B\\)?/;
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const ESCAPE_OR_CONTROL = new RegExp(`${ESCAPE_SEQUENCE.source}|${CONTROL.source}`, 'g');

/** True for an id that may be written into an edit, a setting, a config file or a suggestion. */
export function isSafeModelId(id: unknown): id is string {
  return typeof id === 'string' && id.length <= MAX_MODEL_ID_LENGTH && MODEL_ID.test(id);
}

/** Removes escape sequences (whole) and every other control character, except those `keep` accepts. */
export function stripControlCharacters(text: string, keep: (sequence: string) => boolean = () => false): string {
  return text.replace(ESCAPE_OR_CONTROL, (sequence) => (keep(sequence) ? sequence : ''));
}

/**
 * Replaces every run of `KEY_PIECE_LENGTH` or more characters that also occurs in `key` with
 * `SCRUBBED`, so a host (or anything else) echoing part of the key cannot get it shown.
 */
export function scrubKeyPieces(text: string, key: string): string {
  if (key.length < KEY_PIECE_LENGTH || text.length < KEY_PIECE_LENGTH) return text;
  let result = '';
  let index = 0;
  while (index < text.length) {
    const length = longestKeyRunAt(text, index, key);
    if (length >= KEY_PIECE_LENGTH) {
      result += SCRUBBED;
      index += length;
    } else {
      result += text[index];
      index += 1;
    }
  }
  return result;
}

/** The length of the longest prefix of `text.slice(start)` that occurs in `key`. */
function longestKeyRunAt(text: string, start: number, key: string): number {
  let length = 0;
  while (start + length < text.length && key.includes(text.slice(start, start + length + 1))) length += 1;
  return length;
}

/** A short piece of host text made safe to show: no controls, no piece of the key, at most `max` characters. */
export function cleanHostText(text: string | null, key: string, max: number): string | null {
  if (text === null) return null;
  const clean = scrubKeyPieces(stripControlCharacters(text), key);
  const capped = clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
  return capped === '' || capped === SCRUBBED ? null : capped;
}

/** A host outcome whose request id and detail are safe to show on every surface. */
export function cleanHostOutcome(outcome: HostOutcome, key: string): HostOutcome {
  return {
    ...outcome,
    requestId: cleanHostText(outcome.requestId, key, MAX_REQUEST_ID_LENGTH),
    detail: cleanHostText(outcome.detail, key, MAX_DETAIL_LENGTH),
  };
}

/**
 * The cards of a live models list whose ids are safe, with unsafe aliases and replacement ids
 * dropped, and no id that holds a piece of the key (a list echoing it is not Mistral's).
 */
export function safeModelCards(cards: readonly ModelCard[], key = ''): ModelCard[] {
  const safe = (id: string | null): id is string => isSafeModelId(id) && scrubKeyPieces(id, key) === id;
  return cards.filter((card) => safe(card.id)).map((card) => ({
    ...card,
    aliases: card.aliases.filter(safe),
    deprecationReplacementModel: safe(card.deprecationReplacementModel) ? card.deprecationReplacementModel : null,
  }));
}
