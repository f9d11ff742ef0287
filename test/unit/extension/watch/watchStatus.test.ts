import { describe, expect, it } from 'vitest';
import type { StatusView } from '../../../../src/extension/statusView';
import { summarizeWatchedVerdicts, type WatchedVerdict } from '../../../../src/extension/watch/statusSummary';
import { withWatchedKeys } from '../../../../src/extension/watch/watchStatus';
import { codestralKeyForCline, workingConsoleKey } from '../diagnosisFixtures';

const HIDDEN: StatusView = { visible: false, text: '', tooltip: '', warning: false };
const STORED_401: StatusView = { visible: true, text: '$(warning) Mistral key: 401', tooltip: '**stored**', warning: true };

function continueVerdict(diagnosis = codestralKeyForCline()): WatchedVerdict {
  return { sourceId: 'continue', owner: "Continue's key", place: 'Continue ~/.continue/config.yaml · CdSt…j5Ga', diagnosis, toolHost: 'api', stale: false, checking: false };
}

describe('withWatchedKeys', () => {
  it('a watched key worse off than the stored one names the tool and the cause, warns, and opens the watch menu', () => {
    const view = withWatchedKeys(HIDDEN, summarizeWatchedVerdicts([continueVerdict()]), null);
    expect(view).toMatchObject({ visible: true, text: "$(warning) Continue's key: 401 (Codestral key on api.mistral.ai)", warning: true, command: 'mistralKeyDoctor.watchMenu' });
    expect(view.tooltip).toContain(`command:mistralKeyDoctor.stopWatching?${encodeURIComponent('["continue"]')}`);
    expect(view.tooltip).toContain("Stop watching Continue's files");
  });

  it('clears by itself when the watched key checks out: the stored key\'s view (hidden) comes back', () => {
    expect(withWatchedKeys(HIDDEN, summarizeWatchedVerdicts([continueVerdict(workingConsoleKey())]), null)).toEqual({ ...HIDDEN, command: null });
  });

  it('the stored key keeps the item when it is as bad, and the watched rows join its tooltip', () => {
    const view = withWatchedKeys(STORED_401, summarizeWatchedVerdicts([continueVerdict()]), 'error');
    expect(view.text).toBe('$(warning) Mistral key: 401');
    expect(view.command).toBeNull();
    expect(view.tooltip).toContain("Continue's key: 401 (Codestral key on api.mistral.ai)");
  });

  it('a running check keeps its spinner', () => {
    const checking: StatusView = { visible: true, text: '$(sync~spin) Mistral key: checking', tooltip: '', warning: false };
    expect(withWatchedKeys(checking, summarizeWatchedVerdicts([continueVerdict()]), null).text).toBe(checking.text);
  });
});
