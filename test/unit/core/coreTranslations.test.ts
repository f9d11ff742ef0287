// l10n/parts/core.zh-cn.json translates exactly the strings that src/core's verdict and write-policy modules pass to t().
import fs, { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeCause } from '../../../src/core/causes';
import { useL10nBundle } from '../../../src/core/l10n';
import { expectModulesTranslatedExactly, readPart, ROOT } from '../l10nParts';

const MODELS = readdirSync('src/core/models').map((file) => `models/${file.replace(/\.ts$/, '')}`);
const MODULES = ['hygiene', ...MODELS, 'catalogue/index', 'catalogue/steps', 'labels', 'causes', 'causeMeaning', 'classify', 'report', 'writeTarget'].map((name) => `src/core/${name}.ts`);

describe('core.zh-cn.json', () => {
  const part = readPart('core');

  it('translates every string the core modules localise, keeping the placeholders, and nothing else', () => {
    expectModulesTranslatedExactly(part, MODULES, 100);
  });

  it('is what describeCause returns once the bundle is loaded', () => {
    useL10nBundle(part);
    expect(describeCause('codestral-key-on-api-host').title).toBe('旧版 Mistral Code 密钥被发送到了 api.mistral.ai');
  });

  it('has one word for "retired" (下线) in every Chinese text the product ships', () => {
    const files = [
      ...fs.readdirSync(path.join(ROOT, 'l10n/parts')).map((file) => path.join('l10n/parts', file)),
      'package.nls.zh-cn.json',
      ...fs.readdirSync(path.join(ROOT, 'media/walkthrough')).filter((file) => file.endsWith('.zh-cn.md')).map((file) => path.join('media/walkthrough', file)),
    ];
    for (const file of files) expect(fs.readFileSync(path.join(ROOT, file), 'utf8'), file).not.toContain('停用');
  });
});
