import { describe, expect, it } from 'vitest';
import { TOOL_IDS } from '../../../src/core/diagnosis';
import {
  allTools, hostForBaseUrl, hostForKeyVariable, hostForTool, isToolDefaultAlias, toolDisplayName, toolFacts,
} from '../../../src/core/tools';

describe('hostForTool', () => {
  it.each([
    ['cline', 'codestral-latest', 'api'],
    ['vibe', 'codestral-2508', 'api'],
    ['roo', 'codestral-2501', 'codestral'],
    ['roo', 'mistral-large-latest', 'api'],
    ['roo', null, 'auto'],
    ['continue', 'Codestral-2508', 'auto'],
    ['continue', 'mistral-small-latest', 'api'],
    ['continue', null, 'auto'],
    ['continue', 'codestral-mamba-latest', 'api'],
    ['cline', null, 'api'],
    ['kilo', 'codestral-2508', 'codestral'],
    ['zed', 'codestral-2508', 'codestral'],
    ['zed', 'mistral-large-latest', 'api'],
    ['aider', 'codestral/codestral-2508', 'codestral'],
    ['tabby', 'codestral-2508', 'api'],
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

  it('follows the version where the routing changed: Cline up to 3.1 called the Codestral host', () => {
    expect(hostForTool('cline', 'codestral-latest', '3.1.10')).toBe('codestral');
    expect(hostForTool('cline', 'codestral-latest', '3.2.13')).toBe('api');
    expect(hostForTool('cline', 'codestral-latest', '4.0.0')).toBe('api');
  });

  it('lets a configured base URL decide, and answers auto for anything that is not Mistral\'s', () => {
    expect(hostForTool('continue', 'codestral-latest', null, 'https://api.mistral.ai/v1')).toBe('api');
    expect(hostForTool('continue', 'mistral-large-latest', null, 'https://codestral.mistral.ai/v1')).toBe('codestral');
    expect(hostForBaseUrl('https://API.EU.mistral.ai')).toBe('api');
    expect(hostForBaseUrl('http://127.0.0.1:4000/v1')).toBe('auto');
    expect(hostForBaseUrl('codestral.mistral.ai')).toBe('auto');
  });
});

describe('the tools table', () => {
  it('knows which host a key variable is meant for', () => {
    expect(hostForKeyVariable('CODESTRAL_API_KEY')).toBe('codestral');
    expect(hostForKeyVariable('MISTRAL_API_KEY')).toBe('api');
  });

  it('tells a tool\'s own default alias from a user\'s moving alias', () => {
    expect(isToolDefaultAlias('vibe', 'mistral-vibe-cli-latest')).toBe(true);
    expect(isToolDefaultAlias('vibe', 'devstral-small-latest')).toBe(true);
    expect(isToolDefaultAlias(null, 'mistral-vibe-cli-latest')).toBe(true);
    expect(isToolDefaultAlias(null, 'devstral-small-latest')).toBe(false);
    expect(isToolDefaultAlias('cline', 'mistral-vibe-cli-latest')).toBe(false);
    expect(isToolDefaultAlias('vibe', 'codestral-latest')).toBe(false);
  });

  it('gives every tool its own steps, naming its own setting, and none of them a Codestral-key step', () => {
    for (const facts of allTools()) {
      for (const text of [facts.setKeyStep(), facts.setModelStep('codestral-2508'), facts.apiRouteStep('codestral-2508'), facts.codestralRouteStep('codestral-2508') ?? '']) {
        expect(text, facts.id).not.toMatch(/Codestral key|Codestral page/i);
      }
      expect(facts.setModelStep('codestral-2508'), facts.id).toContain('codestral-2508');
    }
    expect(toolFacts('roo').apiRouteStep('x')).toContain('"Codestral Base URL" to https://api.mistral.ai');
    expect(toolFacts('continue').apiRouteStep('x')).toContain('apiBase: https://api.mistral.ai/v1');
    expect(toolFacts('tabby').apiRouteStep('x')).toContain('api_endpoint = "https://api.mistral.ai/v1"');
    expect(toolFacts('cline').codestralRouteStep('x')).toBeNull();
    expect(toolFacts('vibe').codestralRouteStep('x')).toBeNull();
  });

  it('calls the unnamed tool "your tool"', () => {
    expect(toolDisplayName('other')).toBe('your tool');
  });
});
