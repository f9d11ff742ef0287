import { describe, expect, it } from 'vitest';
import { BUILT_IN_ALIASES, lifecycleOf, MODEL_LIFECYCLE, roleOf } from '../../../../src/core/models';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const allIds = MODEL_LIFECYCLE.flatMap((entry) => [entry.id, ...entry.aliases]);

describe('every lifecycle row', () => {
  it.each(MODEL_LIFECYCLE.map((entry) => [entry.id, entry] as const))('%s names its source, dates and a replacement of its own role', (_id, entry) => {
    expect(entry.source).toMatch(/platform-docs-public docs v\d+\.\d+\.\d+ .*src\/schema\/models\/models\/[a-z0-9-]+\.ts/);
    for (const date of [entry.released, entry.deprecation, entry.retirement]) if (date !== null) expect(date).toMatch(DATE);
    if (entry.deprecation && entry.retirement) expect(entry.deprecation <= entry.retirement).toBe(true);
    if (entry.replacement) {
      const replacement = lifecycleOf(entry.replacement);
      expect(replacement, `${entry.replacement} is a row`).toBeDefined();
      expect(replacement!.id).toBe(entry.replacement);
      expect(replacement!.role).toBe(entry.role);
    }
  });

  it('spells each id and alias once', () => {
    expect(new Set(allIds).size).toBe(allIds.length);
  });

  it('gives a tool\'s own alias the tool\'s source, not the docs', () => {
    expect(BUILT_IN_ALIASES['mistral-vibe-cli-latest']).toBe('mistral-medium-3-5');
    expect(lifecycleOf('mistral-medium-3-5')?.source).toContain('mistral-vibe');
  });
});

