// l10n/parts/probe.zh-cn.json must translate every string that the probe's modules pass to t().
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateBaseUrl } from '../../../src/core/hosts';
import { useL10nBundle } from '../../../src/core/l10n';

const ROOT = path.resolve(__dirname, '../../..');
const MODULES = ['src/core/hosts.ts', 'src/core/check.ts', 'src/emulator/demo.ts'];
const T_CALL = /\bt\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)")/g;

const part: Record<string, string> = JSON.parse(fs.readFileSync(path.join(ROOT, 'l10n/parts/probe.zh-cn.json'), 'utf8'));

function englishStrings(): string[] {
  const found = new Set<string>();
  for (const file of MODULES) {
    const source = fs.readFileSync(path.join(ROOT, file), 'utf8');
    for (const match of source.matchAll(T_CALL)) found.add((match[1] ?? match[2]!).replace(/\\(['"])/g, '$1'));
  }
  return [...found];
}

const placeholders = (text: string) => [...text.matchAll(/\{\d+\}/g)].map((m) => m[0]).sort();

describe('probe.zh-cn.json', () => {
  const strings = englishStrings();

  it('translates every string the probe modules localise, keeping the placeholders', () => {
    expect(strings.length).toBeGreaterThan(10);
    for (const english of strings) {
      expect(part[english], english).toBeTruthy();
      expect(placeholders(part[english]!), english).toEqual(placeholders(english));
    }
  });

  it('holds no string the code no longer uses', () => {
    expect(Object.keys(part).filter((english) => !strings.includes(english))).toEqual([]);
  });

  it('is what validateBaseUrl says once the bundle is loaded', () => {
    useL10nBundle(part);
    const result = validateBaseUrl('http://api.mistral.ai');
    expect(!result.ok && result.message).toBe('api.mistral.ai 的基础 URL 使用 http，密钥会以明文发送。请改用 https://api.mistral.ai；只有 127.0.0.1、::1 或 localhost 允许使用 http。');
  });
});
