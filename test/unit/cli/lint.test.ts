// `mistral-key-doctor lint` as CI or a pre-commit hook runs it: the built CLI on a scratch folder of
// config files, no network.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/core/hygiene';
import { TEST_KEYS } from '../../../src/emulator';
import { assertCliBuilt, runCli } from './cliProcess';

let folder: string;

beforeAll(() => {
  assertCliBuilt();
});

beforeEach(() => {
  folder = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-lint-')));
});

afterEach(() => {
  fs.rmSync(folder, { recursive: true, force: true });
});

function write(relative: string, text: string): void {
  const file = path.join(folder, relative);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

const RETIRED_MODEL_CONFIG = [
  'name: Local', 'version: 1.0.0', 'models:', '  - name: Autocomplete', '    provider: mistral', '    model: codestral-2405', '',
].join('\n');

function lint(args: string[]) {
  return runCli(['lint', ...args], { cwd: folder, env: { HOME: folder } });
}

describe('lint', () => {
  it('prints compiler-style lines for the config files of a folder and exits 1 on an error', async () => {
    write('.continue/config.yaml', RETIRED_MODEL_CONFIG);
    write('.env', `MISTRAL_API_KEY=" ${TEST_KEYS.console}"\n`);
    write('notes/readme.txt', 'codestral-2405');
    const run = await lint(['.']);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^\.continue\/config\.yaml:6:12: error model-retired codestral-2405 /),
      expect.stringMatching(new RegExp(`^\\.env:1:17: error key-hygiene .*${fingerprint(TEST_KEYS.console)}`)),
    ]);
    expect(run.stderr).toContain('2 file(s) linted: 2 error(s)');
    expect(run.stdout + run.stderr).not.toContain(TEST_KEYS.console.slice(4, 14));
  });

  it('exits 0 when the files hold no error', async () => {
    write('.continue/config.yaml', RETIRED_MODEL_CONFIG.replace('codestral-2405', 'codestral-2508'));
    const run = await lint(['.continue/config.yaml']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter((line) => / error /.test(line))).toEqual([]);
  });

  it('prints one JSON object with every diagnostic, its 1-based place, and what was skipped', async () => {
    write('.continue/config.yaml', RETIRED_MODEL_CONFIG);
    const run = await lint(['--json', '.']);
    expect(run.code).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      files: ['.continue/config.yaml'],
      diagnostics: [{
        path: '.continue/config.yaml', line: 6, column: 12, endLine: 6, endColumn: 26,
        severity: 'error', code: 'model-retired', message: expect.stringContaining('codestral-2405') as string,
      }],
      skipped: [],
    });
  });

  it('is a usage error, naming the path, when a path does not exist', async () => {
    const run = await lint(['.', 'no-such-config.yaml']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^mistral-key-doctor: no-such-config\.yaml does not exist/);
  });

  it('names and skips huge, unreadable and hostile files, and lints the rest', async () => {
    write('.continue/config.yaml', RETIRED_MODEL_CONFIG);
    write('a/.env', `MISTRAL_API_KEY=${'x'.repeat(1_100_000)}\n`);
    execFileSync('mkfifo', [path.join(folder, 'b.env')]);
    fs.mkdirSync(path.join(folder, 'c'));
    execFileSync('mkfifo', [path.join(folder, 'c', '.env')]);
    fs.symlinkSync('/etc/passwd', path.join(folder, '.aider.conf.yml'));
    write('d/.vibe/config.toml', 'a = '.repeat(10_000));
    const run = await lint(['.']);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('Skipped a/.env: it is larger than 1 MB');
    expect(run.stderr).toContain('Skipped c/.env: it is not a regular file');
    expect(run.stderr).toContain('Skipped .aider.conf.yml: it is a symbolic link');
    expect(run.stdout).toMatch(/^\.continue\/config\.yaml:6:12: error model-retired/m);
    expect(run.stdout).toMatch(/^d\/\.vibe\/config\.toml:1:\d+: error parse-error/m);
  });
});
