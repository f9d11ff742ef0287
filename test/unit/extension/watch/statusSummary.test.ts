import { describe, expect, it } from 'vitest';
import type { Diagnosis, ToolId } from '../../../../src/core/diagnosis';
import { summarizeWatchedVerdicts, type WatchedVerdict } from '../../../../src/extension/watch/statusSummary';
import { codestralKeyForCline, host, workingConsoleKey } from '../diagnosisFixtures';

const TOOLS: Record<string, ToolId> = { Continue: 'continue', Vibe: 'vibe', Cline: 'cline', Tabby: 'tabby', Roo: 'roo' };

function verdict(owner: string, diagnosis: Diagnosis | null, overrides: Partial<WatchedVerdict> = {}): WatchedVerdict {
  return { sourceId: owner.toLowerCase(), owner: `${owner}'s key`, place: `${owner} file · abcd…wxyz`, diagnosis, tool: TOOLS[owner] ?? 'other', toolHost: 'api', stale: false, checking: false, ...overrides };
}

function rateLimited(): Diagnosis {
  const base = workingConsoleKey();
  return { ...base, cause: { ...base.cause, id: 'rate-limited', severity: 'warning' }, hosts: { ...base.hosts, api: host({ outcome: 'rate-limited', status: 429 }) } };
}

describe('summarizeWatchedVerdicts', () => {
  it('names the source and the cause, and the worst verdict leads', () => {
    const summary = summarizeWatchedVerdicts([
      verdict('Vibe', rateLimited()),
      verdict('Continue', codestralKeyForCline()),
      verdict('Cline', workingConsoleKey()),
    ]);
    expect(summary.worst?.text).toBe("Continue's key: 401 (legacy Mistral Code key, Continue needs a Studio key)");
    expect(summary.worst?.problem).toBe(true);
    expect(summary.rows.map((row) => row.text)).toEqual([
      "Vibe's key: 429 (rate-limited (429))",
      "Continue's key: 401 (legacy Mistral Code key, Continue needs a Studio key)",
      "Cline's key: works",
    ]);
  });

  it('clears when the fixed key checks out: the worst verdict is then "works" and no problem', () => {
    const summary = summarizeWatchedVerdicts([verdict('Continue', workingConsoleKey())]);
    expect(summary.worst).toMatchObject({ text: "Continue's key: works", severity: 'ok', problem: false });
  });

  it('marks a stale verdict, and leaves keys without a verdict out of the worst', () => {
    const summary = summarizeWatchedVerdicts([
      verdict('Continue', codestralKeyForCline(), { stale: true }),
      verdict('Tabby', null, { checking: true }),
      verdict('Cline', null),
    ]);
    expect(summary.rows.map((row) => row.text)).toEqual([
      "Continue's key: 401 (legacy Mistral Code key, Continue needs a Studio key) (last verdict: the file cannot be checked now)",
      "Tabby's key: checking…",
      "Cline's key: not checked yet",
    ]);
    expect(summary.worst?.sourceId).toBe('continue');
    expect(summarizeWatchedVerdicts([verdict('Cline', null)]).worst).toBeNull();
  });

  it('speaks of the host the tool uses: for a Codestral-host tool, the codestral answer', () => {
    const diagnosis = workingConsoleKey();
    const onCodestral = { ...diagnosis, cause: { ...diagnosis.cause, id: 'console-key-on-codestral-host' as const, severity: 'error' as const } };
    expect(summarizeWatchedVerdicts([verdict('Roo', onCodestral, { toolHost: 'codestral' })]).worst?.text)
      .toBe("Roo's key: 401 (Studio key on the Codestral host, point Roo Code at api.mistral.ai)");
  });

  it('names the outcome when no HTTP answer came', () => {
    const base = workingConsoleKey();
    const unreachable = { ...base, cause: { ...base.cause, id: 'host-unreachable' as const, severity: 'error' as const }, hosts: { ...base.hosts, api: host({ outcome: 'unreachable', status: null }) } };
    expect(summarizeWatchedVerdicts([verdict('Vibe', unreachable)]).worst?.text).toBe("Vibe's key: unreachable (Mistral host unreachable)");
  });
});
