import { describe, expect, it } from 'vitest';
import { MAX_RESTARTS, RESTART_WINDOW_MS, RestartPolicy } from '../../../../src/extension/languageClient/restartPolicy';

describe('RestartPolicy', () => {
  it('restarts four deaths within three minutes and gives up on the fifth', () => {
    let now = 0;
    const policy = new RestartPolicy(() => now);
    const answers = Array.from({ length: MAX_RESTARTS + 1 }, () => {
      now += 1_000;
      return policy.shouldRestart();
    });
    expect(answers).toEqual([true, true, true, true, false]);
  });

  it('forgets deaths older than the window', () => {
    let now = 0;
    const policy = new RestartPolicy(() => now);
    for (let death = 0; death < MAX_RESTARTS; death++) policy.shouldRestart();
    now += RESTART_WINDOW_MS + 1;
    expect(policy.shouldRestart()).toBe(true);
  });
});
