// Watches the keys other tools use: asks once per source, follows that source's files, re-reads
// a file when it changes and has a key checked when it appears or its fingerprint changes (through
// the scheduler's bounds). Declined sources are never read; in an untrusted workspace no workspace
// file is read. Logs name files by their displayed path and keys by fingerprint only.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { mayStillActivate } from '../../core/activation';
import type { Diagnosis, Target, ToolId } from '../../core/diagnosis';
import { toolForExtensionId, toolName } from '../../core/catalogue';
import { KEY_VARIABLES } from '../../core/catalogue/keyVariables';
import { API_HOSTNAME, CODESTRAL_HOSTNAME } from '../../core/hosts';
import { displayPath } from '../../sources/displayPath';
import type { FindKeyOptions, FoundKeys } from '../../sources/types';
import type { Log } from '../log';
import { systemClock, type Clock } from '../check/throttle';
import { CheckScheduler, WATCH_CHECK_WINDOW_MS } from './checkScheduler';
import type { WatchConsent } from './watchConsent';
import { WatchRegistry, type FoundKey } from './watchRegistry';
import { keyOwnerName, sourcePlaceName, toolOfSource, watchPatterns, WATCHED_SOURCE_IDS, type WatchedSourceId, type WatchPattern } from './watchedSources';
import type { KeyStatus } from '../status/keyStatus';
import type { WatchSourceRow } from '../status/statusMenu';
import { COMMANDS } from '../../shared/commands';

/** Saves come in bursts (editors write twice, formatters rewrite): one read per quiet moment. */
const READ_DELAY_MS = 250;
/**
 * A file watcher reports nothing until it is running, which takes a moment after it is made: one
 * more read this long after the first catches a change made in between.
 */
export const WATCHER_START_MS = 2_000;

export interface WatchCheckRequest {
  sourceId: WatchedSourceId;
  key: string;
  fingerprint: string;
  label: string;
  target: Target;
  model: string | null;
  /** How long ago the key came into a watched file; null for a key that was there before. */
  keyStoredAgoMs: number | null;
  /** The tool whose files hold the key: the verdict is worded for it. */
  tool: ToolId | null;
}

export interface WatchEnvironment {
  home: string;
  env: Record<string, string | undefined>;
  workspaceFolders(): string[];
  isTrusted(): boolean;
  installedExtensionIds(): string[];
  configuredTool(): ToolId;
}

export interface ToolKeyWatchDeps {
  state: vscode.Memento;
  consent: WatchConsent;
  prompts: { info(message: string, ...actions: string[]): Thenable<string | undefined> };
  log: Log;
  environment: WatchEnvironment;
  findKeys(options: FindKeyOptions): Promise<FoundKeys>;
  /** Probes the hosts with the key without prompting; null when no verdict (refused settings, failure). */
  check(request: WatchCheckRequest): Promise<Diagnosis | null>;
  /** Starts a file-system watcher; `onEvent` gets the changed file's path. */
  watchFiles(pattern: WatchPattern, onEvent: (file: string) => void): vscode.Disposable;
  /** Status item and menu refresh. */
  onDidChange(): void;
  clock?: Clock;
  /** How often one key may be checked; a minute unless given. */
  checkWindowMs?: number;
}

interface WatchedSource {
  watchers: vscode.Disposable[];
  pendingRead: unknown;
  /** Reads of one source run one after another: an older read never lands after a newer one. */
  reading: Promise<void>;
  /** The pending read is the one after the watchers' start (a change comes sooner). */
  watcherStartRead: boolean;
}

export class ToolKeyWatch implements vscode.Disposable {
  private readonly registry: WatchRegistry;
  private readonly scheduler: CheckScheduler;
  private readonly clock: Clock;
  private readonly watching = new Map<WatchedSourceId, WatchedSource>();
  private readonly askedThisSession = new Set<WatchedSourceId>();
  private readonly checking = new Set<string>();
  private readonly pending = new Set<Promise<void>>();
  private disposed = false;