describe('the rows, by group', () => {
  const row = (id: string) => {
    const entry = lifecycleOf(id);
    return entry && { id: entry.id, role: entry.role, deprecation: entry.deprecation, retirement: entry.retirement, replacement: entry.replacement };
  };

  it('Codestral: 2405, Mamba and 2501 retired for codestral-2508 (codestral-latest), current', () => {
    expect(row('codestral-2405')).toEqual({ id: 'codestral-2405', role: 'autocomplete', deprecation: '2024-12-02', retirement: '2025-06-16', replacement: 'codestral-2508' });
    expect(row('open-codestral-mamba')).toMatchObject({ role: 'autocomplete', retirement: '2025-06-06', replacement: 'codestral-2508' });
    expect(row('codestral-2501')).toMatchObject({ deprecation: '2025-11-06', retirement: '2025-11-30', replacement: 'codestral-2508' });
    expect(row('codestral-latest')).toEqual({ id: 'codestral-2508', role: 'autocomplete', deprecation: null, retirement: null, replacement: null });
  });

  it('Devstral: agents, replaced by Medium 3.5 or, for Devstral Small 1.1, Small 4', () => {
    expect(row('devstral-small-2505')).toMatchObject({ role: 'chat', deprecation: '2025-10-31', retirement: '2025-11-30', replacement: 'mistral-medium-3-5' });
    expect(row('devstral-small-2507')).toMatchObject({ deprecation: '2026-02-27', retirement: '2026-05-31', replacement: 'mistral-small-2603' });
    expect(row('devstral-medium-2507')).toMatchObject({ deprecation: '2026-02-27', retirement: '2026-05-31', replacement: 'mistral-medium-3-5' });
    expect(row('devstral-small-latest')).toMatchObject({ id: 'labs-devstral-small-2512', retirement: '2026-03-31', replacement: 'mistral-medium-3-5' });
    for (const id of ['devstral-2512', 'devstral-latest', 'devstral-medium-latest']) {
      expect(row(id)).toEqual({ id: 'devstral-2512', role: 'chat', deprecation: '2026-05-22', retirement: '2026-07-31', replacement: 'mistral-medium-3-5' });
    }
  });

  it('Magistral: medium to Medium 3.5, small to Small 4', () => {
    for (const id of ['magistral-medium-2506', 'magistral-medium-2507']) expect(row(id)).toMatchObject({ retirement: '2025-11-30', replacement: 'mistral-medium-3-5' });
    for (const id of ['magistral-small-2506', 'magistral-small-2507']) expect(row(id)).toMatchObject({ retirement: '2025-11-30', replacement: 'mistral-small-2603' });
    expect(row('magistral-medium-latest')).toMatchObject({ id: 'magistral-medium-2509', retirement: '2026-07-31', replacement: 'mistral-medium-3-5' });
    expect(row('magistral-small-latest')).toMatchObject({ id: 'magistral-small-2509', retirement: '2026-07-31', replacement: 'mistral-small-2603' });
  });

  it('Mistral Medium: 2312, 2505 and 2508 to Medium 3.5, an undated id with two aliases', () => {
    expect(row('mistral-medium-2312')).toMatchObject({ retirement: '2025-06-16', replacement: 'mistral-medium-3-5' });
    for (const id of ['mistral-medium-2505', 'mistral-medium-2508']) expect(row(id)).toMatchObject({ deprecation: '2026-05-22', retirement: '2026-08-31', replacement: 'mistral-medium-3-5' });
    for (const id of ['mistral-medium-3-5', 'mistral-medium-3', 'mistral-medium-latest']) expect(row(id)).toMatchObject({ id: 'mistral-medium-3-5', retirement: null });
  });

  it('Mistral Small, Nemo, Mixtral, Saba, Creative: to Small 4 or Ministral 3 8B', () => {
    for (const id of ['mistral-small-2409', 'mistral-small-2501', 'mistral-small-2503']) expect(row(id)).toMatchObject({ retirement: '2025-11-30', replacement: 'mistral-small-2603' });
    expect(row('mistral-small-2506')).toMatchObject({ retirement: '2026-07-31', replacement: 'mistral-small-2603' });
    expect(row('mistral-small-latest')).toMatchObject({ id: 'mistral-small-2603', retirement: null });
    expect(row('open-mistral-nemo')).toMatchObject({ retirement: '2026-07-31', replacement: 'ministral-8b-2512' });
    expect(row('labs-mistral-small-creative')).toMatchObject({ retirement: '2026-04-30', replacement: 'ministral-8b-2512' });
    for (const id of ['open-mixtral-8x7b', 'open-mixtral-8x22b']) expect(row(id)).toMatchObject({ retirement: '2025-03-30', replacement: 'mistral-small-2603' });
  });

  it('Large, Pixtral, Ministral and Leanstral', () => {
    expect(row('mistral-large-2411')).toMatchObject({ retirement: '2026-05-31', replacement: 'mistral-medium-3-5' });
    expect(row('pixtral-large-latest')).toMatchObject({ id: 'pixtral-large-2411', retirement: '2026-05-31', replacement: 'mistral-medium-3-5' });
    expect(row('mistral-large-latest')).toMatchObject({ id: 'mistral-large-2512', retirement: null });
    expect(row('ministral-3b-2410')).toMatchObject({ retirement: '2025-12-31', replacement: 'ministral-3b-2512' });
    expect(row('ministral-8b-2410')).toMatchObject({ retirement: '2025-12-31', replacement: 'ministral-8b-2512' });
    expect(row('pixtral-12b-2409')).toMatchObject({ retirement: '2025-12-31', replacement: 'ministral-14b-2512' });
    expect(row('labs-leanstral-2603')).toMatchObject({ retirement: '2026-06-30', replacement: 'labs-leanstral-1-5' });
  });
});

describe('roleOf', () => {
  it('reads the table, else the name: codestral ids complete code, embeddings and the rest do not', () => {
    expect(roleOf('codestral-latest')).toBe('autocomplete');
    expect(roleOf('codestral-2612')).toBe('autocomplete');
    expect(roleOf('codestral-embed')).toBe('chat');
    expect(roleOf('devstral-2512')).toBe('chat');
    expect(roleOf('my-finetune')).toBe('chat');
  });
});
