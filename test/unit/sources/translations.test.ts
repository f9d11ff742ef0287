// Every string the sources area shows goes through `t` and has a Simplified Chinese translation.
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SOURCES_DIR = path.resolve(__dirname, '../../../src/sources');
const PART = path.resolve(__dirname, '../../../l10n/parts/sources.zh-cn.json');

function localisedStrings(): string[] {
  const found = new Set<string>();
  for (const name of readdirSync(SOURCES_DIR).filter((file) => file.endsWith('.ts'))) {
    const file = path.join(SOURCES_DIR, name);
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      const [first] = ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 't'
        ? node.arguments : [];
      if (first && ts.isStringLiteralLike(first)) found.add(first.text);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return [...found].sort();
}

function placeholders(text: string): string[] {
  return (text.match(/\{\d+\}/g) ?? []).sort();
}

describe('sources translations', () => {
  const translations = JSON.parse(readFileSync(PART, 'utf8')) as Record<string, string>;
  const strings = localisedStrings();

  it('translates exactly the strings the sources show', () => {
    expect(strings.length).toBeGreaterThan(10);
    expect(Object.keys(translations).sort()).toEqual(strings);
  });

  it('keeps every placeholder in the translation', () => {
    for (const english of strings) expect(placeholders(translations[english] ?? '')).toEqual(placeholders(english));
  });
});
