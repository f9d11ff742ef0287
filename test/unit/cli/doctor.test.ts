// `mistral-key-doctor doctor` (and a bare `mistral-key-doctor`, and `auto`) as a user runs it: the
// built CLI in a folder with a `.env`, a scratch HOME holding Continue's and Vibe's files, against
// the emulator on loopback.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fingerprint } from '../../../src/core/hygiene';
import { cliJsonSchema } from '../../../src/core/schemas';
import { TEST_KEYS } from '../../../src/emulator';
import { runCli } from './cliProcess';
import { useEmulator } from '../useEmulator';

const emulator = useEmulator();
let scratch: string;
let home: string;
let project: string;

beforeEach(() => {
  emulator.setScenario('normal');
  emulator.resetKeys();
  emulator.requests.length = 0;
  scratch = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-doctor-')));
  home = path.join(scratch, 'home');
  project = path.join(scratch, 'project');
  fs.mkdirSync(home);
  fs.mkdirSync(project);
});

afterEach(() => {
  fs.rmSync(scratch, { recursive: true, force: true });
});

function write(file: string, text: string): string {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}

/** Continue with a revoked key, Vibe with a working one (on a model the emulator lists), and the project's .env with that same key and a Codestral key. */
function machineWithThreeKeys(): void {
  write(path.join(home, '.continue/config.yaml'), [
    'name: Local', 'version: 1.0.0', 'models:', '  - name: Chat', '    provider: mistral', '    model: mistral-large-latest',
    `    apiKey: ${TEST_KEYS.revoked}`, '',
  ].join('\n'));
  write(path.join(home, '.vibe/.env'), `MISTRAL_API_KEY=${TEST_KEYS.both}\n`);
  write(path.join(home, '.vibe/config.toml'), 'active_model = "large"\n\n[[models]]\nname = "mistral-large-latest"\nprovider = "mistral"\nalias = "large"\n');
  write(path.join(project, '.env'), `MISTRAL_API_KEY=${TEST_KEYS.both}\nCODESTRAL_API_KEY=${TEST_KEYS.codestral}\n`);
}

function doctor(args: string[] = ['doctor']) {
  return runCli([...args, '--api-url', emulator.apiUrl, '--codestral-url', emulator.codestralUrl], { env: { HOME: home }, cwd: project });
}

function expectNoKeyPrinted(text: string): void {
  for (const key of Object.values(TEST_KEYS)) {
    for (let at = 0; at + 10 <= key.length; at++) expect(text).not.toContain(key.slice(at, at + 10));
  }
}

