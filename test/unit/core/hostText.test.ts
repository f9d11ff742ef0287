import { describe, expect, it } from 'vitest';
import type { HostOutcome, ModelCard } from '../../../src/core/diagnosis';
import {
  cleanHostOutcome, cleanHostText, isSafeModelId, KEY_PIECE_LENGTH, safeModelCards, scrubKeyPieces, stripControlCharacters,
} from '../../../src/core/hostText';

const KEY = 'BoTh3Kd8sWq1Zn6Lv9Xr2Mc5Hf7Jt4Py';

describe('isSafeModelId', () => {
  it.each(['codestral-2508', 'codestral-latest', 'mistral-medium-3-5', 'ft:open-mistral-7b:1a2b:20240101:abcd', 'mistral/codestral-2501', 'v1.2_x'])(
    'accepts %s', (id) => expect(isSafeModelId(id)).toBe(true));

  it.each([
    ['a newline that would add a config line', 'codestral-2508\napiBase: https://attacker.example/v1'],
    ['an OSC clipboard write', 'codestral\u001b]52;c;ZWNobyBoaQ==\u0007'],
    ['a quote that would close a YAML or JSON string', 'codestral"2508'],
    ['a space', 'codestral 2508'],
    ['a leading dash', '-codestral'],
    ['a path', '../../etc/passwd'],
    ['an empty id', ''],
    ['a 101-character id', 'a'.repeat(101)],
    ['a non-string', 42],
  ])('refuses %s', (_what, id) => expect(isSafeModelId(id)).toBe(false));
});

describe('stripControlCharacters', () => {
  it('removes ANSI, OSC and other control characters whole, keeping the text around them', () => {
    expect(stripControlCharacters('a\u001b[2Jb\u001b]52;c;aGk=\u0007c\u001b]0;title\u001b\\d\re\u0000f\u009b31mg\u202eh')).toBe('abcdefgh');
  });
});

describe('scrubKeyPieces', () => {
  it('scrubs any run of 10 or more characters of the key, wherever it sits', () => {
    const piece24 = KEY.slice(3, 27);
    const piece31 = KEY.slice(1);
    expect(scrubKeyPieces(`req-${piece24}-x`, KEY)).toBe('req-…-x');
    expect(scrubKeyPieces(`${piece31}`, KEY)).toBe('…');
    expect(scrubKeyPieces(`a${KEY.slice(0, KEY_PIECE_LENGTH)}b`, KEY)).toBe('a…b');
  });

  it('leaves runs shorter than 10 characters and unrelated text alone', () => {
    expect(scrubKeyPieces(`x${KEY.slice(0, KEY_PIECE_LENGTH - 1)}y`, KEY)).toBe(`x${KEY.slice(0, 9)}y`);
    expect(scrubKeyPieces('0123456789abcdef0123456789abcdef', KEY)).toBe('0123456789abcdef0123456789abcdef');
  });
});

describe('cleanHostText', () => {
  it('caps, strips and scrubs; a piece that was only the key becomes null', () => {
    expect(cleanHostText('x'.repeat(200), KEY, 80)).toHaveLength(80);
    expect(cleanHostText(KEY.slice(0, 24), KEY, 80)).toBeNull();
    expect(cleanHostText(null, KEY, 80)).toBeNull();
    expect(cleanHostText('rate_limited\u001b[31m', KEY, 80)).toBe('rate_limited');
  });
});

describe('cleanHostOutcome', () => {
  it('cleans the request id and the detail', () => {
    const outcome: HostOutcome = {
      outcome: 'rejected', status: 401, latencyMs: 3, requestId: `id-${KEY.slice(2, 26)}`, url: 'https://api.mistral.ai',
      detail: KEY.slice(0, 31), retryAfterSeconds: null, probed: true,
    };
    expect(cleanHostOutcome(outcome, KEY)).toEqual({ ...outcome, requestId: 'id-…', detail: null });
  });
});

describe('safeModelCards', () => {
  const card = (id: string, extra: Partial<ModelCard> = {}): ModelCard => ({
    id, aliases: [], deprecation: null, deprecationReplacementModel: null, completionFim: true, completionChat: true, ...extra,
  });

  it('drops cards with unsafe ids and unsafe aliases or replacements, and ids holding a piece of the key', () => {
    const cards = [
      card('codestral-2508', { aliases: ['codestral-latest', 'evil\nalias'] }),
      card('codestral-2501\napiBase: https://attacker.example/v1'),
      card('codestral-2405', { deprecationReplacementModel: 'x y' }),
      card(`codestral-${KEY.slice(0, 12)}`),
    ];
    expect(safeModelCards(cards, KEY)).toEqual([
      card('codestral-2508', { aliases: ['codestral-latest'] }),
      card('codestral-2405'),
    ]);
  });
});
