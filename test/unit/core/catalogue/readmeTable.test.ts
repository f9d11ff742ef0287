// README's table of tools is the catalogue, rendered: a change to a row changes the README (the
// test prints the table to paste between the markers).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogueRows, type CatalogueRow, type KeyStore } from '../../../../src/core/catalogue';
import { HOSTNAME_OF } from '../../../../src/core/hosts';
import { ROOT } from '../../l10nParts';

const START = '<!-- tools-table:start (generated from src/core/catalogue; test/unit/core/catalogue/readmeTable.test.ts) -->';
const END = '<!-- tools-table:end -->';

function versions(row: CatalogueRow): string {
  const { from, below } = row.versions;
  if (from === null && below === null) return row.name;
  if (from === null) return `${row.name} < ${below}`;
  return below === null ? `${row.name} ≥ ${from}` : `${row.name} ${from}–<${below}`;
}

function host(target: string): string {
  return target === 'auto' ? 'api first, Codestral after a 401' : HOSTNAME_OF[target as 'api' | 'codestral'];
}

function hosts(row: CatalogueRow): string {
  const rules = row.hostByModel.map(({ when, host: target }) => {
    const tests = [when.prefix && `\`${when.prefix}…\``, when.contains && `contains \`${when.contains}\``].filter(Boolean);
    return `${tests.length ? tests.join(', ') : row.hostByModel.length > 1 ? 'other models' : 'any model'} → ${host(target)}`;
  });
  if (row.defaultModel) rules.push(`no model: \`${row.defaultModel}\``);
  return rules.join('; ');
}

function store(entry: KeyStore): string {
  switch (entry.kind) {
    case 'file': return `\`${entry.path}\`${entry.override ? ` (\`$${entry.override.variable}\`)` : ''}`;
    case 'env': return `\`${entry.variable}\``;
    case 'keyring': return `keyring \`${entry.service}\``;
    case 'private': return entry.description;
  }
}

function toolsTable(): string {
  const lines = ['| tool | host per model | base-URL settings | key kept in | verified against |', '|---|---|---|---|---|'];
  for (const row of catalogueRows().filter((r) => r.tool !== 'other')) {
    const settings = row.baseUrlSettings.map((s) => `\`${s.setting}\`${s.scope ? ` (${s.scope})` : ''}: ${s.form === 'with-v1' ? 'with /v1' : 'no /v1'}`).join('; ') || '—';
    lines.push(`| ${versions(row)} | ${hosts(row)} | ${settings} | ${row.keyStores.map(store).join(', ')} | ${row.verifiedAgainst.version}: ${row.verifiedAgainst.source} |`);
  }
  return lines.join('\n');
}

describe('README tools table', () => {
  it('is the catalogue, row by row, with the version and source each row was verified against', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const start = readme.indexOf(START);
    const end = readme.indexOf(END);
    expect(start, `README.md needs the markers ${START} … ${END}`).toBeGreaterThan(-1);
    const written = readme.slice(start + START.length, end).trim();
    expect(written, `paste this between the markers:\n${toolsTable()}`).toBe(toolsTable());
  });
});
