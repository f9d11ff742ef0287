// Mistral's host names have one home, src/core/hosts.ts; every other module imports them from there.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '../..');
const HOME = 'src/core/hosts.ts';
const MISTRAL_DOMAIN = /(?:^|[^a-z0-9-])(?:[a-z0-9-]+\.)*mistral\.ai(?![a-z0-9-])/i;

/**
 * Files that still write a host name in a message (texts that also need their translation keyed
 * anew); the branches reworking the language server and the extension replace them with `{0}`. The list may only shrink: a file that no
 * longer holds a host name must leave it.
 */
const NOT_YET_MOVED = new Set([
  'src/server/rules/baseUrlRules.ts', 'src/server/rules/keyRules.ts',
]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(path.join(repoRoot, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.relative(repoRoot, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort();
}

function lineWithHostname(file: string): string | null {
  const lines = fs.readFileSync(path.join(repoRoot, file), 'utf8').split('\n');
  const index = lines.findIndex((line) => MISTRAL_DOMAIN.test(line));
  return index < 0 ? null : `${file}:${index + 1}: ${lines[index]!.trim()}`;
}

describe('Mistral host names', () => {
  const files = sourceFiles('src').filter((file) => file !== HOME);

  it('are written only in src/core/hosts.ts', () => {
    const offenders = files.filter((file) => !NOT_YET_MOVED.has(file)).map(lineWithHostname).filter((line) => line !== null);
    expect(offenders, 'import the host name or URL from src/core/hosts.ts instead').toEqual([]);
  });

  it('leave the list of files not yet moved as soon as a file is clean', () => {
    const clean = [...NOT_YET_MOVED].filter((file) => !fs.existsSync(path.join(repoRoot, file)) || lineWithHostname(file) === null);
    expect(clean, 'remove these from NOT_YET_MOVED').toEqual([]);
  });

  it('are found by the scan, in the home itself', () => {
    expect(lineWithHostname(HOME)).toMatch(/api\.mistral\.ai/);
    expect(MISTRAL_DOMAIN.test('https://docs.mistral.ai/x')).toBe(true);
    expect(MISTRAL_DOMAIN.test('see mistral.ai')).toBe(true);
    expect(MISTRAL_DOMAIN.test('mistralai/mistralai, notmistral.ai.example, mistral.aix')).toBe(false);
  });
});
