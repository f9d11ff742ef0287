import { describe, expect, it } from 'vitest';
import { describeFuzzCase, fuzzCase, HOSTILE_TEXTS, type FuzzHostBehaviour } from '../../fuzz/fuzzCases';

const cases = Array.from({ length: 2000 }, (_, index) => fuzzCase(99, index));
const behaviours: FuzzHostBehaviour[] = cases.flatMap((c) => [c.hosts.api, c.hosts.codestral]);

describe('fuzzCase', () => {
  it('is reproducible from the session seed and index', () => {
    expect(fuzzCase(99, 123)).toEqual(cases[123]);
    expect(fuzzCase(100, 123)).not.toEqual(cases[123]);
  });

  it('draws a fresh 32-character key per case and pastes it with or without hygiene problems', () => {
    for (const c of cases) {
      expect(c.key).toMatch(/^[A-Za-z0-9]{32}$/);
      expect(c.rawKey).toContain(c.key);
    }
    expect(cases.some((c) => c.rawKey === c.key)).toBe(true);
    expect(cases.some((c) => c.rawKey.startsWith('Bearer '))).toBe(true);
  });

  it('covers the rare statuses, every body and every transport fault', () => {
    const statuses = new Set(behaviours.map((b) => b.status));
    for (const status of [204, 301, 302, 307, 407, 418, 502, 504]) expect(statuses).toContain(status);
    const bodies = new Set(behaviours.map((b) => b.body.kind));
    expect([...bodies].sort()).toEqual(['binary', 'echo-authorization', 'echo-key-piece', 'empty', 'error-json', 'fim-json',
      'hostile-text', 'html', 'huge', 'models-json', 'truncated-json', 'wrong-shape-json']);
    const transports = new Set(behaviours.map((b) => b.transport.kind));
    expect([...transports].sort()).toEqual(['close-before-answer', 'drip', 'half-open', 'late-headers', 'normal',
      'reset-before-answer', 'reset-mid-body', 'stall-after-headers']);
  });

  it('echoes 24- and 31-character pieces of the case\'s own key, in bodies and in id headers', () => {
    const pieces = cases.flatMap((c) => [c.hosts.api, c.hosts.codestral].flatMap((b) => (b.body.kind === 'echo-key-piece' ? [[c.key, b.body.piece]] : [])));
    expect(new Set(pieces.map(([, piece]) => piece!.length))).toEqual(new Set([24, 31]));
    for (const [key, piece] of pieces) expect(key).toContain(piece);
    const headerPieces = cases.flatMap((c) => [c.hosts.api, c.hosts.codestral].flatMap((b) => b.headers.map(([, value]) => value))
      .filter((value) => value.length >= 24 && c.key.includes(value) && value !== c.key));
    expect(headerPieces.length).toBeGreaterThan(0);
  });

  it('puts every hostile text into model ids and into error fields', () => {
    const hostile = behaviours.flatMap((b) => (b.body.kind === 'hostile-text' ? [`${b.body.into} ${b.body.text}`] : []));
    expect(new Set(hostile).size).toBe(2 * HOSTILE_TEXTS.length);
  });

  it('drips both under and over the timeout', () => {
    const drips = behaviours.flatMap((b) => (b.transport.kind === 'drip' ? [b.transport.fractionOfTimeout] : []));
    expect(drips.some((fraction) => fraction < 1)).toBe(true);
    expect(drips.some((fraction) => fraction > 1)).toBe(true);
  });

  it('redirects to the other host, sends Retry-After as seconds and as dates, and duplicates ids', () => {
    expect(behaviours.some((b) => b.redirect?.to === 'other-host')).toBe(true);
    const retryAfters = behaviours.flatMap((b) => b.headers.filter(([name]) => name === 'retry-after').map(([, v]) => v));
    expect(retryAfters.some((v) => /^\d+$/.test(v))).toBe(true);
    expect(retryAfters.some((v) => v.endsWith('GMT'))).toBe(true);
    expect(behaviours.some((b) => new Set(b.headers.map(([name]) => name)).size < b.headers.length)).toBe(true);
    expect(behaviours.some((b) => b.headers.length === 0)).toBe(true);
  });

  it('sends no body with a 204 or a redirect', () => {
    for (const b of behaviours.filter((b) => b.status === 204 || b.redirect)) expect(b.body.kind).toBe('empty');
  });

  it('describes a case on one line without the key', () => {
    const c = cases[5]!;
    const line = describeFuzzCase(c);
    expect(line).toContain(`seed ${c.seed}`);
    expect(line).not.toContain(c.key);
    expect(line).not.toContain('\n');
  });
});
