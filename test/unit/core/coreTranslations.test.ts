// l10n/parts/core.zh-cn.json must translate every string that src/core's verdict modules pass to t().
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeCause } from '../../../src/core/causes';
import { useL10nBundle } from '../../../src/core/l10n';

const ROOT = path.resolve(__dirname, '../../..');
const MODULES = ['hygiene', 'models', 'tools', 'labels', 'causes', 'classify', 'report'];
const T_CALL = /\bt\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g;

const part: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n/parts/core.zh-cn.json'), 'utf8'));

function englishStrings(): string[] {
  const found = new Set<string>();
  for (const name of MODULES) {
    const source = fs.readFileSync(path.join(ROOT, 'src/core', `${name}.ts`), 'utf8');
    for (const match of source.matchAll(T_CALL)) found.add((match[1] ?? match[2]!).replace(/\\(['"])/g, '$1'));
  }
  return [...found];
}

const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

describe('core.zh-cn.json', () => {
  const strings = englishStrings();

  it('translates every string the core modules localise, keeping the placeholders', () => {
    expect(strings.length).toBeGreaterThan(100);
    for (const english of strings) {
      expect(part[english], english).toBeTruthy();
      expect(placeholders(part[english]!), english).toEqual(placeholders(english));
    }
  });

  it('holds no string the code no longer uses', () => {
    expect(Object.keys(part).filter((english) => !strings.includes(english))).toEqual([]);
  });

  it('is what describeCause returns once the bundle is loaded', () => {
    useL10nBundle(part);
    expect(describeCause('codestral-key-on-api-host').title).toBe('Codestral 密钥被发送到了 api.mistral.ai');
  });
});
