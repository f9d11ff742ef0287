import { describe, expect, it } from 'vitest';
import { TOOL_IDS } from '../../../src/core/diagnosis';
import { hostForTool, toolDisplayName } from '../../../src/core/tools';

describe('hostForTool', () => {
  it.each([
    ['cline', 'codestral-latest', 'api'],
    ['vibe', 'codestral-2508', 'api'],
    ['roo', 'codestral-2501', 'codestral'],
    ['roo', 'mistral-large-latest', 'api'],
    ['roo', null, 'auto'],
    ['continue', 'Codestral-2508', 'auto'],
    ['continue', 'mistral-small-latest', 'api'],
    ['litellm', 'codestral/codestral-latest', 'codestral'],
    ['litellm', 'mistral/codestral-latest', 'api'],
    ['litellm', 'codestral-latest', 'auto'],
    ['other', 'codestral-2508', 'auto'],
  ] as const)('%s with %s goes to %s', (tool, model, target) => {
    expect(hostForTool(tool, model)).toBe(target);
  });

  it('names every tool', () => {
    expect(new Set(TOOL_IDS.map(toolDisplayName)).size).toBe(TOOL_IDS.length);
  });
});
