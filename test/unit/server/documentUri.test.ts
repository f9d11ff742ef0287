import { describe, expect, it } from 'vitest';
import { parseDocumentUri } from '../../../src/server/documentUri';

describe('parseDocumentUri', () => {
  it('decodes a local file URI into segments and a path', () => {
    expect(parseDocumentUri('file:///home/u/my%20repo/.env')).toEqual({
      ok: true, scheme: 'file', segments: ['', 'home', 'u', 'my repo', '.env'], filePath: '/home/u/my repo/.env',
    });
    expect(parseDocumentUri('file://localhost/repo/.env')).toMatchObject({ ok: true, filePath: '/repo/.env' });
  });

  it('keeps other schemes without a file path', () => {
    expect(parseDocumentUri('untitled:Untitled-1')).toMatchObject({ ok: true, scheme: 'untitled', filePath: null });
  });

  it.each([
    ['file://host/share/.env', 'another host'],
    ['file:///repo/%E0%A4%A/.env', 'invalid %-escape'],
    ['not a uri', 'not an absolute URI'],
  ])('refuses %s with a reason', (uri, reason) => {
    const parsed = parseDocumentUri(uri);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });
});