  constructor(private readonly deps: ToolKeyWatchDeps) {
    this.clock = deps.clock ?? systemClock;
    this.registry = new WatchRegistry(deps.state);
    this.scheduler = new CheckScheduler((keyId) => this.track(this.runCheck(keyId)), this.clock, deps.checkWindowMs ?? WATCH_CHECK_WINDOW_MS, () => deps.onDidChange());
  }

  /**
   * At start-up and after a trust or settings change: watch what is allowed, then ask about what is
   * detected and undecided, one question at a time (an unanswered question holds up no watch).
   */
  async reconcile(options: { ask: boolean; evenWithoutKey?: boolean } = { ask: true }): Promise<void> {
    const undecided: WatchedSourceId[] = [];
    for (const id of WATCHED_SOURCE_IDS) {
      const state = this.deps.consent.stateOf(id);
      if (state !== 'allowed' && (this.watching.has(id) || this.registry.all().some((r) => r.sourceId === id))) this.unwatch(id);
      if (state === 'declined' || this.watching.has(id) || !(await this.detected(id))) continue;
      if (state === 'allowed') this.watch(id);
      else if (options.ask && !this.askedThisSession.has(id)) undecided.push(id);
    }
    this.deps.onDidChange();
    for (const id of undecided) {
      if (!options.evenWithoutKey && !(await this.holdsKey(id))) continue;
      if (await this.askConsent(id)) this.watch(id);
    }
  }

  /** "Watch other tools' keys…": asks again about every detected source not decided yet. */
  async askAgain(): Promise<void> {
    this.askedThisSession.clear();
    await this.reconcile({ ask: true, evenWithoutKey: true });
  }

  /** "Stop watching <source>": declined, its watchers and keys dropped, its files never read again. */
  async stopWatching(id: WatchedSourceId): Promise<void> {
    await this.deps.consent.decline(id);
    this.unwatch(id);
    this.deps.log.info(`Stopped watching ${describeSource(id)}; its files are not read again (remove "${id}" from mistralKeyDoctor.watchDeclinedSources to watch it again).`);
    this.deps.onDidChange();
  }

  /** Workspace trust was granted: workspace files join the watch. */
  async trustChanged(): Promise<void> {
    for (const id of [...this.watching.keys()]) this.stopFileWatchers(id);
    await this.reconcile({ ask: false });
  }

  watchedSources(): WatchedSourceId[] {
    return [...this.watching.keys()];
  }

  /** Each watched key with its last verdict, in the shape every status surface reads. */
  keys(): KeyStatus[] {
    return this.registry.all().map((record, index) => ({
      sourceId: record.sourceId,
      owner: keyOwnerName(record.sourceId),
      place: `${record.label} · ${record.fingerprint}`,
      diagnosis: record.diagnosis,
      tool: toolOfSource(record.sourceId) ?? 'other',
      checking: this.checking.has(this.registry.keyIdOfEntry(record.entryId) ?? ''),
      stale: record.stale,
      storedKey: false,
      file: record.files[0] ?? null,
      recheck: { command: COMMANDS.checkWatchedKey, args: [index] },
    }));
  }

  /** Every source the user decided about, and the files it reads, so the menu can show and change it. */
  sourceRows(): WatchSourceRow[] {
    const rows: WatchSourceRow[] = [];
    const declinedByUser = this.deps.consent.declined();
    for (const id of WATCHED_SOURCE_IDS) {
      const state = this.deps.consent.stateOf(id);
      // With the watch set to "never", no source is a decision the menu could change.
      if (state === 'ask' || (state === 'declined' && !declinedByUser.includes(id))) continue;
      rows.push({
        id,
        place: sourcePlaceName(id),
        state: state === 'allowed' ? 'watching' : 'declined',
        files: this.patterns(id).map((pattern) => pattern.display),
        keys: this.registry.all().filter((record) => record.sourceId === id).length,
      });
    }
    return rows;
  }

