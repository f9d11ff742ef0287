// l10n/parts/core.zh-cn.json translates exactly the strings that src/core's verdict and write-policy modules pass to t().
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeCause } from '../../../src/core/causes';
import { useL10nBundle } from '../../../src/core/l10n';
import { expectPartToTranslateExactly, localisedStrings, readPart } from '../l10nParts';

const MODELS = readdirSync('src/core/models').map((file) => `models/${file.replace(/\.ts$/, '')}`);
const MODULES = ['hygiene', ...MODELS, 'tools', 'labels', 'causes', 'classify', 'report', 'writeTarget'].map((name) => `src/core/${name}.ts`);

describe('core.zh-cn.json', () => {
  const part = readPart('core');

  it('translates every string the core modules localise, keeping the placeholders, and nothing else', () => {
    const strings = localisedStrings(MODULES);
    expect(strings.length).toBeGreaterThan(100);
    expectPartToTranslateExactly(part, strings);
  });

  it('is what describeCause returns once the bundle is loaded', () => {
    useL10nBundle(part);
    expect(describeCause('codestral-key-on-api-host').title).toBe('旧版 Mistral Code 密钥被发送到了 api.mistral.ai');
  });
});
