import { describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUT_MS, looksLikeKey, parseCliArgs, UsageError } from '../../../src/cli/args';

const KEY = 'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z';

function usageError(argv: string[]): string {
  try {
    parseCliArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
}

describe('parseCliArgs', () => {
  it('gives check its defaults', () => {
    expect(parseCliArgs(['check'])).toEqual({
      kind: 'check',
      options: {
        keyEnv: null, keyStdin: false, tool: null, targetGiven: false, target: 'auto', model: null, apiUrl: null, codestralUrl: null,
        consoleUrl: null, planLookup: true, timeoutMs: DEFAULT_TIMEOUT_MS, newKey: false, watch: false, json: false,
      },
    });
  });

  it('reads every check option', () => {
    const command = parseCliArgs([
      'check', '--key-env', 'MY_KEY', '--target=codestral', '--model', 'codestral-2508', '--api-url', 'http://127.0.0.1:1',
      '--codestral-url', 'https://example.test', '--timeout-ms', '2500', '--new-key', '--watch', '--json',
      '--tool', 'Roo', '--console-url', 'http://127.0.0.1:2', '--no-plan-lookup',
    ]);
    expect(command).toEqual({
      kind: 'check',
      options: {
        keyEnv: 'MY_KEY', keyStdin: false, tool: 'roo', targetGiven: true, target: 'codestral', model: 'codestral-2508', apiUrl: 'http://127.0.0.1:1',
        codestralUrl: 'https://example.test', consoleUrl: 'http://127.0.0.1:2', planLookup: false, timeoutMs: 2500, newKey: true, watch: true, json: true,
      },
    });
  });

  it('refuses an unknown --tool, naming the valid ones', () => {
    expect(() => parseCliArgs(['check', '--tool', 'cursor'])).toThrow(
      "--tool must be one of cline, roo, kilo, continue, vibe, litellm, aider, zed, tabby, other, not 'cursor'.",
    );
    expect(() => parseCliArgs(['demo', '--tool', 'cline'])).toThrow(/only applies to `check`/);
  });

  it('knows demo, auto, help and version', () => {
    expect(parseCliArgs(['demo'])).toEqual({ kind: 'demo' });
    expect(parseCliArgs(['auto'])).toEqual({ kind: 'auto' });
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['check', '-h'])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['--version'])).toEqual({ kind: 'version' });
  });

  it('refuses a key given as an argument or through --key, without repeating it', () => {
    for (const argv of [['check', KEY], ['check', '--key', KEY], [`--key=${KEY}`], ['check', '-k', 'x'], ['check', '--api-key=abc'], [KEY]]) {
      const message = usageError(argv);
      expect(message).toMatch(/shell history/);
      expect(message).toMatch(/--key-stdin/);
      expect(message).not.toContain(KEY);
    }
  });

  it('refuses a key passed where a variable name or model id goes', () => {
    expect(usageError(['check', '--key-env', KEY])).toMatch(/shell history/);
    expect(usageError(['check', '--model', `"${KEY}"`])).toMatch(/shell history/);
    expect(usageError(['check', '--model', 'abcd...wxyz'])).toMatch(/shell history/);
  });

  it('never repeats a key-shaped run of 20+ letters and digits, even next to punctuation', () => {
    for (const argv of [['check', `${KEY},`], ['check', `(${KEY})`], ['check', '--model', `${KEY};`], ['check', '--target', `x${KEY}.`],
      ['check', `--${KEY}`], ['check', '--timeout-ms', `${KEY.slice(0, 24)}!`], ['chek', `${KEY}:`], [`${KEY},`]]) {
      const message = usageError(argv);
      expect(message).not.toContain(KEY.slice(0, 20));
      expect(message).not.toContain(KEY.slice(4, 24));
    }
    expect(usageError(['check', `${KEY},`])).toMatch(/shell history/);
  });

  it('refuses an option given twice', () => {
    expect(usageError(['check', '--model', 'a', '--model', 'b'])).toMatch(/--model is given more than once/);
    expect(usageError(['check', '--json', '--json'])).toMatch(/--json is given more than once/);
    expect(usageError(['check', '--api-url=http://127.0.0.1:1', '--api-url', 'http://127.0.0.1:2'])).toMatch(/--api-url is given more than once/);
  });

  it('refuses values longer than any option needs', () => {
    expect(usageError(['check', '--api-url', `https://example.test/${'a-'.repeat(1100)}`])).toMatch(/longer than 2048 characters/);
    expect(usageError(['check', '--model', 'x'.repeat(2049)])).toMatch(/longer than 2048 characters/);
    expect(parseCliArgs(['check', '--model', 'codestral-2508'])).toMatchObject({ kind: 'check' });
  });

  it('names unknown options and commands and points to --help', () => {
    expect(usageError(['check', '--colour'])).toMatch(/Unknown option --colour\. .*--help/);
    expect(usageError(['chek'])).toMatch(/Unknown command 'chek'/);
    expect(usageError(['check', 'extra'])).toMatch(/Unexpected argument 'extra'/);
  });

  it('says which option is missing its value and which takes none', () => {
    expect(usageError(['check', '--model'])).toMatch(/--model needs a value/);
    expect(usageError(['check', '--model', '--json'])).toMatch(/--model needs a value/);
    expect(usageError(['check', '--json=yes'])).toMatch(/--json takes no value/);
  });

  it('rejects nonsense timeouts, targets, variable names and empty models', () => {
    for (const timeout of ['0', '-5', 'soon', '1.5', '99', '120001', '1e4']) {
      expect(usageError(['check', `--timeout-ms=${timeout}`])).toMatch(/--timeout-ms must be a whole number/);
    }
    expect(usageError(['check', '--target', 'both'])).toMatch(/--target must be api, codestral or auto, not 'both'/);
    expect(usageError(['check', '--key-env', 'my-key'])).toMatch(/--key-env takes the name of an environment variable/);
    expect(usageError(['check', '--model', ' '])).toMatch(/--model is empty/);
    expect(usageError(['check', '--key-env', 'A', '--key-stdin'])).toMatch(/either --key-env or --key-stdin/);
  });

  it('runs the doctor for a bare command, with the flags of check that make sense for every key', () => {
    const defaults = { apiUrl: null, codestralUrl: null, consoleUrl: null, planLookup: true, timeoutMs: 10_000, json: false };
    expect(parseCliArgs([])).toEqual({ kind: 'doctor', options: defaults });
    expect(parseCliArgs(['doctor'])).toEqual({ kind: 'doctor', options: defaults });
    expect(parseCliArgs(['--json', '--no-plan-lookup', '--timeout-ms', '2000', '--api-url', 'http://127.0.0.1:1'])).toEqual({
      kind: 'doctor', options: { ...defaults, json: true, planLookup: false, timeoutMs: 2000, apiUrl: 'http://127.0.0.1:1' },
    });
    expect(usageError(['doctor', '--tool', 'cline'])).toMatch(/--tool only applies to `check`\./);
    expect(usageError(['doctor', 'extra'])).toMatch(/Unexpected argument 'extra'/);
  });

  it('lints the files and folders given, and needs at least one', () => {
    expect(parseCliArgs(['lint', '--json', '.continue', '.env'])).toEqual({ kind: 'lint', options: { paths: ['.continue', '.env'], json: true } });
    // A folder may be named like a hash; only a whole key-shaped argument is refused.
    expect(parseCliArgs(['lint', 'build/3f9a8c7d6e5b4a3f2e1d0c9b8a7f6e5d/.env'])).toMatchObject({ kind: 'lint' });
    expect(usageError(['lint', KEY])).toMatch(/shell history/);
    expect(usageError(['lint'])).toMatch(/`lint` needs at least one file or folder/);
    expect(usageError(['lint', '--timeout-ms', '2000', '.'])).toMatch(/--timeout-ms only applies to `check`, `doctor`/);
  });

  it('keeps check options away from demo and auto', () => {
    expect(usageError(['demo', '--json'])).toMatch(/--json only applies to `check`/);
    expect(usageError(['auto', '--watch'])).toMatch(/--watch only applies to `check`/);
  });
});

describe('looksLikeKey', () => {
  it('spots keys, quoted keys, Bearer keys and masked copies', () => {
    expect(looksLikeKey(KEY)).toBe(true);
    expect(looksLikeKey(`'${KEY}'`)).toBe(true);
    expect(looksLikeKey(`Bearer ${KEY}`)).toBe(true);
    expect(looksLikeKey('abcd…wxyz')).toBe(true);
  });

  it('leaves ordinary words, model ids and variable names alone', () => {
    for (const text of ['check', 'codestral-2508', 'MISTRAL_API_KEY', 'codestral-latest', 'abcdefghijklmnopqrstuvwxyz']) {
      expect(looksLikeKey(text)).toBe(false);
    }
  });
});
