// Nothing the CLI prints, in any mode, holds the key: every emulator scenario and the demo, human and JSON.
import { describe, expect, it } from 'vitest';
import { DEMO_CASES, EMULATED_KEY_KINDS, SCENARIO_NAMES, TEST_KEYS } from '../../../src/emulator';
import { inspectKey } from '../../../src/core/hygiene';
import { runCli } from './cliProcess';
import { useEmulator } from '../useEmulator';

const emulator = useEmulator();

/** The key as it was pasted (with the usual accidents) and as it is sent. */
function secretForms(rawKey: string): string[] {
  return [rawKey, rawKey.trim(), inspectKey(rawKey).key];
}

function expectNoKey(output: string, rawKey: string): void {
  for (const form of secretForms(rawKey)) expect(output).not.toContain(form);
}

describe('the key never appears in the output', () => {
  SCENARIO_NAMES.forEach((scenario, index) => {
    const kind = EMULATED_KEY_KINDS[index % EMULATED_KEY_KINDS.length]!;
    // Vary how the key was pasted, too: the cleaned key must not slip out either.
    const rawKey = index % 2 === 0 ? TEST_KEYS[kind] : ` "Bearer ${TEST_KEYS[kind]}"\n`;
    for (const json of [false, true]) {
      it(`${scenario} (${kind} key, ${json ? 'JSON' : 'report'})`, async () => {
        emulator.setScenario(scenario);
        const args = ['check', '--api-url', emulator.apiUrl, '--codestral-url', emulator.codestralUrl, '--timeout-ms', '1500', '--model', 'codestral-latest'];
        const run = await runCli(json ? [...args, '--json'] : args, { env: { MISTRAL_API_KEY: rawKey } });
        expect([0, 1, 2, 3]).toContain(run.code);
        expect(run.stdout).toContain(inspectKey(rawKey).report.fingerprint);
        expectNoKey(run.stdout, rawKey);
        expectNoKey(run.stderr, rawKey);
      });
    }
  });

  it('in the demo, for every demo case', async () => {
    const run = await runCli(['demo']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('DEMO');
    for (const demo of DEMO_CASES) {
      expect(run.stdout).toContain(demo.title);
      expectNoKey(run.stdout, demo.key);
      expectNoKey(run.stderr, demo.key);
    }
  });
});

describe('what a host says reaches the terminal as data', () => {
  const key = TEST_KEYS.both;
  const piece = key.slice(5, 29);

  it('prints no control sequence and no 10-character piece of the key that came from a host', async () => {
    emulator.setResponder((_req, res, host) => {
      res.setHeader('content-type', 'application/json');
      if (host === 'codestral') return void res.writeHead(401).end(JSON.stringify({ message: `bad key ${piece}`, request_id: `r-${piece}`, type: piece }));
      res.writeHead(200).end(JSON.stringify({
        object: 'list',
        data: [{ id: 'codestral-2508\u001b]52;c;ZWNobyBoaQ==\u0007\u001b[2J', aliases: ['codestral-latest'], deprecation: null, capabilities: { completion_fim: true, completion_chat: true }, type: 'base' }],
      }));
    });
    try {
      for (const json of [false, true]) {
        const args = ['check', '--api-url', emulator.apiUrl, '--codestral-url', emulator.codestralUrl, '--model', 'codestral-latest'];
        const run = await runCli(json ? [...args, '--json'] : args, { env: { MISTRAL_API_KEY: key } });
        const printed = run.stdout + run.stderr;
        expect(printed).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F]/);
        expect(printed).not.toContain(piece.slice(0, 10));
        expect(printed).not.toContain('52;c;');
      }
    } finally {
      emulator.setResponder(null);
    }
  });
});

describe('the command line and stdin', () => {
  const key = TEST_KEYS.console;

  it('never echoes a key pasted next to punctuation', async () => {
    for (const args of [['check', `${key},`], ['check', '--model', `${key};`], [`${key}.`]]) {
      const run = await runCli(args);
      expect(run.code).toBe(2);
      expect(run.stderr + run.stdout).not.toContain(key.slice(0, 20));
      expect(run.stderr).toMatch(/shell history/);
    }
  });

  it('ends --key-stdin on a pipe that never closes at the timeout, with exit 2 and a clear message', async () => {
    emulator.requests.length = 0;
    const run = await runCli(['check', '--key-stdin', '--timeout-ms', '1000', '--api-url', emulator.apiUrl, '--codestral-url', emulator.codestralUrl],
      { stdin: key, keepStdinOpen: true });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/within 1000 ms: the pipe was never closed/);
    expect(emulator.requests).toEqual([]);
  });
});
