// Runs `checkKey` against fuzzed hosts and checks what must hold whatever a host does: the check ends
// in a catalogued cause, within the timeout plus 100 ms, without unhandled rejections or leaked
// handles, neither the key nor any 10-character piece of it appears in any output, no output holds
// a control character a host sent, every model id it names is a safe id, and no redirect carries
// the key to another host.
import { checkKey } from '../../src/core/check';
import { CAUSE_IDS, type Diagnosis } from '../../src/core/diagnosis';
import { isSafeModelId, KEY_PIECE_LENGTH } from '../../src/core/hostText';
import { renderReport, renderSupportReport, toCliJson } from '../../src/core/report';
import { describeFuzzCase, fuzzCase, type FuzzCase } from './fuzzCases';
import { fuzzResponder } from './fuzzResponder';
import { startRedirectSink } from './fuzzSink';
import { startEmulator } from '../../src/emulator/server';

/** How far past its timeout a check may end. */
export const DEADLINE_SLACK_MS = 100;

export interface FuzzOptions {
  seed: number;
  runs: number;
  timeoutMs: number;
  /** Runs in flight at once; handles are checked for leaks between waves. */
  concurrency?: number;
  onRun?: (result: FuzzRunResult) => void;
}

export interface FuzzRunResult {
  index: number;
  seed: number;
  description: string;
  causeId: string | null;
  elapsedMs: number;
  /** Time past the timeout (negative when it ended earlier). */
  overrunMs: number;
  /** The longest time the process did not run at all during this run's wave (a busy machine). */
  stallMs: number;
  /** What went wrong; empty for a good run. */
  problems: string[];
}

export interface FuzzSummary {
  seed: number;
  runs: number;
  timeoutMs: number;
  crashes: number;
  unhandledRejections: number;
  leaks: number;
  /** Runs whose outputs held the key or a 10-character piece of it. */
  keyLeaks: number;
  /** Runs whose text outputs held a control character the renderers did not write. */
  controlLeaks: number;
  /** Runs whose Diagnosis named a model id outside the safe grammar. */
  unsafeIds: number;
  redirectLeaks: number;
  uncatalogued: number;
  /** Runs that waited more than 100 ms past the deadline, beyond the time the process was stalled. */
  lateRuns: number;
  /** Runs that ended more than 100 ms past the deadline by the wall clock, stalls included. */
  lateRunsByWallClock: number;
  worstOverrunMs: number;
  /** The worst of (time past the deadline − stall): how long a check went on waiting. */
  worstWaitPastDeadlineMs: number;
  longestStallMs: number;
  causes: Record<string, number>;
  failures: FuzzRunResult[];
  wallMs: number;
}


const VERSIONS = { 'Mistral Key Doctor': 'fuzz', 'Node.js': process.versions.node };

/** Everything a user could see of a diagnosis: the object itself and each rendering of it. */
function outputsOf(diagnosis: Diagnosis, tool: FuzzCase['tool']): string[] {
  return [
    JSON.stringify(diagnosis),
    renderReport(diagnosis, { color: false, tool }),
    renderReport(diagnosis, { color: true, tool }),
    renderSupportReport(diagnosis, { versions: VERSIONS, tool }),
    JSON.stringify(toCliJson(diagnosis, tool)),
  ];
}

/** The first 10-character piece of the key found in the text, or null. */
function keyPieceIn(text: string, key: string): string | null {
  for (let start = 0; start + KEY_PIECE_LENGTH <= key.length; start++) {
    if (text.includes(key.slice(start, start + KEY_PIECE_LENGTH))) return key.slice(start, start + KEY_PIECE_LENGTH);
  }
  return null;
}

/** Line ends, and the colours the coloured report adds, are the renderers' own; nothing else may be there. */
const FOREIGN_CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;

