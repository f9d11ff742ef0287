import { describe, expect, it } from 'vitest';
import { describeCause, fixStepsFor } from '../../../src/core/causes';
import { CAUSE_IDS, SEVERITIES, TOOL_IDS } from '../../../src/core/diagnosis';
import { inspectKey } from '../../../src/core/hygiene';
import { isAllowedLink } from '../../../src/core/links';
import { KEY_ACTIVATION_WINDOW_MS } from '../../../src/core/activation';

const NOW = new Date('2026-11-27T12:00:00Z');

describe('describeCause', () => {
  it.each(CAUSE_IDS)('%s has a severity, a title, an explanation and allowlisted links', (id) => {
    const cause = describeCause(id, { host: 'api', now: NOW });
    expect(SEVERITIES).toContain(cause.severity);
    expect(cause.title.length).toBeGreaterThan(5);
    if (id !== 'ok') {
      expect(cause.explanation.length).toBeGreaterThan(20);
      expect(cause.fix.length).toBeGreaterThan(0);
    }
    for (const steps of [cause.fix, ...Object.values(cause.fixByTool)]) {
      for (const step of steps ?? []) {
        expect(step.text).not.toBe('');
        if (step.link) expect(isAllowedLink(step.link.url)).toBe(true);
      }
    }
  });

  it('keeps per-tool steps only where they differ from the generic ones', () => {
    const cause = describeCause('key-rejected', { now: NOW });
    // Every tool keeps its key somewhere else, so each has its own key-rejected steps.
    expect(Object.keys(cause.fixByTool).sort()).toEqual(TOOL_IDS.filter((tool) => tool !== 'other').sort());
    expect(describeCause('rate-limited', { now: NOW }).fixByTool).toEqual({});
  });

  it('tells each tool where its key lives', () => {
    const cause = describeCause('key-rejected', { now: NOW });
    expect(fixStepsFor(cause, 'vibe').map((s) => s.text).join(' ')).toContain('~/.vibe/.env');
    expect(fixStepsFor(cause, 'continue').map((s) => s.text).join(' ')).toContain('config.yaml');
    expect(fixStepsFor(cause, 'litellm').map((s) => s.text).join(' ')).toContain('CODESTRAL_API_KEY');
    expect(fixStepsFor(cause, 'cline').map((s) => s.text).join(' ')).toContain('Cline');
    expect(fixStepsFor(cause, 'other')).toBe(cause.fix);
    expect(fixStepsFor(cause, null)).toBe(cause.fix);
  });

  it('never sends a user to make a Codestral key, and names where Vibe keys come from', () => {
    for (const id of CAUSE_IDS) {
      const cause = describeCause(id, { host: 'codestral', workingHost: 'api', keyType: 'mistral-code', now: NOW });
      for (const steps of [cause.fix, ...Object.values(cause.fixByTool)]) {
        for (const step of steps ?? []) {
          expect(step.text, id).not.toMatch(/Codestral key on|Codestral page|activate Codestral|create a Codestral key/i);
          expect(step.link?.url ?? '', id).not.toMatch(/\/codestral$/);
        }
      }
    }
    const vibe = fixStepsFor(describeCause('key-rejected', { now: NOW }), 'vibe');
    expect(vibe.some((step) => step.link?.url === 'https://chat.mistral.ai/code/extensions')).toBe(true);
  });

  it('names each tool by its name, and "your tool" for other', () => {
    const cause = describeCause('codestral-key-on-api-host', { now: NOW });
    expect(fixStepsFor(cause, 'cline')[0]?.text).toContain('Cline sends Mistral keys only to api.mistral.ai');
    expect(fixStepsFor(cause, 'tabby')[0]?.text).toContain('Tabby sends');
    const all = [cause.fix, ...Object.values(cause.fixByTool)].flat().map((step) => step.text).join('\n');
    expect(all).not.toMatch(/\bOther tool\b|\bother\b sends/);
  });

  it('explains a masked copy and says nothing was sent', () => {
    const findings = inspectKey('Ab3d...Cd4F').report.findings;
    const cause = describeCause('key-malformed', { findings, keySent: false, now: NOW });
    expect(cause.title).toContain('masked');
    expect(cause.explanation).toContain('Nothing was sent');
    expect(cause.fix[0]?.link?.url).toBe('https://console.mistral.ai/api-keys');
  });

  it('counts down the activation wait of a new key', () => {
    const cause = describeCause('key-not-yet-active', { keyAgeMs: 2 * 60_000 + 10_000, now: NOW });
    expect(cause.explanation).toContain('2 min ago');
    expect(cause.fix[0]?.text).toContain(`Wait up to ${Math.ceil((KEY_ACTIVATION_WINDOW_MS - (2 * 60_000 + 10_000)) / 60_000)} min`);
  });

  it('never says "created 0 min ago" nor sends an extension user to the terminal', () => {
    const cause = describeCause('key-not-yet-active', { keyAgeMs: 20_000, now: NOW });
    expect(cause.explanation).not.toMatch(/0 min ago/);
    expect(cause.fix.map((s) => s.text).join(' ')).not.toMatch(/mistral-key-doctor|--watch|terminal/);
  });

  it('names the model in the seed recipe only when the model needs a change', () => {
    const suggestion = { id: 'codestral-2604', reason: null, title: 'Switch model to codestral-2604' };
    const model = { id: 'codestral-latest', state: 'alias' as const, resolvesTo: 'codestral-2508', date: null, suggested: 'codestral-2604', suggestion };
    expect(describeCause('key-rejected', { model, pin: suggestion, now: NOW }).fix.map((s) => s.text).join(' ')).toContain('codestral-2604');
    const fine = { ...model, id: 'codestral-2508', state: 'available' as const, resolvesTo: null, suggested: null, suggestion: null };
    expect(describeCause('key-rejected', { model: fine, pin: suggestion, now: NOW }).fix.map((s) => s.text).join(' ')).not.toContain('codestral-2604');
  });
});
