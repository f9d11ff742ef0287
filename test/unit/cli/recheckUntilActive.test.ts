// `check --watch` spawned for real. MKD_WATCH_INTERVAL_MS (test-only) shortens the 30 s interval.
import { beforeEach, describe, expect, it } from 'vitest';
import { TEST_KEYS } from '../../../src/emulator';
import { cliJsonSchema } from '../../../src/core/schemas';
import { runCli, runCliOnTerminal, type CliRunOptions } from './cliProcess';
import { useEmulator } from '../useEmulator';

const emulator = useEmulator({ scenario: 'normal' });

beforeEach(() => {
  emulator.resetKeys();
  emulator.requests.length = 0;
});

function watch(extra: string[], intervalMs: number, onStderr?: CliRunOptions['onStderr']) {
  return runCli(
    ['check', '--watch', '--new-key', '--target', 'api', '--api-url', emulator.apiUrl, '--codestral-url', emulator.codestralUrl, ...extra],
    { env: { MISTRAL_API_KEY: TEST_KEYS.fresh, MKD_WATCH_INTERVAL_MS: String(intervalMs) }, ...(onStderr ? { onStderr } : {}) },
  );
}

/** Activates the fresh key once the CLI has announced its first wait, i.e. after a rejected check. */
function activateAfterFirstWait(stderr: string): void {
  if (stderr.includes('Next check in')) emulator.activateKey(TEST_KEYS.fresh);
}

describe('check --watch', () => {
  it('keeps checking a new key, one status line per check, and ends with exit 0 once it becomes active', async () => {
    const run = await watch([], 300, (stderr) => {
      if (stderr.split('Next check in').length - 1 === 2) emulator.activateKey(TEST_KEYS.fresh);
    });
    expect(run.code).toBe(0);
    // The first and the last check get the full report; the ones between, one line each.
    expect(run.stdout.split('Key from MISTRAL_API_KEY').length - 1).toBe(2);
    expect(run.stdout).toMatch(/^Check 2 at \d\d:\d\d:\d\d: .+ \(api: rejected 401, codestral: \w[\w-]*( \d+)?\)$/m);
    expect(run.stderr).toContain('Next check in 1 s.\n');
    expect(emulator.requests.filter((request) => request.host === 'api').length).toBeGreaterThanOrEqual(3);
  });

  it('prints one JSON line per check, the first "not active yet", the last accepted', async () => {
    const run = await watch(['--json'], 50, activateAfterFirstWait);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n').map((line) => cliJsonSchema.parse(JSON.parse(line)));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    expect(lines[0]?.cause.id).toBe('key-not-yet-active');
    expect(lines.at(-1)).toMatchObject({ keyKind: 'console', cause: { id: 'ok' } });
  });

  it('shows a live countdown on a terminal', async () => {
    let activated = false;
    const run = await runCliOnTerminal(
      ['check', '--watch', '--new-key', '--target', 'api', '--api-url', emulator.apiUrl, '--codestral-url', emulator.codestralUrl],
      { MISTRAL_API_KEY: TEST_KEYS.fresh, MKD_WATCH_INTERVAL_MS: '2000', NO_COLOR: '1' },
      (output) => {
        if (!activated && output.includes('Next check in 1 s (check 1 done; Ctrl-C to stop)')) {
          activated = true;
          emulator.activateKey(TEST_KEYS.fresh);
        }
      },
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('\r\u001b[KNext check in 2 s (check 1 done; Ctrl-C to stop)');
    expect(run.stdout).toContain('\r\u001b[KNext check in 1 s (check 1 done; Ctrl-C to stop)');
  });

  it('stops cleanly on Ctrl-C while waiting, with exit 130', async () => {
    let interrupted = false;
    const run = await watch([], 60_000, (stderr, child) => {
      if (!interrupted && stderr.includes('Next check in')) {
        interrupted = true;
        child.kill('SIGINT');
      }
    });
    expect(run.code).toBe(130);
    expect(run.stderr).toContain('Stopped watching (Ctrl-C).');
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
