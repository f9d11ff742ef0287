import { describe, expect, it } from 'vitest';
import { summarizeWatchedVerdicts, type WatchedVerdict } from '../../../../src/extension/watch/statusSummary';
import { watchMenuItems } from '../../../../src/extension/watch/watchMenu';
import { codestralKeyForCline, workingConsoleKey } from '../diagnosisFixtures';

function sourceToolFor(owner: string): 'continue' | 'vibe' {
  return owner.startsWith('Continue') ? 'continue' : 'vibe';
}

function verdict(sourceId: string, owner: string, diagnosis = codestralKeyForCline()): WatchedVerdict {
  return { sourceId, owner, place: `${owner} place`, diagnosis, tool: sourceToolFor(owner), toolHost: 'api', stale: false, checking: false };
}

describe('watchMenuItems', () => {
  it('lists each watched key with its verdict, then one "Stop watching" per source, then "Watch other tools\' keys…"', () => {
    const items = watchMenuItems(summarizeWatchedVerdicts([
      verdict('continue', "Continue's key"),
      verdict('continue', "Continue's key", workingConsoleKey()),
      verdict('vibe', "Mistral Vibe's key", workingConsoleKey()),
    ]));
    expect(items.map((item) => item.label)).toEqual([
      "$(error) Continue's key: 401 (legacy Mistral Code key, Continue needs a Studio key)",
      "$(pass) Continue's key: works",
      "$(pass) Mistral Vibe's key: works",
      "$(eye-closed) Stop watching Continue's files",
      "$(eye-closed) Stop watching Mistral Vibe's files",
      "$(eye) Watch other tools' keys…",
    ]);
    expect(items.map((item) => [item.command, item.args])).toEqual([
      ['mistralKeyDoctor.checkWatchedKey', [0]], ['mistralKeyDoctor.checkWatchedKey', [1]], ['mistralKeyDoctor.checkWatchedKey', [2]],
      ['mistralKeyDoctor.stopWatching', ['continue']], ['mistralKeyDoctor.stopWatching', ['vibe']], ['mistralKeyDoctor.watchToolKeys', []],
    ]);
  });

  it('with nothing watched, offers to watch', () => {
    expect(watchMenuItems(summarizeWatchedVerdicts([])).map((item) => item.command)).toEqual(['mistralKeyDoctor.watchToolKeys']);
  });
});