function hasForeignControl(text: string): boolean {
  return FOREIGN_CONTROL.test(text.replace(/\u001B\[[0-9;]*m/g, ''));
}

/** Every model id the Diagnosis names: what a fix, setting or config edit could be built from. */
function modelIdsOf(diagnosis: Diagnosis): string[] {
  const { model } = diagnosis;
  const listed = (diagnosis.liveModels ?? []).flatMap((card) => [card.id, ...card.aliases, card.deprecationReplacementModel]);
  return [model.resolvesTo, model.suggested, model.suggestion?.id ?? null, ...listed].filter((id): id is string => id !== null);
}

function checkOutputs(diagnosis: Diagnosis, fuzz: FuzzCase, problems: string[]): void {
  const outputs = outputsOf(diagnosis, fuzz.tool);
  if (outputs.some((text) => keyPieceIn(text, fuzz.key) !== null)) problems.push('key-leak: the key or a piece of it appears in an output');
  // The JSON forms escape control characters; the three text renderings must hold none.
  if (outputs.slice(1, 4).some(hasForeignControl)) problems.push('control-leak: a host\'s control character reached a rendering');
  const unsafe = modelIdsOf(diagnosis).find((id) => !isSafeModelId(id));
  if (unsafe !== undefined) problems.push(`unsafe-id: the Diagnosis names the model id ${JSON.stringify(unsafe)}`);
}

export async function runFuzzCase(fuzz: FuzzCase, timeoutMs: number): Promise<FuzzRunResult> {
  const sink = await startRedirectSink();
  const responders = {
    api: fuzzResponder(fuzz.hosts.api, { otherHostUrl: sink.url, timeoutMs }),
    codestral: fuzzResponder(fuzz.hosts.codestral, { otherHostUrl: sink.url, timeoutMs }),
  };
  const hosts = await startEmulator({ responder: (req, res, host) => responders[host](req, res, host) });
  const problems: string[] = [];
  let diagnosis: Diagnosis | null = null;
  const startedAt = performance.now();
  try {
    diagnosis = await checkKey({
      rawKey: fuzz.rawKey, target: fuzz.target, model: fuzz.model, apiUrl: hosts.apiUrl, codestralUrl: hosts.codestralUrl,
      timeoutMs, keyAgeMs: null, preferredCodestralModel: 'codestral-2501',
    });
  } catch (error) {
    problems.push(`crash: checkKey threw ${error instanceof Error ? error.name : typeof error}`);
  }
  const elapsedMs = performance.now() - startedAt;
  await Promise.all([hosts.close(), sink.close()]);

  const overrunMs = elapsedMs - timeoutMs;
  if (diagnosis) {
    if (!(CAUSE_IDS as readonly string[]).includes(diagnosis.cause.id)) problems.push(`uncatalogued cause ${String(diagnosis.cause.id)}`);
    try {
      checkOutputs(diagnosis, fuzz, problems);
    } catch (error) {
      problems.push(`crash: rendering threw ${error instanceof Error ? error.name : typeof error}`);
    }
  }
  for (const request of sink.requests) {
    if (request.authorization !== null || request.raw.includes(fuzz.key)) {
      problems.push(`redirect-leak: the key reached the other host (${request.method} ${request.url})`);
    }
  }
  return {
    index: fuzz.index, seed: fuzz.seed, description: describeFuzzCase(fuzz), causeId: diagnosis?.cause.id ?? null,
    elapsedMs, overrunMs, stallMs: 0, problems,
  };
}

const WATCHED_RESOURCES = new Set(['TCPSocketWrap', 'TCPServerWrap', 'Timeout', 'TLSWrap']);

function openHandles(): string[] {
  return process.getActiveResourcesInfo().filter((name) => WATCHED_RESOURCES.has(name)).sort();
}

/** Waits (briefly) for sockets, servers and timers to drop back to `baseline`; returns what stayed open. */
async function handlesLeftOpen(baseline: number): Promise<string[]> {
  for (let attempt = 0; attempt < 40; attempt++) {
    if (openHandles().length <= baseline) return [];
    await new Promise((resolve) => setImmediate(resolve));
    if (attempt > 10) await new Promise((resolve) => setTimeout(resolve, 25));
  }
  const open = openHandles();
  return open.length <= baseline ? [] : open;
}

const STALL_TICK_MS = 10;

/**
 * The longest time the process went without running a timer tick since the last reset: on a busy
 * machine the process may not be scheduled at all for a while. (`monitorEventLoopDelay` drops the
 * first gap after a reset, so it misses exactly these.)
 */
function stallMeter(): { reset(): void; longestMs(): number; stop(): void } {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last - STALL_TICK_MS);
    last = now;
  }, STALL_TICK_MS);
  return {
    reset() { last = performance.now(); longest = 0; },
    longestMs: () => Math.max(longest, performance.now() - last - STALL_TICK_MS),
    stop: () => clearInterval(timer),
  };
}