  /** "Watch" picked in the menu for one source: allowed without a question (the row named its files). */
  async startWatching(id: WatchedSourceId): Promise<void> {
    await this.deps.consent.allow(id);
    this.deps.log.info(`Watching ${describeSource(id)}: allowed from the menu.`);
    if (!this.watching.has(id)) this.watch(id);
    this.deps.onDidChange();
  }

  /** The key behind the n-th verdict (as `verdicts()` lists them), to check it on demand; null when it was not read in this session. */
  requestAt(index: number): WatchCheckRequest | null {
    const record = this.registry.all()[index];
    const keyId = record ? this.registry.keyIdOfEntry(record.entryId) : null;
    const key = keyId === null ? undefined : this.registry.keyFor(keyId);
    if (!record || key === undefined) return null;
    return { sourceId: record.sourceId, key, fingerprint: record.fingerprint, label: record.label, target: record.target, model: record.model, keyStoredAgoMs: null, tool: toolOfSource(record.sourceId) };
  }

  /** Resolves when no read or check is running. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }

  /** Nothing runs and nothing waits: no read, no check, no read after a file event or a watcher's start, no throttled check. */
  idle(): boolean {
    return this.pending.size === 0 && !this.scheduler.hasScheduled()
      && [...this.watching.values()].every((source) => source.pendingRead === null);
  }

  dispose(): void {
    this.disposed = true;
    for (const id of [...this.watching.keys()]) this.stopFileWatchers(id);
    this.scheduler.dispose();
  }

  private async askConsent(id: WatchedSourceId): Promise<boolean> {
    const t = vscode.l10n.t;
    this.askedThisSession.add(id);
    const watch = t('Watch');
    const decline = t('Not this one');
    const answer = await this.deps.prompts.info(consentQuestion(id, this.patterns(id).map((pattern) => pattern.display)), watch, decline);
    if (answer === watch) {
      await this.deps.consent.allow(id);
      this.deps.log.info(`Watching ${describeSource(id)}: allowed.`);
      return true;
    }
    if (answer === decline) {
      await this.deps.consent.decline(id);
      this.deps.log.info(`Not watching ${describeSource(id)}: declined.`);
    }
    return false;
  }

  /** Whether the source's files hold a Mistral key now: the question is worth asking only then. Nothing is sent. */
  private async holdsKey(id: WatchedSourceId): Promise<boolean> {
    const { environment } = this.deps;
    const trusted = environment.isTrusted();
    try {
      const found = await this.deps.findKeys({
        home: environment.home, workspaceFolders: trusted ? environment.workspaceFolders() : [], env: environment.env,
        includeToolFiles: true, includeWorkspaceFiles: trusted, sources: [id],
      });
      return found.candidates.length > 0;
    } catch {
      return false;
    }
  }

  /** A tool counts as present when its extension is installed, it is the configured tool, or one of its own files exists. */
  private async detected(id: WatchedSourceId): Promise<boolean> {
    const { environment } = this.deps;
    if (id === 'env') return KEY_VARIABLES.some((name) => environment.env[name]);
    const tool = toolOfSource(id);
    if (tool && (environment.configuredTool() === tool || environment.installedExtensionIds().some((ext) => toolForExtensionId(ext) === tool))) return true;
    // A workspace's own `.env` names no tool (every tool reads one): it counts only for the `.env` source.
    // One in a tool's folder (`~/.vibe/.env`, `~/.continue/.env`) does name it.
    const telling = this.patterns(id).filter((pattern) => id === 'dotenv' || !(pattern.inWorkspace && pattern.glob === '.env'));
    for (const pattern of telling) {
      if (await exists(path.join(pattern.base, pattern.glob.replace(/\/\*\*$/, '')))) return true;
    }
    return false;
  }

  private patterns(id: WatchedSourceId): WatchPattern[] {
    const folders = this.deps.environment.isTrusted() ? this.deps.environment.workspaceFolders() : [];
    return watchPatterns(id, this.deps.environment.home, folders, this.deps.environment.env);
  }

