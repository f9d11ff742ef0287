// `check --watch`: a new key can take a few minutes to become active, so check again every 30 s
// until the activation window ends, and stop as soon as it is accepted. The check at the end of the
// window is the last; with `--new-key` it then says plainly that the key is rejected. Ctrl-C stops cleanly.
import { KEY_ACTIVATION_WINDOW_MINUTES, KEY_ACTIVATION_WINDOW_MS } from '../core/activation';
import { checkKey } from '../core/check';
import type { Diagnosis } from '../core/diagnosis';
import { t } from '../core/l10n';
import type { CheckOptions } from './args';
import type { CliContext, PreparedCheck } from './context';
import { printDiagnosis } from './printDiagnosis';
import { EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, exitCodeFor } from './exitCode';

export const WATCH_INTERVAL_MS = 30_000;

/** Test-only override (MKD_WATCH_INTERVAL_MS), so the suite can watch a key activate in seconds. */
export function watchIntervalMs(env: NodeJS.ProcessEnv): number {
  const override = Number(env.MKD_WATCH_INTERVAL_MS);
  return Number.isSafeInteger(override) && override > 0 ? override : WATCH_INTERVAL_MS;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

/** Waits `ms`, showing a live countdown on a terminal and one plain line elsewhere. */
async function countdown(ms: number, attempt: number, signal: AbortSignal, ctx: CliContext): Promise<void> {
  const live = ctx.output.stderr.isTTY === true;
  if (!live) {
    ctx.output.err(`${t('Next check in {0} s.', String(Math.ceil(ms / 1000)))}\n`);
    await sleep(ms, signal);
    return;
  }
  const end = Date.now() + ms;
  while (!signal.aborted && Date.now() < end) {
    const seconds = Math.ceil((end - Date.now()) / 1000);
    ctx.output.err(`\r\x1b[K${t('Next check in {0} s (check {1} done; Ctrl-C to stop)', String(seconds), String(attempt))}`);
    await sleep(Math.min(1000, end - Date.now()), signal);
  }
  ctx.output.err('\r\x1b[K');
}

function statusLine(diagnosis: Diagnosis, attempt: number): string {
  const time = new Date(diagnosis.checkedAt).toTimeString().slice(0, 8);
  const hosts = (['api', 'codestral'] as const)
    .map((id) => `${id}: ${diagnosis.hosts[id].outcome}${diagnosis.hosts[id].status !== null ? ` ${diagnosis.hosts[id].status}` : ''}`)
    .join(', ');
  return `${t('Check {0} at {1}: {2} ({3})', String(attempt), time, diagnosis.cause.title, hosts)}\n`;
}

export async function watchKey(prepared: PreparedCheck, options: CheckOptions, source: string, ctx: CliContext): Promise<number> {
  const interval = watchIntervalMs(ctx.env);
  const started = Date.now();
  const stop = new AbortController();
  const onInterrupt = () => stop.abort();
  process.on('SIGINT', onInterrupt);
  try {
    for (let attempt = 1; ; attempt++) {
      // Never beyond the window: the last check is made at its end.
      const elapsed = Math.min(Date.now() - started, KEY_ACTIVATION_WINDOW_MS);
      const diagnosis = await checkKey({
        ...prepared, keyAgeMs: options.newKey ? elapsed : null, signal: stop.signal,
      }).catch((error: unknown) => {
        // checkKey rejects only for our own abort (Ctrl-C); anything else is a real failure.
        if (stop.signal.aborted) return null;
        throw error;
      });
      if (diagnosis === null) break;
      const code = exitCodeFor(diagnosis);
      const last = code === EXIT_OK || code === EXIT_USAGE || elapsed >= KEY_ACTIVATION_WINDOW_MS;
      if (options.json || attempt === 1 || last) printDiagnosis(diagnosis, { json: options.json, source }, ctx);
      else ctx.output.out(statusLine(diagnosis, attempt));
      // Accepted, or a key that cannot be sent at all: waiting changes neither.
      if (code === EXIT_OK || code === EXIT_USAGE) return code;
      if (last) {
        ctx.output.err(`${t('Stopped watching after {0} minutes: the key is still not accepted.', String(KEY_ACTIVATION_WINDOW_MINUTES))}\n`);
        return code;
      }
      await countdown(Math.min(interval, Math.max(0, started + KEY_ACTIVATION_WINDOW_MS - Date.now())), attempt, stop.signal, ctx);
      if (stop.signal.aborted) break;
    }
    ctx.output.err(`${t('Stopped watching (Ctrl-C).')}\n`);
    return EXIT_INTERRUPTED;
  } finally {
    process.off('SIGINT', onInterrupt);
  }
}