/** Cases from another seed, run untimed first: the first checks in a process also load and compile the SDK. */
const WARM_UP_SEED = 0x5eed;
const WARM_UP_RUNS = 6;

export async function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const summary: FuzzSummary = {
    seed: options.seed, runs: 0, timeoutMs: options.timeoutMs, crashes: 0, unhandledRejections: 0, leaks: 0,
    keyLeaks: 0, controlLeaks: 0, unsafeIds: 0, redirectLeaks: 0, uncatalogued: 0, lateRuns: 0, lateRunsByWallClock: 0, worstOverrunMs: -Infinity,
    worstWaitPastDeadlineMs: -Infinity, longestStallMs: 0, causes: {}, failures: [], wallMs: 0,
  };
  // Time the process was not running is told apart from a check that goes on waiting past its deadline.
  const stalls = stallMeter();
  const onUnhandled = (): void => { summary.unhandledRejections++; };
  process.on('unhandledRejection', onUnhandled);
  process.on('uncaughtException', onUnhandled);
  const baseline = openHandles().length;
  try {
    for (let index = 0; index < WARM_UP_RUNS; index++) await runFuzzCase(fuzzCase(WARM_UP_SEED, index), options.timeoutMs);
    if ((await handlesLeftOpen(baseline)).length > 0) summary.leaks++;
    const startedAt = performance.now();
    for (let first = 0; first < options.runs; first += concurrency) {
      const indexes = Array.from({ length: Math.min(concurrency, options.runs - first) }, (_, i) => first + i);
      stalls.reset();
      const results = await Promise.all(indexes.map((index) => runFuzzCase(fuzzCase(options.seed, index), options.timeoutMs)));
      const stallMs = stalls.longestMs();
      const leftOpen = await handlesLeftOpen(baseline);
      if (leftOpen.length > 0) summary.leaks++;
      for (const result of results) {
        result.stallMs = stallMs;
        if (result.overrunMs - stallMs > DEADLINE_SLACK_MS) {
          result.problems.push(`late: ended ${Math.round(result.overrunMs)} ms past the ${options.timeoutMs} ms timeout, ${Math.round(stallMs)} ms of it stalled`);
        }
        if (leftOpen.length > 0) result.problems.push(`leak: still open after the wave closed: ${leftOpen.join(', ')}`);
        record(summary, result);
        options.onRun?.(result);
      }
    }
    summary.wallMs = performance.now() - startedAt;
  } finally {
    stalls.stop();
    process.off('unhandledRejection', onUnhandled);
    process.off('uncaughtException', onUnhandled);
  }
  return summary;
}

function record(summary: FuzzSummary, result: FuzzRunResult): void {
  summary.runs++;
  summary.worstOverrunMs = Math.max(summary.worstOverrunMs, result.overrunMs);
  summary.worstWaitPastDeadlineMs = Math.max(summary.worstWaitPastDeadlineMs, result.overrunMs - result.stallMs);
  summary.longestStallMs = Math.max(summary.longestStallMs, result.stallMs);
  if (result.overrunMs > DEADLINE_SLACK_MS) summary.lateRunsByWallClock++;
  const cause = result.causeId ?? 'none';
  summary.causes[cause] = (summary.causes[cause] ?? 0) + 1;
  const has = (prefix: string): boolean => result.problems.some((problem) => problem.startsWith(prefix));
  if (has('crash')) summary.crashes++;
  if (has('key-leak')) summary.keyLeaks++;
  if (has('control-leak')) summary.controlLeaks++;
  if (has('unsafe-id')) summary.unsafeIds++;
  if (has('redirect-leak')) summary.redirectLeaks++;
  if (has('uncatalogued')) summary.uncatalogued++;
  if (has('late')) summary.lateRuns++;
  if (result.problems.length > 0) summary.failures.push(result);
}
