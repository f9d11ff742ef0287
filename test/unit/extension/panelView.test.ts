import { describe, expect, it } from 'vitest';
import { buildPanelView } from '../../../src/extension/panelView';
import { TOOL_IDS } from '../../../src/core/diagnosis';
import { panelViewSchema } from '../../../src/shared/webviewProtocol';
import { codestralKeyForCline, resultFor, workingConsoleKey } from './diagnosisFixtures';

describe('buildPanelView', () => {
  it('renders the seed case: Codestral key, does not work for Cline, api row 401 with its request id', () => {
    const view = buildPanelView({ tool: 'cline', checking: false, result: resultFor(codestralKeyForCline()), nextCheckAt: null });
    expect(panelViewSchema.safeParse(view).success).toBe(true);
    const result = view.result!;
    expect(result.severity).toBe('error');
    expect(result.headline).toMatch(/Codestral key/);
    expect(result.toolLine).toBe('It does not work for Cline.');
    expect(result.hosts.map((h) => [h.id, h.status, h.outcome, h.usedByTool])).toEqual([
      ['api', '401', 'rejected', true],
      ['codestral', '200', 'accepted', false],
    ]);
    expect(result.hosts[0]!.requestId).toBe('0123456789abcdef0123456789abcdef');
    expect(result.keyLine).toContain('AbCd…WxYz');
    expect(result.causeTitle).toBe('A Codestral key was sent to api.mistral.ai');
    expect(result.pinTitle).toBe('Switch model to codestral-2501');
  });

  it('shows the steps of the chosen tool, falling back to the general steps', () => {
    const result = resultFor(codestralKeyForCline());
    const cline = buildPanelView({ tool: 'cline', checking: false, result, nextCheckAt: null }).result!;
    const continueSteps = buildPanelView({ tool: 'continue', checking: false, result, nextCheckAt: null }).result!;
    expect(cline.fixSteps.map((s) => s.text)).toEqual(['Create a general key.', 'Paste it into Cline.', 'Open a lookalike page.']);
    expect(continueSteps.fixSteps.map((s) => s.text)).toEqual(['Create a general key on the console.', 'Wait about five minutes.']);
  });

  it('keeps only links to allowed pages and offers the console page the fix needs', () => {
    const view = buildPanelView({ tool: 'cline', checking: false, result: resultFor(codestralKeyForCline()), nextCheckAt: null }).result!;
    expect(view.fixSteps[2]!.link).toBeUndefined();
    expect(view.consoleLink).toEqual({ url: 'https://console.mistral.ai/api-keys', label: 'Console: API keys' });
  });

  it('has no result, only the empty state, before any check', () => {
    const view = buildPanelView({ tool: 'other', checking: true, result: null, nextCheckAt: 123 });
    expect(view).toMatchObject({ result: null, checking: true, nextCheckAt: 123, tool: 'other' });
    expect(view.tools.map((t) => t.id)).toEqual([...TOOL_IDS]);
  });

  it('says a working key works', () => {
    expect(buildPanelView({ tool: 'vibe', checking: false, result: resultFor(workingConsoleKey(), { tool: 'vibe' }), nextCheckAt: null }).result!.toolLine)
      .toBe('It works for Mistral Vibe.');
  });
});
