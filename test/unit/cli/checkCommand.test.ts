// `check` with the 2026 options: --tool, --console-url, --no-plan-lookup, and what --json says about them.
import { beforeEach, describe, expect, it } from 'vitest';
import { cliJsonSchema } from '../../../src/core/schemas';
import { TEST_KEYS } from '../../../src/emulator';
import { runCli } from './cliProcess';
import { useEmulator } from '../useEmulator';

const emulator = useEmulator();
beforeEach(() => emulator.reset());

function check(extra: string[], key: string) {
  return runCli(['check', '--api-url', emulator.apiUrl, '--codestral-url', emulator.codestralUrl, ...extra], { env: { MISTRAL_API_KEY: key } });
}

/** Exit 2 with `mention` on stderr, and no request reached any host. */
async function expectUsageErrorSendingNothing(extra: string[], mention: string): Promise<void> {
  const run = await check(extra, TEST_KEYS.console);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain(mention);
  expect(emulator.requests).toHaveLength(0);
}

const consoleRequests = () => emulator.requests.filter((request) => request.host === 'console');

describe('check --tool', () => {
  it('routes as the tool would: Roo Code sends a codestral-* model to the Codestral host', async () => {
    const run = await check(['--tool', 'roo', '--model', 'codestral-2508', '--json'], TEST_KEYS.console);
    const json = cliJsonSchema.parse(JSON.parse(run.stdout));
    expect(json.tool).toBe('roo');
    expect(json.cause.id).toBe('console-key-on-codestral-host');
    expect(json.cause.fix[0]).toContain('"Codestral Base URL" to https://api.mistral.ai');
    expect(run.code).toBe(1);
  });

  it('lets --target win over the tool\'s routing', async () => {
    const run = await check(['--tool', 'roo', '--model', 'codestral-2508', '--target', 'api', '--json'], TEST_KEYS.console);
    expect(cliJsonSchema.parse(JSON.parse(run.stdout)).cause.id).toBe('ok');
    expect(run.code).toBe(0);
  });

  it('shows the tool\'s own steps in the report', async () => {
    const run = await check(['--tool', 'cline', '--target', 'api'], TEST_KEYS.codestral);
    expect(run.stdout).toContain('Fix (Cline)');
    expect(run.stdout).not.toMatch(/Codestral page|create a Codestral key/i);
  });

  it('exits 2 naming the valid tools for an unknown one, before reading the key', async () => {
    await expectUsageErrorSendingNothing(['--tool', 'cursor'], 'cline, roo, kilo, continue, vibe, litellm, aider, zed, tabby, other');
  });
});

describe('check and the plan lookup', () => {
  it('asks the console given with --console-url, concurrently, and shows type and plan', async () => {
    const run = await check(['--console-url', emulator.consoleUrl, '--json'], TEST_KEYS.console);
    const json = cliJsonSchema.parse(JSON.parse(run.stdout));
    expect(json.key).toMatchObject({ type: 'studio', plan: 'Free API' });
    expect(consoleRequests()).toHaveLength(1);
    expect(consoleRequests()[0]).toMatchObject({ method: 'GET', path: '/api/vibe/whoami', authorization: `Bearer ${TEST_KEYS.console}` });
    const report = await check(['--console-url', emulator.consoleUrl], TEST_KEYS.console);
    expect(report.stdout).toContain('Key type: Studio key · plan Free API');
  });

  it('never sends the key to a console when the api host is not Mistral\'s and no --console-url is given', async () => {
    const run = await check(['--json'], TEST_KEYS.console);
    expect(cliJsonSchema.parse(JSON.parse(run.stdout)).key).toMatchObject({ type: 'unknown', plan: null });
    expect(consoleRequests()).toHaveLength(0);
  });

  it('skips the lookup with --no-plan-lookup, even with --console-url', async () => {
    await check(['--console-url', emulator.consoleUrl, '--no-plan-lookup', '--json'], TEST_KEYS.console);
    expect(consoleRequests()).toHaveLength(0);
  });

  it('refuses a plain-http --console-url that is not loopback, sending nothing', async () => {
    await expectUsageErrorSendingNothing(['--console-url', 'http://console.example.test'], '--console-url');
  });
});

describe('check with a key that cannot be sent', () => {
  it('gives a masked copy the fingerprint of what was pasted and shows the hosts as not checked', async () => {
    const run = await check(['--json'], 'CnsL...Gj5U');
    const json = cliJsonSchema.parse(JSON.parse(run.stdout));
    expect(run.code).toBe(2);
    expect(json.key.fingerprint).toBe('CnsL…Gj5U');
    expect(json.hosts.api).toEqual({ checked: false, outcome: null, status: null, latencyMs: 0, requestId: null });
    expect(json.hosts.codestral.checked).toBe(false);
    expect(emulator.requests).toHaveLength(0);
  });
});

describe('check without a network', () => {
  it('puts "check the network" before any key advice', async () => {
    emulator.setScenario('dropped');
    const run = await check(['--target', 'api'], TEST_KEYS.console);
    expect(run.code).toBe(3);
    const fix = run.stdout.slice(run.stdout.indexOf('\nFix'));
    expect(fix.indexOf('Check the network connection')).toBeGreaterThan(0);
    expect(fix.indexOf('Check the network connection')).toBeLessThan(fix.indexOf('2. '));
  });
});