  private watch(id: WatchedSourceId): void {
    const patterns = this.patterns(id);
    const source: WatchedSource = { watchers: [], pendingRead: null, reading: Promise.resolve(), watcherStartRead: false };
    this.watching.set(id, source);
    for (const pattern of patterns) {
      source.watchers.push(this.deps.watchFiles(pattern, (file) => this.fileChanged(id, file)));
    }
    const shown = patterns.map((pattern) => pattern.display).join(', ') || KEY_VARIABLES.join(', ');
    const untrusted = this.deps.environment.isTrusted() ? '' : ' (untrusted workspace: workspace files are not watched)';
    this.deps.log.info(`Watching ${describeSource(id)}: ${shown}${untrusted}.`);
    this.queueRead(source, id, false);
    if (patterns.length > 0) this.readLater(source, id, WATCHER_START_MS, true);
  }

  private queueRead(source: WatchedSource, id: WatchedSourceId, observedChange: boolean): void {
    // A read that failed must not stop the ones after it.
    const next = source.reading.then(() => this.read(id, observedChange)).catch((error: unknown) => {
      this.deps.log.error(`Reading ${describeSource(id)} failed: ${error instanceof Error ? error.message : String(error)}`);
    });
    source.reading = next;
    this.track(next);
  }

  private readLater(source: WatchedSource, id: WatchedSourceId, delayMs: number, watcherStart = false): void {
    source.watcherStartRead = watcherStart;
    source.pendingRead = this.clock.setTimeout(() => {
      source.pendingRead = null;
      this.queueRead(source, id, true);
    }, delayMs);
  }

  private unwatch(id: WatchedSourceId): void {
    this.stopFileWatchers(id);
    this.watching.delete(id);
    for (const keyId of this.registry.removeSource(id)) this.scheduler.cancel(keyId);
  }

  private stopFileWatchers(id: WatchedSourceId): void {
    const source = this.watching.get(id);
    if (!source) return;
    for (const watcher of source.watchers) watcher.dispose();
    source.watchers = [];
    if (source.pendingRead !== null) this.clock.clearTimeout(source.pendingRead);
    source.pendingRead = null;
  }

  private fileChanged(id: WatchedSourceId, file: string): void {
    const source = this.watching.get(id);
    if (!source || this.disposed) return;
    if (source.pendingRead !== null) {
      // The read after a watcher's start waits longer than a change needs to.
      if (!source.watcherStartRead) return;
      this.clock.clearTimeout(source.pendingRead);
    }
    this.deps.log.info(`${this.display(file)} changed: re-reading ${describeSource(id)}.`);
    this.readLater(source, id, READ_DELAY_MS);
  }

  private track(work: Promise<void>): void {
    this.pending.add(work);
    void work.finally(() => this.pending.delete(work));
  }

  private async read(id: WatchedSourceId, observedChange: boolean): Promise<void> {
    // A source declined since the event fired is never read.
    if (this.deps.consent.stateOf(id) !== 'allowed' || !this.watching.has(id)) {
      this.deps.log.info(`Not reading ${describeSource(id)}: it is no longer watched.`);
      return;
    }
    const { environment, log } = this.deps;
    const trusted = environment.isTrusted();
    const folders = trusted ? environment.workspaceFolders() : [];
    let found: FoundKeys;
    try {
      found = await this.deps.findKeys({
        home: environment.home, workspaceFolders: folders, env: environment.env,
        includeToolFiles: true, includeWorkspaceFiles: trusted, sources: [id],
      });
    } catch (error) {
      log.error(`Reading ${describeSource(id)} failed: ${error instanceof Error ? error.message : String(error)}`);
      return;
    }
    if (this.disposed || !this.watching.has(id)) return;
    // The finders offer only Mistral-shaped values; the others come back as problems (logged below).
    const keys: FoundKey[] = found.candidates.map((candidate) => ({
      entryId: `${id}|${candidate.source.path ?? ''}|${candidate.source.label}`,
      sourceId: id, label: candidate.source.label, key: candidate.key, fingerprint: candidate.fingerprint,
      target: candidate.source.target, model: candidate.source.model,
      files: candidate.sources.flatMap((source) => [source.path, ...source.alsoReads].filter((file): file is string => !!file)),
    }));
    for (const problem of found.problems) log.warn(`${this.display(problem.path)}: ${problem.message}`);
    const update = this.registry.update(id, keys, found.problems.map((problem) => problem.path), observedChange, this.clock.now());
    for (const record of update.added) log.info(`Watching key ${record.fingerprint} (${record.label}).`);
    for (const record of update.changed) log.info(`The key in ${record.label} changed to ${record.fingerprint}.`);
    for (const record of update.staled) log.info(`Kept the last verdict on key ${record.fingerprint} (${record.label}), marked stale: its file cannot be checked now.`);
    for (const record of update.dropped) log.info(`Key ${record.fingerprint} is no longer in ${record.label}: dropped from the watch.`);
    for (const keyId of update.released) this.scheduler.cancel(keyId);
    for (const keyId of update.toCheck) this.scheduler.request(keyId);
    if (keys.length === 0 && update.dropped.length === 0) this.deps.log.info(`Read ${describeSource(id)}: no Mistral key found.`);
    this.deps.onDidChange();
  }

