// l10n/parts/probe.zh-cn.json translates exactly the strings that the probe's modules pass to t().
import { describe, expect, it } from 'vitest';
import { validateBaseUrl } from '../../../src/core/hosts';
import { useL10nBundle } from '../../../src/core/l10n';
import { expectModulesTranslatedExactly, readPart } from '../l10nParts';

const MODULES = ['src/core/hosts.ts', 'src/core/check.ts', 'src/emulator/demo.ts'];

describe('probe.zh-cn.json', () => {
  const part = readPart('probe');

  it('is what validateBaseUrl says once the bundle is loaded', () => {
    useL10nBundle(part);
    const result = validateBaseUrl('http://api.mistral.ai');
    expect(!result.ok && result.message).toBe('api.mistral.ai 的基础 URL 使用 http，密钥会以明文发送。请改用 https://api.mistral.ai；只有 127.0.0.1、::1 或 localhost 允许使用 http。');
  });

  it('translates every string the probe modules localise, keeping the placeholders, and nothing else', () => {
    expectModulesTranslatedExactly(part, MODULES, 10);
  });
});
