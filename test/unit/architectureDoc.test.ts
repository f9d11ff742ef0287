// ARCHITECTURE.md is the map a maintainer follows: every file or folder of src/, test/, bench/ and
// scripts/ it names exists (a rename that forgets the map fails here). And the code explains itself
// with what the repository has: no comment or test name cites a document that is not in it.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const architecture = fs.readFileSync(path.join(root, 'ARCHITECTURE.md'), 'utf8');

/** Every `src/…`, `test/…`, `bench/…` or `scripts/…` path written in the text, without trailing punctuation. */
function namedPaths(text: string): string[] {
  const found = text.match(/(?<![\w./-])(?:src|test|bench|scripts)\/[\w./-]*/g) ?? [];
  return [...new Set(found.map((name) => name.replace(/[.,;:]+$/, '')))];
}

function filesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.(ts|mjs|mts)$/.test(entry.name))
    .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

describe('ARCHITECTURE.md', () => {
  it('names only paths that exist', () => {
    const named = namedPaths(architecture);
    expect(named.length).toBeGreaterThan(40);
    expect(named.filter((name) => !fs.existsSync(path.join(root, name)))).toEqual([]);
  });

  it('finds a path that does not exist (the check itself works)', () => {
    expect(namedPaths('see `src/core/nowhere.ts`, and src/cli/.').filter((name) => !fs.existsSync(path.join(root, name)))).toEqual(['src/core/nowhere.ts']);
  });

  it('is, with the README, what the code cites: no source, test or script names a document outside the repository', () => {
    const outside = /DESIGN\.md|reference\/(mistral-api|style)\.md/;
    const citing = ['src', 'test', 'scripts', 'bench'].flatMap(filesUnder)
      .filter((file) => file !== 'test/unit/architectureDoc.test.ts' && outside.test(fs.readFileSync(path.join(root, file), 'utf8')));
    expect(citing).toEqual([]);
  });
});
