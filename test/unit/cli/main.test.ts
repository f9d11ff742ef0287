// The CLI as users run it: the bundled CLI spawned as a process against the emulator on loopback.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TEST_KEYS } from '../../../src/emulator';
import { cliJsonSchema } from '../../../src/core/schemas';
import { version } from '../../../package.json';
import { runCli, runCliOnTerminal } from './cliProcess';
import { startLoopbackProxy, type LoopbackProxy } from './loopbackProxy';
import { useEmulator } from '../useEmulator';

const emulator = useEmulator();
let proxy: LoopbackProxy;

beforeAll(async () => {
  proxy = await startLoopbackProxy();
});

afterAll(async () => {
  await proxy?.close();
});

beforeEach(() => {
  emulator.setScenario('normal');
  emulator.resetKeys();
  emulator.requests.length = 0;
});

function hosts(): string[] {
  return ['--api-url', emulator.apiUrl, '--codestral-url', emulator.codestralUrl];
}

/** `check` against the emulator; an address option in `extra` replaces the emulator's (an option may be given once). */
function check(extra: string[], env: Record<string, string>, stdin?: string) {
  const defaults = hosts();
  const kept = [0, 2].flatMap((at) => (extra.includes(defaults[at]!) ? [] : defaults.slice(at, at + 2)));
  return runCli(['check', ...kept, ...extra], { env, ...(stdin === undefined ? {} : { stdin }) });
}

function jsonOf(stdout: string) {
  return cliJsonSchema.parse(JSON.parse(stdout));
}