describe('doctor', () => {
  it('checks every key on the machine once, one line each, then the details of each problem; exit 1 for the worst', async () => {
    machineWithThreeKeys();
    const run = await doctor();
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    const summary = lines.slice(0, lines.indexOf(''));
    expect(summary).toHaveLength(3);
    expect(summary[0]).toMatch(new RegExp(`^✖ Continue  ~/\\.continue/config\\.yaml(:\\d+)?  ${fingerprint(TEST_KEYS.revoked)}  .*\\(key-rejected\\)$`));
    // The Vibe key is also the project's MISTRAL_API_KEY: one check, both places named.
    expect(summary[1]).toMatch(new RegExp(`^✔ Mistral Vibe  ~/\\.vibe/\\.env.*also in .*project/\\.env.*  ${fingerprint(TEST_KEYS.both)}  .*\\(ok\\)$`));
    expect(summary[2]).toMatch(new RegExp(`^✔ .*project/\\.env.*  ${fingerprint(TEST_KEYS.codestral)}  .*\\(ok\\)$`));
    expect(run.stdout).toContain(`── Continue  ~/.continue/config.yaml`);
    expect(run.stdout).toMatch(/Fix/);
    expectNoKeyPrinted(run.stdout + run.stderr);
  });

  it('runs for a bare mistral-key-doctor too', async () => {
    machineWithThreeKeys();
    const run = await doctor([]);
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n')[0]).toMatch(/^✖ Continue/);
  });

  it('prints one JSON object with each key\'s source, tool, fingerprint and the diagnosis as check --json gives it', async () => {
    machineWithThreeKeys();
    const run = await doctor(['doctor', '--json']);
    expect(run.code).toBe(1);
    const { keys } = JSON.parse(run.stdout) as { keys: { source: { id: string; path: string | null; line: number | null }; tool: string; fingerprint: string; diagnosis: unknown }[] };
    expect(keys.map(({ source, tool, fingerprint: shown }) => ({ id: source.id, path: source.path, tool, shown }))).toEqual([
      { id: 'continue', path: path.join(home, '.continue/config.yaml'), tool: 'continue', shown: fingerprint(TEST_KEYS.revoked) },
      { id: 'vibe', path: path.join(home, '.vibe/.env'), tool: 'vibe', shown: fingerprint(TEST_KEYS.both) },
      { id: 'dotenv', path: path.join(project, '.env'), tool: 'litellm', shown: fingerprint(TEST_KEYS.codestral) },
    ]);
    for (const key of keys) expect(key.source.line === null || Number.isInteger(key.source.line)).toBe(true);
    const causes = keys.map((key) => cliJsonSchema.parse(key.diagnosis).cause.id);
    expect(causes).toEqual(['key-rejected', 'ok', 'ok']);
    expectNoKeyPrinted(run.stdout);
  });

  it('exits 0 when every key works', async () => {
    write(path.join(project, '.env'), `MISTRAL_API_KEY=${TEST_KEYS.both}\n`);
    const run = await doctor();
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^✔ /);
  });

  it('exits 3 when no host gives a verdict', async () => {
    write(path.join(project, '.env'), `MISTRAL_API_KEY=${TEST_KEYS.both}\n`);
    emulator.setScenario('service-down');
    const run = await doctor();
    expect(run.code).toBe(3);
  });

  it('exits 2 when no key is found, saying where it looked and pointing to the demo', async () => {
    const run = await doctor();
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('No Mistral key found.');
    expect(run.stderr).toContain('MISTRAL_API_KEY, CODESTRAL_API_KEY');
    expect(run.stderr).toContain(home);
    expect(run.stderr).toContain(project);
    expect(run.stderr).toContain('mistral-key-doctor demo');
    expect(emulator.requests).toEqual([]);
  });

  it('names and skips unreadable, huge and hostile files, and still checks the other keys', async () => {
    write(path.join(project, '.env'), `MISTRAL_API_KEY=${TEST_KEYS.both}\n`);
    execFileSync('mkfifo', [path.join(home, '.aider.conf.yml')]);
    write(path.join(home, '.continue/config.yaml'), `models:\n  - apiKey: ${TEST_KEYS.revoked}\n${'# padding\n'.repeat(120_000)}`);
    write(path.join(home, '.vibe/.env'), 'MISTRAL_API_KEY=ghp_abcdefghijklmnopqrstuvwxyz0123456789\n');
    const run = await doctor();
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter((line) => /^[✔✖]/.test(line))).toHaveLength(1);
    expect(run.stderr).toMatch(/Skipped: .*~\/\.aider\.conf\.yml.*not a regular file/);
    expect(run.stderr).toMatch(/Skipped: .*~\/\.continue\/config\.yaml.*larger than 256 KB/);
    expect(run.stderr).toMatch(/Skipped: .*GitHub.*not sent/);
    expect(run.stderr).not.toContain('ghp_abcdefghij');
    expectNoKeyPrinted(run.stdout + run.stderr);
  });
});

describe('auto (npm run doctor)', () => {
  it('runs the demo when no key is found on the machine, and says where it looked', async () => {
    const run = await runCli(['auto'], { env: { HOME: home }, cwd: project });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`No Mistral key found on this machine (the environment, the coding tools' files under ${home}, .env in ${project})`);
    expect(run.stdout).toMatch(/^DEMO: /);
  });
});
