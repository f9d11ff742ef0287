import { describe, expect, it } from 'vitest';
import { TOOL_IDS, type Diagnosis } from '../../../../src/core/diagnosis';
import { buildPanelView, verdictSentence, type PanelState } from '../../../../src/extension/panel/panelView';
import { panelViewSchema } from '../../../../src/shared/webviewProtocol';
import { codestralKeyForCline, host, resultFor, workingConsoleKey } from '../diagnosisFixtures';

const base: PanelState = { tool: 'cline', detection: null, settingsNotes: [], checking: false, result: null, nextCheckAt: null };

describe('buildPanelView', () => {
  it('answers first for the seed case: does not work for Cline, the cause, the severity in words', () => {
    const view = buildPanelView({ ...base, result: resultFor(codestralKeyForCline()) });
    expect(panelViewSchema.safeParse(view).success).toBe(true);
    const result = view.result!;
    expect(result).toMatchObject({ severity: 'error', severityLabel: 'Problem', verdict: 'It does not work for Cline.', causeTitle: 'A Codestral key was sent to api.mistral.ai' });
    expect(result.hosts.map((h) => [h.id, h.status, h.outcome, h.usedByTool])).toEqual([
      ['api', '401', 'rejected', true],
      ['codestral', '200', 'accepted', false],
    ]);
    expect(result.hosts[0]!.requestId).toBe('0123456789abcdef0123456789abcdef');
    expect(result.keyLine).toContain('AbCd…WxYz');
    expect(result.pinTitle).toBe('Switch model to codestral-2501');
  });

  it('shows the key type, the plan and the URLs the check used, whatever their values', () => {
    const diagnosis = codestralKeyForCline();
    const known = buildPanelView({ ...base, result: resultFor({ ...diagnosis, key: { ...diagnosis.key, type: 'mistral-code', plan: 'Code Enterprise' } }) }).result!;
    expect([known.keyType, known.plan]).toEqual(['legacy Mistral Code key', 'Code Enterprise']);
    const unknown = buildPanelView({ ...base, result: resultFor(diagnosis) }).result!;
    expect([unknown.keyType, unknown.plan]).toEqual(['unknown', 'unknown']);
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
    expect(view.consoleLink).toEqual({ url: 'https://console.mistral.ai/api-keys', label: 'Console: API keys' });
    expect(view.fixSteps.every((step) => step.link === undefined)).toBe(true);
  });

  it('has no result, only the empty state, before any check; lists all ten tools; passes detection and notes on', () => {
    const view = buildPanelView({ ...base, tool: 'other', checking: true, nextCheckAt: 123, detection: 'Cline 3.17.0 detected: it sends keys to api.mistral.ai.', settingsNotes: ['note'] });
    expect(view).toMatchObject({ result: null, checking: true, nextCheckAt: 123, tool: 'other', detection: expect.stringContaining('Cline 3.17.0') as unknown, settingsNotes: ['note'] });
    expect(view.tools.map((t) => t.id)).toEqual([...TOOL_IDS]);
    expect(view.tools.at(-1)!.label).toBe('your tool');
  });
});

describe('verdictSentence', () => {
  it('says a working key works, and names "your tool" for other tools', () => {
    expect(verdictSentence(workingConsoleKey(), 'vibe')).toBe('It works for Mistral Vibe.');
    expect(verdictSentence(workingConsoleKey(), 'other')).toBe('It works for your tool.');
  });

  it('never says "it works" on a 429, and says "could not tell" when no host answered', () => {
    const ok = workingConsoleKey();
    const limited: Diagnosis = { ...ok, cause: { ...ok.cause, id: 'rate-limited', severity: 'warning' }, hosts: { ...ok.hosts, api: host({ outcome: 'rate-limited', status: 429 }) } };
    expect(verdictSentence(limited, 'cline')).toBe('The key is valid, but Cline cannot use it right now.');
    const down: Diagnosis = { ...ok, keyKind: 'unknown', worksForTarget: false, cause: { ...ok.cause, id: 'host-unreachable', severity: 'error' } };
    expect(verdictSentence(down, 'cline')).toBe('Could not tell whether it works for Cline.');
  });
});
