// Where the CLI takes the key from: an environment variable or stdin, never argv.
import { KEY_VARIABLES } from '../core/catalogue/keyVariables';
import { t } from '../core/l10n';
import { CONSOLE_API_KEYS_URL } from '../core/links';
import { UsageError } from './args';

/** Far more than any key: a larger value is something else (a file, a certificate) and is not read. */
const MAX_STDIN_BYTES = 64 * 1024;

export interface KeyFromSource {
  rawKey: string;
  /** Shown to the user: the variable name or "stdin", never the key. */
  source: string;
}

function isBlank(value: string | undefined): boolean {
  return value === undefined || value.trim() === '';
}

function emptyKeyError(source: string): UsageError {
  return new UsageError(
    t('The key in {0} is empty (or only spaces). Copy the key again from {1} and set it, then re-run.', source, CONSOLE_API_KEYS_URL),
  );
}

function notOversized(value: string, source: string): string {
  if (Buffer.byteLength(value, 'utf8') <= MAX_STDIN_BYTES) return value;
  throw new UsageError(t('{0} holds more than {1} bytes, far more than a key: set it to the key alone.', source, String(MAX_STDIN_BYTES)));
}

/**
 * The named variable; else the one the tool really sends (`sentBy`: litellm `codestral/…` reads
 * the Codestral variable); else the Mistral variable, then the Codestral one (the first that holds something).
 */
export function keyFromEnv(env: NodeJS.ProcessEnv, name: string | null, sentBy?: { variable: string; tool: string } | null): KeyFromSource {
  if (name === null && sentBy) {
    if (env[sentBy.variable] === undefined) {
      throw new UsageError(t('{0} sends the key in {1} for this model, and {1} is not set. Set it to your key (export {1}=…), name another variable with --key-env NAME, or use --key-stdin.', sentBy.tool, sentBy.variable));
    }
    return keyFromEnv(env, sentBy.variable);
  }
  if (name !== null) {
    const value = env[name];
    if (value === undefined) {
      throw new UsageError(t('The environment variable {0} is not set. Set it to your key (export {0}=…) or use --key-stdin.', name));
    }
    if (isBlank(value)) throw emptyKeyError(name);
    return { rawKey: notOversized(value, name), source: name };
  }
  const found = KEY_VARIABLES.find((candidate) => !isBlank(env[candidate]));
  if (found) return { rawKey: notOversized(env[found] as string, found), source: found };
  const blank = KEY_VARIABLES.find((candidate) => env[candidate] !== undefined);
  if (blank) throw emptyKeyError(blank);
  throw new UsageError(
    t('No key to check: neither {0} nor {1} is set. Export one of them, name another variable with --key-env NAME, or pipe the key in with --key-stdin.', ...KEY_VARIABLES),
  );
}

/**
 * Reads a piped key; one trailing line break (as `echo` adds) is not part of it. A pipe that stays
 * open (`tail -f`, a forgotten `cat`) ends the read after `timeoutMs` with a usage error.
 */
export function keyFromPipe(stdin: NodeJS.ReadableStream, timeoutMs: number): Promise<KeyFromSource> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (error: Error | null) => {
      clearTimeout(timer);
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.off('error', onError);
      if (error) {
        stdin.pause();
        return reject(error);
      }
      const rawKey = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
      if (isBlank(rawKey)) reject(emptyKeyError('stdin'));
      else resolve({ rawKey, source: 'stdin' });
    };
    const onData = (chunk: Buffer | string) => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size > MAX_STDIN_BYTES) {
        return finish(new UsageError(t('stdin holds more than {0} bytes: pipe only the key (for example `printenv {1} | mistral-key-doctor check --key-stdin`).', String(MAX_STDIN_BYTES), KEY_VARIABLES[0])));
      }
      chunks.push(buffer);
    };
    const onEnd = () => finish(null);
    const onError = (error: Error) => finish(new UsageError(t('Could not read the key from stdin ({0}).', (error as NodeJS.ErrnoException).code ?? error.name)));
    const timer = setTimeout(() => finish(new UsageError(
      t('No key arrived on stdin within {0} ms: the pipe was never closed. Pipe only the key so that it ends (for example `printenv {1} | mistral-key-doctor check --key-stdin`), or raise --timeout-ms.', String(timeoutMs), KEY_VARIABLES[0]),
    )), timeoutMs);
    stdin.on('data', onData);
    stdin.on('end', onEnd);
    stdin.on('error', onError);
    stdin.resume();
  });
}

/** Asks for the key on a terminal without echoing it. */
export function keyFromTerminal(stdin: NodeJS.ReadStream, prompt: NodeJS.WritableStream): Promise<KeyFromSource> {
  return new Promise((resolve, reject) => {
    let typed = '';
    const finish = (error: Error | null) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      prompt.write('\n');
      if (error) reject(error);
      else if (isBlank(typed)) reject(emptyKeyError('stdin'));
      else resolve({ rawKey: typed, source: 'stdin' });
    };
    const onData = (data: Buffer) => {
      for (const char of data.toString('utf8')) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish(null);
        if (char === '\u0003') return finish(new UsageError(t('Cancelled: no key was entered.')));
        if (char === '\u007f' || char === '\b') typed = typed.slice(0, -1);
        else typed += char;
      }
    };
    // Echo goes off before the prompt shows, so nothing typed after it can appear on screen.
    stdin.setRawMode(true);
    prompt.write(t('Paste the key and press Enter (it is not shown): '));
    stdin.resume();
    stdin.on('data', onData);
  });
}
