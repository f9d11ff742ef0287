// Reads what the code localises (string literals passed to `t`, `l10n.t` or `vscode.l10n.t`, found
// with the TypeScript parser) and the l10n/parts/*.zh-cn.json files that translate them.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { expect } from 'vitest';

export const ROOT = path.resolve(__dirname, '../..');

/** The .ts files under the given folders of the repository (relative paths), recursively. */
export function sourceFilesUnder(...dirs: string[]): string[] {
  return dirs.flatMap((dir) => fs.readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => path.join(dir, file)));
}

/** `t(…)`, `l10n.t(…)` or `vscode.l10n.t(…)`. */
function isTranslateCall(node: ts.CallExpression): boolean {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text === 't';
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 't') return false;
  const owner = callee.expression;
  return (ts.isIdentifier(owner) ? owner.text : ts.isPropertyAccessExpression(owner) ? owner.name.text : null) === 'l10n';
}

/** The English strings the files localise, sorted and without repeats. */
export function localisedStrings(files: string[]): string[] {
  const found = new Set<string>();
  for (const file of files) {
    const source = ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      const first = ts.isCallExpression(node) && isTranslateCall(node) ? node.arguments[0] : undefined;
      if (first && ts.isStringLiteralLike(first)) found.add(first.text);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return [...found].sort();
}

export function readPart(name: string): Record<string, string> {
  return JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n/parts', `${name}.zh-cn.json`), 'utf8')) as Record<string, string>;
}

export function placeholdersOf(text: string): string[] {
  return (text.match(/\{\d+\}/g) ?? []).sort();
}

/** Every string is translated with the same placeholders, and the part holds nothing else. */
export function expectPartToTranslateExactly(part: Record<string, string>, strings: string[]): void {
  expect(strings.filter((english) => !part[english])).toEqual([]);
  expect(Object.keys(part).filter((english) => !strings.includes(english))).toEqual([]);
  for (const english of strings) expect(placeholdersOf(part[english]!), english).toEqual(placeholdersOf(english));
}

/** The part translates exactly the strings these modules localise (at least `atLeast` of them). */
export function expectModulesTranslatedExactly(part: Record<string, string>, modules: string[], atLeast: number): void {
  const strings = localisedStrings(modules);
  expect(strings.length).toBeGreaterThan(atLeast);
  expectPartToTranslateExactly(part, strings);
}
