import { describe, expect, it } from 'vitest';
import { TOOL_IDS, type Diagnosis } from '../../../../src/core/diagnosis';
import { buildPanelView, type PanelState } from '../../../../src/extension/panel/panelView';
import { panelViewSchema } from '../../../../src/shared/webviewProtocol';
import { codestralKeyForCline, host, resultFor, workingConsoleKey } from '../diagnosisFixtures';

const base: PanelState = { tool: 'cline', detection: null, settingsNotes: [], checking: false, result: null, nextCheckAt: null };

describe('buildPanelView', () => {
  it('answers first for the seed case: does not work for Cline, the cause, the severity in words', () => {
    const view = buildPanelView({ ...base, result: resultFor(codestralKeyForCline()) });
    expect(panelViewSchema.safeParse(view).success).toBe(true);
    const result = view.result!;
    expect(result).toMatchObject({ severity: 'error', severityLabel: 'Error', verdict: 'It does not work for Cline.', causeTitle: 'A Codestral key was sent to api.mistral.ai' });
    expect(result.hosts.map((h) => [h.id, h.status, h.outcome, h.usedByTool])).toEqual([
      ['api', '401', 'rejected', true],
      ['codestral', '200', 'accepted', false],
    ]);
    expect(result.hosts[0]!.requestId).toBe('0123456789abcdef0123456789abcdef');
    expect(result.keyLine).toContain('AbCd…WxYz');
    expect(result.pinTitle).toBe('Switch model to codestral-2501');
  });

  it('shows the key type and the plan when known, leaves them out when unknown, and the URLs the check used', () => {
    const diagnosis = codestralKeyForCline();
    const known = buildPanelView({ ...base, result: resultFor({ ...diagnosis, key: { ...diagnosis.key, type: 'mistral-code', plan: 'Code Enterprise' } }) }).result!;
    expect([known.keyType, known.plan]).toEqual(['legacy Mistral Code key', 'Code Enterprise']);
    const unknown = buildPanelView({ ...base, result: resultFor(diagnosis) }).result!;
    expect([unknown.keyType, unknown.plan]).toEqual([null, null]);
    expect(unknown.hosts.map((h) => h.url)).toEqual(['https://api.mistral.ai', 'https://codestral.mistral.ai']);
  });

  it('shows the steps of the chosen tool, falling back to the general steps', () => {
    const result = resultFor(codestralKeyForCline());
    const cline = buildPanelView({ ...base, result }).result!;
    const continueSteps = buildPanelView({ ...base, tool: 'continue', result }).result!;
    expect(cline.fixSteps.map((s) => s.text)).toEqual(['Create a general key.', 'Paste it into Cline.', 'Open a lookalike page.']);
    expect(continueSteps.fixSteps.map((s) => s.text)).toEqual(['Create a general key on the console.', 'Wait about five minutes.']);
  });

  it('keeps only links to allowed pages, and does not repeat the console link the button offers', () => {
    const view = buildPanelView({ ...base, result: resultFor(codestralKeyForCline()) }).result!;
    expect(view.consoleLink).toEqual({ url: 'https://console.mistral.ai/api-keys', label: 'Open API keys' });
    expect(view.fixSteps.every((step) => step.link === undefined)).toBe(true);
  });

  it('has no result, only the empty state, before any check; lists all ten tools; passes detection and notes on', () => {
    const view = buildPanelView({ ...base, tool: 'other', checking: true, nextCheckAt: 123, detection: 'Cline 3.17.0 detected: it sends keys to api.mistral.ai.', settingsNotes: ['note'] });
    expect(view).toMatchObject({ result: null, checking: true, nextCheckAt: 123, tool: 'other', detection: expect.stringContaining('Cline 3.17.0') as unknown, settingsNotes: ['note'] });
    expect(view.tools.map((t) => t.id)).toEqual([...TOOL_IDS]);
    expect(view.tools.at(-1)!.label).toBe('your tool');
  });
});

describe('the panel reads the Diagnosis', () => {
  it('leads with the headline the Diagnosis carries, never a sentence of its own', () => {
    const diagnosis = { ...workingConsoleKey(), headline: 'A headline from core.' };
    expect(buildPanelView({ ...base, result: resultFor(diagnosis) }).result!.verdict).toBe('A headline from core.');
  });

  it('names the hosts as every other surface does, and a 402 as a valid key without billing', () => {
    const ok = workingConsoleKey();
    const billing: Diagnosis = { ...ok, hosts: { ...ok.hosts, api: host({ outcome: 'accepted', status: 402 }) } };
    const result = buildPanelView({ ...base, result: resultFor(billing) }).result!;
    expect(result.hosts.map((h) => h.name)).toEqual(['api.mistral.ai', 'codestral.mistral.ai']);
    expect(result.hosts[0]!.outcomeLabel).toBe('key valid, billing not set up');
  });

  it('says what the hosts said as a sentence of its own', () => {
    const result = buildPanelView({ ...base, result: resultFor(codestralKeyForCline()) }).result!;
    expect(result.keyKindLine).toMatch(/^What the hosts said: .+\.$/);
  });
});