  private async runCheck(keyId: string): Promise<void> {
    const key = this.registry.keyFor(keyId);
    const entries = this.registry.entriesWithKey(keyId);
    const first = entries[0];
    if (key === undefined || !first || this.disposed) return;
    const appearedAt = entries.reduce<number | null>((latest, record) => (record.firstSeenAt !== null && (latest === null || record.firstSeenAt > latest) ? record.firstSeenAt : latest), null);
    this.checking.add(keyId);
    this.deps.onDidChange();
    try {
      const diagnosis = await this.deps.check({
        sourceId: first.sourceId, key, fingerprint: first.fingerprint, label: first.label, target: first.target, model: first.model, tool: toolOfSource(first.sourceId),
        keyStoredAgoMs: appearedAt === null ? null : Math.max(0, this.clock.now() - appearedAt),
      });
      if (this.disposed) return;
      if (!diagnosis) {
        // No verdict (refused settings, a failure): the key stays stale and is asked about again.
        this.deps.log.info(`The check of watched key ${first.fingerprint} gave no verdict: trying again.`);
        this.scheduler.request(keyId);
        return;
      }
      const updated = this.registry.recordVerdict(keyId, diagnosis);
      for (const record of updated) this.deps.log.info(`Watched key ${record.fingerprint} (${record.label}): ${diagnosis.cause.id}.`);
      this.scheduler.recordResult(keyId, appearedAt, mayStillActivate(diagnosis.cause.id));
    } catch (error) {
      this.deps.log.error(`The check of watched key ${first.fingerprint} failed: ${error instanceof Error ? error.message : String(error)}`);
      if (!this.disposed) this.scheduler.request(keyId);
    } finally {
      this.checking.delete(keyId);
      this.deps.onDidChange();
    }
  }

  private display(file: string): string {
    return displayPath(file, this.deps.environment.home, this.deps.environment.workspaceFolders());
  }
}

/** Names the files and says where their keys go, so the answer is informed. */
export function consentQuestion(id: WatchedSourceId, files: readonly string[]): string {
  const t = vscode.l10n.t;
  const hosts = `${API_HOSTNAME}, ${CODESTRAL_HOSTNAME}`;
  return files.length > 0
    ? t('Watch {0} ({1})? When the Mistral key in them changes, Mistral Key Doctor sends it to Mistral\'s hosts ({2}) to check it.', sourcePlaceName(id), files.join(', '), hosts)
    : t('Watch {0}? When the key in them changes, Mistral Key Doctor sends it to Mistral\'s hosts ({1}) to check it.', sourcePlaceName(id), hosts);
}

/** For log lines (English, like the rest of the log). */
function describeSource(id: WatchedSourceId): string {
  const tool = toolOfSource(id);
  return id === 'env' ? 'the environment' : id === 'dotenv' || !tool ? 'the workspace .env files' : `${toolName(tool)}'s files`;
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.promises.stat(file);
    return true;
  } catch {
    return false;
  }
}
