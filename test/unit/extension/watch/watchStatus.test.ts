import { describe, expect, it } from 'vitest';
import type { StatusView } from '../../../../src/extension/status/statusView';
import { summarizeWatchedVerdicts, type WatchedVerdict } from '../../../../src/extension/watch/statusSummary';
import { withWatchedKeys } from '../../../../src/extension/watch/watchStatus';
import { codestralKeyForCline, workingConsoleKey } from '../diagnosisFixtures';

const NOT_CHECKED: StatusView = { visible: true, text: '$(circle-large-outline) Mistral: key not checked', tooltip: 'not checked', severity: null, background: null };
const STORED_401: StatusView = { visible: true, text: '$(error) Mistral: legacy Mistral Code key, Cline needs a Studio key', tooltip: '**stored**', severity: 'error', background: 'error' };

function continueVerdict(diagnosis = codestralKeyForCline()): WatchedVerdict {
  return { sourceId: 'continue', owner: "Continue's key", place: 'Continue ~/.continue/config.yaml · CdSt…j5Ga', diagnosis, tool: 'continue', toolHost: 'api', stale: false, checking: false };
}

describe('withWatchedKeys', () => {
  it('a watched key worse off than the one shown names the tool and the cause, with the error background and "Stop watching" links', () => {
    const view = withWatchedKeys(NOT_CHECKED, summarizeWatchedVerdicts([continueVerdict()]));
    expect(view).toMatchObject({ visible: true, text: "$(error) Continue's key: 401 (legacy Mistral Code key, Continue needs a Studio key)", severity: 'error', background: 'error' });
    expect(view.tooltip).toContain(`command:mistralKeyDoctor.stopWatching?${encodeURIComponent('["continue"]')}`);
    expect(view.tooltip).toContain("Stop watching Continue's files");
    expect(view.tooltip).toContain('not checked');
  });

  it('clears by itself when the watched key checks out: the base view comes back, the row stays in the tooltip', () => {
    const view = withWatchedKeys(NOT_CHECKED, summarizeWatchedVerdicts([continueVerdict(workingConsoleKey())]));
    expect({ ...view, tooltip: '' }).toEqual({ ...NOT_CHECKED, tooltip: '' });
    expect(view.tooltip).toContain("Continue's key: works");
  });

  it('a base view as bad keeps the item; the watched rows join its tooltip', () => {
    const view = withWatchedKeys(STORED_401, summarizeWatchedVerdicts([continueVerdict()]));
    expect(view.text).toBe(STORED_401.text);
    expect(view.tooltip).toContain("Continue's key: 401 (legacy Mistral Code key, Continue needs a Studio key)");
  });

  it('a running check keeps its spinner, and nothing watched changes nothing', () => {
    const checking: StatusView = { visible: true, text: '$(sync~spin) Mistral: checking', tooltip: '', severity: null, background: null };
    expect(withWatchedKeys(checking, summarizeWatchedVerdicts([continueVerdict()])).text).toBe(checking.text);
    expect(withWatchedKeys(NOT_CHECKED, summarizeWatchedVerdicts([]))).toEqual(NOT_CHECKED);
  });
});