describe('help and version', () => {
  it('prints usage with the exit codes', async () => {
    const run = await runCli(['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('mistral-key-doctor check [--key-env NAME | --key-stdin]');
    expect(run.stdout).toContain('Exit codes: 0');
  });

  it('prints the package version', async () => {
    const run = await runCli(['--version']);
    expect(run).toMatchObject({ code: 0, stdout: `${version}\n` });
  });
});

describe('exit codes', () => {
  it('is 0 when the key works for the target', async () => {
    const run = await check(['--target', 'api', '--json'], { MISTRAL_API_KEY: TEST_KEYS.console });
    expect(run.code).toBe(0);
    expect(jsonOf(run.stdout)).toMatchObject({ keyKind: 'console', cause: { id: 'ok' } });
  });

  it('is 1 when a Codestral key is sent to the api host', async () => {
    const run = await check(['--target', 'api', '--json'], { MISTRAL_API_KEY: TEST_KEYS.codestral });
    expect(run.code).toBe(1);
    expect(jsonOf(run.stdout)).toMatchObject({ keyKind: 'codestral', cause: { id: 'codestral-key-on-api-host' } });
  });

  it('is 1 for a rejected key, and says "not active yet" for a key created just now', async () => {
    const revoked = await check(['--json'], { MISTRAL_API_KEY: TEST_KEYS.revoked });
    expect(revoked.code).toBe(1);
    expect(jsonOf(revoked.stdout).cause.id).toBe('key-rejected');
    const fresh = await check(['--json', '--new-key', '--target', 'api'], { MISTRAL_API_KEY: TEST_KEYS.fresh });
    expect(fresh.code).toBe(1);
    expect(jsonOf(fresh.stdout).cause.id).toBe('key-not-yet-active');
  });

  it('points a key still activating at --watch in the text report, and not in --json', async () => {
    const text = await check(['--new-key', '--target', 'api'], { MISTRAL_API_KEY: TEST_KEYS.fresh });
    expect(text.stdout).toContain('Run the same command with --watch');
    const json = await check(['--json', '--new-key', '--target', 'api'], { MISTRAL_API_KEY: TEST_KEYS.fresh });
    expect(json.stdout).not.toContain('--watch');
  });

  it('is 2 for a masked copy of a key, and nothing is sent', async () => {
    const run = await check(['--json'], { MISTRAL_API_KEY: 'CnsL...7Pf3' });
    expect(run.code).toBe(2);
    expect(jsonOf(run.stdout).cause.id).toBe('key-malformed');
    expect(emulator.requests).toEqual([]);
  });

  it('is 3 when the hosts give no verdict', async () => {
    emulator.setScenario('service-down');
    const run = await check(['--json'], { MISTRAL_API_KEY: TEST_KEYS.console });
    expect(run.code).toBe(3);
    expect(jsonOf(run.stdout)).toMatchObject({ keyKind: 'unknown', cause: { id: 'service-error' } });
  });
});

describe('usage errors: exit 2, one line on stderr, no request sent', () => {
  const cases: [string, string[], Record<string, string>, RegExp][] = [
    ['a key as an argument', [TEST_KEYS.console], {}, /shell history/],
    ['a --key option', ['--key', TEST_KEYS.console], {}, /shell history/],
    ['an unknown option', ['--colour'], { MISTRAL_API_KEY: TEST_KEYS.console }, /Unknown option --colour/],
    ['an http URL that is not loopback', ['--api-url', 'http://api.example.com'], { MISTRAL_API_KEY: TEST_KEYS.console }, /--api-url: .*https/],
    ['a nonsense timeout', ['--timeout-ms', 'soon'], { MISTRAL_API_KEY: TEST_KEYS.console }, /--timeout-ms must be a whole number/],
    ['an empty key', [], { MISTRAL_API_KEY: '' }, /MISTRAL_API_KEY is empty/],
    ['a whitespace-only key', [], { MISTRAL_API_KEY: ' \t ' }, /MISTRAL_API_KEY is empty/],
    ['no key at all', [], {}, /neither MISTRAL_API_KEY nor CODESTRAL_API_KEY is set/],
    ['a missing --key-env variable', ['--key-env', 'MY_KEY'], { MISTRAL_API_KEY: TEST_KEYS.console }, /MY_KEY is not set/],
  ];

  for (const [what, args, env, message] of cases) {
    it(`for ${what}`, async () => {
      const run = await check(args, env);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      expect(run.stderr).not.toContain(TEST_KEYS.console);
      expect(emulator.requests).toEqual([]);
    });
  }
});

describe('key sources', () => {
  it('reads a piped key with --key-stdin, without the line break echo adds', async () => {
    const run = await check(['--key-stdin', '--json', '--target', 'api'], {}, `${TEST_KEYS.console}\n`);
    expect(run.code).toBe(0);
    expect(jsonOf(run.stdout).key.findings).toEqual([]);
    expect(emulator.requests.map((request) => request.authorization)).toContain(`Bearer ${TEST_KEYS.console}`);
  });

  it('asks for the key on a terminal with --key-stdin, without echoing it', async () => {
    const run = await runCliOnTerminal(['check', ...hosts(), '--key-stdin', '--target', 'api'], {}, (output, type) => {
      if (output.endsWith('(it is not shown): ')) type(`${TEST_KEYS.console}\r`);
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Key from stdin');
    expect(run.stdout).not.toContain(TEST_KEYS.console);
    expect(emulator.requests.map((request) => request.authorization)).toContain(`Bearer ${TEST_KEYS.console}`);
  });

  it('falls back to CODESTRAL_API_KEY and says where the key came from', async () => {
    const run = await check(['--target', 'codestral'], { CODESTRAL_API_KEY: TEST_KEYS.codestral });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Key from CODESTRAL_API_KEY');
  });

  it('reads the variable --key-env names', async () => {
    const run = await check(['--key-env', 'WORK_KEY', '--json'], { WORK_KEY: TEST_KEYS.both, MISTRAL_API_KEY: TEST_KEYS.revoked });
    expect(run.code).toBe(0);
    expect(jsonOf(run.stdout).keyKind).toBe('both');
  });
});

describe('--tool NAME@VERSION', () => {
  it('keeps tool as the name and says which version the advice was checked against', async () => {
    const run = await check(['--json', '--tool', 'cline@4.2.0'], { MISTRAL_API_KEY: TEST_KEYS.both });
    const json = jsonOf(run.stdout) as unknown as { tool: string; advice: unknown };
    expect(json.tool).toBe('cline');
    expect(json.advice).toEqual({
      verifiedUpTo: '4.1.13', versionAsked: '4.2.0', unverified: true,
      note: 'Advice checked against Cline up to 4.1.13; you have 4.2.0, which was not checked.',
    });
    const report = await check(['--tool', 'kilo'], { MISTRAL_API_KEY: TEST_KEYS.both });
    expect(report.stdout).toContain('Advice checked against Kilo Code up to 2026-09; the version you use is unknown.');
  });

  it('checks the variable litellm sends for codestral/ models, and names it', async () => {
    const run = await check(['--tool', 'litellm', '--model', 'codestral/codestral-2508'], { MISTRAL_API_KEY: TEST_KEYS.console, CODESTRAL_API_KEY: TEST_KEYS.both });
    expect(run.stdout).toContain('Key from CODESTRAL_API_KEY');
  });
});

describe('output', () => {
  it('prints the JSON object the README section "JSON output" describes, with the fingerprint only', async () => {
    const run = await check(['--json', '--model', 'codestral-latest'], { MISTRAL_API_KEY: TEST_KEYS.both });
    const json = jsonOf(run.stdout);
    expect(Object.keys(json).sort()).toEqual(['advice', 'cause', 'elapsedMs', 'hosts', 'key', 'keyKind', 'model', 'tool']);
    expect(json.tool).toBe('other');
    expect(Object.keys(json.cause).sort()).toEqual(['explanation', 'fix', 'id', 'severity', 'title']);
    expect(json.key).toMatchObject({ fingerprint: 'BoTh…t4Py', type: 'unknown', plan: null });
    expect(json.hosts.api).toMatchObject({ checked: true, outcome: 'accepted', status: 200 });
    expect(json.model).toMatchObject({ id: 'codestral-latest', state: 'alias' });
    expect(run.stdout.trimEnd().split('\n')).toHaveLength(1);
  });

  it('colours the report on a terminal, and not with NO_COLOR', async () => {
    const args = ['check', ...hosts()];
    const coloured = await runCliOnTerminal(args, { MISTRAL_API_KEY: TEST_KEYS.console });
    expect(coloured.stdout).toContain('\u001b[');
    const plain = await runCliOnTerminal(args, { MISTRAL_API_KEY: TEST_KEYS.console, NO_COLOR: '1' });
    expect(plain.stdout).toContain('Key from MISTRAL_API_KEY');
    expect(plain.stdout).not.toContain('\u001b[');
  });

  it('prints no colour when stdout is not a terminal', async () => {
    const run = await check([], { MISTRAL_API_KEY: TEST_KEYS.console });
    expect(run.stdout).not.toContain('\u001b[');
  });

  it('speaks Simplified Chinese under a zh_CN locale', async () => {
    const run = await check(['--target', 'api'], { MISTRAL_API_KEY: TEST_KEYS.codestral, LANG: 'zh_CN.UTF-8' });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('密钥来源：MISTRAL_API_KEY');
    expect(run.stdout).not.toContain('Key from');
  });

  it('gives usage errors in Chinese too', async () => {
    const run = await check(['--timeout-ms', 'soon'], { MISTRAL_API_KEY: TEST_KEYS.console, LC_ALL: 'zh_CN.UTF-8' });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--timeout-ms .*毫秒/);
  });
});

describe('proxy', () => {
  it('never sends probes of loopback hosts through HTTP_PROXY or HTTPS_PROXY: the proxy sees nothing', async () => {
    const before = proxy.seen.length;
    const run = await check(['--json'], { MISTRAL_API_KEY: TEST_KEYS.both, HTTP_PROXY: proxy.url, HTTPS_PROXY: proxy.url, NO_PROXY: '' });
    expect(run.code).toBe(0);
    expect(proxy.seen.slice(before)).toEqual([]);
    expect(emulator.requests.map((request) => request.authorization)).toEqual([`Bearer ${TEST_KEYS.both}`, `Bearer ${TEST_KEYS.both}`]);
  });
});
