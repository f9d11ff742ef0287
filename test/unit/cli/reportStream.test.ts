// The exit code is the verdict's whatever happens to stdout: the built CLI run by a shell whose
// stdout reader leaves at once (`| true`), after ten bytes (`| head -c 10`), or is a full disk.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_KEYS, startEmulator, type Emulator } from '../../../src/emulator';
import { assertCliBuilt, CLI_PATH } from './cliProcess';

let emulator: Emulator;

beforeAll(async () => {
  assertCliBuilt();
  emulator = await startEmulator();
});

afterAll(async () => {
  await emulator?.close();
});

interface ShellRun {
  /** The CLI's own exit code, whatever the pipeline's last command returned. */
  code: number;
  stderr: string;
}

/** Runs `node dist/cli.js ARGS REDIRECT` in sh and reports the CLI's exit code (the pipeline's first). */
function runInShell(args: string[], redirect: string, key: string): Promise<ShellRun> {
  const quoted = [process.execPath, CLI_PATH, ...args].map((part) => `'${part}'`).join(' ');
  const script = `{ ${quoted}; echo "exit=$?" >&3; } 3>&2 ${redirect}`;
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', script], { env: { PATH: process.env.PATH ?? '', MISTRAL_API_KEY: key }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString('utf8'); });
    child.on('error', reject);
    child.on('close', () => {
      const code = /exit=(\d+)/.exec(stderr)?.[1];
      if (code === undefined) reject(new Error(`no exit code in: ${stderr}`));
      else resolve({ code: Number(code), stderr: stderr.replace(/exit=\d+\n/, '') });
    });
  });
}

function check(): string[] {
  return ['check', '--api-url', emulator.apiUrl, '--codestral-url', emulator.codestralUrl, '--no-plan-lookup'];
}

describe('the exit code when stdout goes away', () => {
  for (const redirect of ['| true', '| head -c 10']) {
    it(`is 1 for a refused key with stdout ${redirect}, every time`, async () => {
      for (let run = 0; run < 5; run++) {
        const { code, stderr } = await runInShell(check(), redirect, TEST_KEYS.revoked);
        expect(code).toBe(1);
        expect(stderr).toBe('');
      }
    });
  }

  it('is 3 for a run with no verdict piped to `| true`', async () => {
    const { code } = await runInShell(['check', '--api-url', 'http://127.0.0.1:9', '--codestral-url', 'http://127.0.0.1:9', '--timeout-ms', '1000'], '| true', TEST_KEYS.console);
    expect(code).toBe(3);
  });

  it('is 0 for a working key piped to `| head -c 10`', async () => {
    const { code } = await runInShell([...check(), '--target', 'api'], '| head -c 10', TEST_KEYS.console);
    expect(code).toBe(0);
  });
});

describe('a report that cannot be written', () => {
  it('says so in one line on stderr and exits non-zero, with no source code', async () => {
    const { code, stderr } = await runInShell([...check(), '--target', 'api'], '> /dev/full', TEST_KEYS.console);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/^mistral-key-doctor: could not write the report: ENOSPC[^\n]*\n$/);
  });

  it('keeps the verdict\'s code when the verdict is already a problem', async () => {
    const { code, stderr } = await runInShell(check(), '> /dev/full', TEST_KEYS.revoked);
    expect(code).toBe(1);
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
  });
});
