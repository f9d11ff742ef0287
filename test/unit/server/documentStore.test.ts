import { describe, expect, it } from 'vitest';
import { DocumentStore } from '../../../src/server/documentStore';

describe('DocumentStore', () => {
  it('keeps config documents, applies incremental changes, and ignores other files silently', () => {
    const logs: string[] = [];
    const store = new DocumentStore((line) => logs.push(line));
    expect(store.openDocument('file:///repo/README.md', 'markdown', 1, '# hi')).toBeNull();
    const open = store.openDocument('file:///repo/.env', 'dotenv', 1, 'A=1\n');
    expect(open).toMatchObject({ kind: 'dotenv', filePath: '/repo/.env', name: '.env' });
    store.change('file:///repo/.env', 2, [{ range: { start: { line: 0, character: 2 }, end: { line: 0, character: 3 } }, text: '2' }]);
    expect(store.get('file:///repo/.env')?.document.getText()).toBe('A=2\n');
    expect(store.close('file:///repo/.env')).toBe(true);
    expect(store.all()).toEqual([]);
    expect(logs).toEqual([]);
  });

  it('skips unusual URIs with one log line each', () => {
    const logs: string[] = [];
    const store = new DocumentStore((line) => logs.push(line));
    for (let attempt = 0; attempt < 3; attempt++) expect(store.openDocument('file://server/share/.env', 'dotenv', 1, 'A=1')).toBeNull();
    expect(store.openDocument('file:///repo/%zz/.env', 'dotenv', 1, 'A=1')).toBeNull();
    expect(logs).toHaveLength(2);
    expect(logs[0]).toBe('Skipped "file://server/share/.env": a file on another host (server).');
  });
});
