// One check of one key: the settings of the moment, the base URLs validated and confirmed, the
// engine called once per (key, settings) however many ask, the URLs logged, the result kept.
import { createHash } from 'node:crypto';
import * as vscode from 'vscode';
import type { Target, ToolId } from '../../core/diagnosis';
import { validateBaseUrl } from '../../core/hosts';
import { COMMANDS } from '../../shared/commands';
import type { CheckCandidate } from './candidates';
import type { CheckResult } from './checkResult';
import type { Engine } from './engineLoader';
import type { HostConsent } from './hostConsent';
import { InFlight } from './inFlight';
import type { KeyStore } from '../key/keyStore';
import { describeError, redact, type Log } from '../log';
import { loopbackDirectFetch } from './loopbackFetch';
import type { Prompts } from '../prompts';
import type { ResultMemory } from '../panel/resultMemory';
import { SETTINGS_SECTION, type DoctorSettings } from '../settings';

export interface CheckOptions {
  /** True when the user asked for this check: prompts may be shown. */
  interactive: boolean;
  signal?: AbortSignal;
  /** False for a watched tool's key: its verdict goes to the watch, not to the panel and the status item. */
  remember?: boolean;
  /** How long ago the key appeared in a watched file, when known from elsewhere than the key store. */
  keyStoredAgoMs?: number | null;
}

/** The tool a check speaks for and the host it sends the key to. */
export interface CheckTarget {
  tool: ToolId;
  host: Target;
}

export interface CheckerDeps {
  log: Log;
  prompts: Prompts;
  keyStore: KeyStore;
  consent: HostConsent;
  memory: ResultMemory;
  loadEngine: () => Engine;
  settings: () => DoctorSettings;
  /** The tool to check for and its host, for this model. */
  target: (model: string | null) => CheckTarget;
  onChange: () => void;
}

export class Checker {
  private current: CheckResult | null;
  private candidate: CheckCandidate | null = null;
  private running = 0;
  private readonly inFlight = new InFlight<CheckResult | null>();
  private readonly listeners: ((result: CheckResult) => void)[] = [];

  constructor(private readonly deps: CheckerDeps) {
    this.current = deps.memory.read();
  }

  get result(): CheckResult | null {
    return this.current;
  }

  get lastCandidate(): CheckCandidate | null {
    return this.candidate;
  }

  get checking(): boolean {
    return this.running > 0;
  }

  onDidCheck(listener: (result: CheckResult) => void): vscode.Disposable {
    this.listeners.push(listener);
    return new vscode.Disposable(() => this.listeners.splice(this.listeners.indexOf(listener), 1));
  }

  /** Shows a verdict reached elsewhere (another window, minutes ago) as this window's result. */
  adopt(result: CheckResult): void {
    this.setResult(result);
    this.deps.onChange();
  }

  /** Forgets the result and candidate of the stored key (it was removed or replaced). */
  forgetStoredKey(): void {
    if (this.current?.storedKey) this.setResult(null);
    if (this.candidate?.stored) this.candidate = null;
  }

  forget(fingerprint: string): void {
    if (this.current?.storedKey && this.current.diagnosis.key.fingerprint !== fingerprint) this.setResult(null);
  }

  /** Probes both hosts with the key. Concurrent checks of the same key and settings share one probe. */
  async check(candidate: CheckCandidate, options: CheckOptions): Promise<CheckResult | null> {
    const { log } = this.deps;
    const settings = this.deps.settings();
    const model = candidate.model ?? settings.model;
    const target = this.deps.target(model);
    const host = candidate.target ?? target.host;
    const apiUrl = validateBaseUrl(settings.apiBaseUrl);
    const codestralUrl = validateBaseUrl(settings.codestralBaseUrl);
    for (const [name, validation] of [['apiBaseUrl', apiUrl], ['codestralBaseUrl', codestralUrl]] as const) {
      if (validation.ok) continue;
      log.warn(`Not checking: mistralKeyDoctor.${name} is refused: ${validation.message}`);
      if (options.interactive) void this.offerSettings(validation.message, `${SETTINGS_SECTION}.${name}`);
      return null;
    }
    if (!apiUrl.ok || !codestralUrl.ok) return null;
    for (const note of settings.ignored) log.warn(note);
    if (!(await this.deps.consent.allow([apiUrl.url, codestralUrl.url], options.interactive))) {
      log.info(`Not checking key ${candidate.fingerprint}: a base URL points to a host that was not confirmed.`);
      return null;
    }
    const storedAt = candidate.stored ? this.deps.keyStore.firstStoredAt(candidate.fingerprint) : null;
    const id = createHash('sha256')
      .update([candidate.key, host, target.tool, model ?? '', apiUrl.url, codestralUrl.url, settings.preferredCodestralModel, settings.timeoutMs, settings.planLookup].join('\n'))
      .digest('hex');
    const remember = options.remember !== false;
    if (remember) this.candidate = candidate;
    return this.inFlight.run(id, async () => {
      this.running += 1;
      this.deps.onChange();
      log.info(`Checking key ${candidate.fingerprint} (${candidate.label}) for ${target.tool}, target ${host}, model ${model ?? 'none'}: api ${apiUrl.url} (${settings.baseUrlScopes.api} setting), codestral ${codestralUrl.url} (${settings.baseUrlScopes.codestral} setting).`);
      try {
        const diagnosis = await this.deps.loadEngine().checkKey({
          rawKey: candidate.key,
          target: host,
          tool: target.tool,
          model,
          apiUrl: apiUrl.url,
          codestralUrl: codestralUrl.url,
          timeoutMs: settings.timeoutMs,
          // When a key was stored says nothing of when it was created: a refusal then is "refused, may still be activating".
          keyAgeMs: null,
          keyStoredAgoMs: storedAt === null ? options.keyStoredAgoMs ?? null : Math.max(0, Date.now() - storedAt),
          preferredCodestralModel: settings.preferredCodestralModel,
          planLookup: settings.planLookup,
          signal: options.signal,
          fetcher: loopbackDirectFetch(),
        });
        const result: CheckResult = { diagnosis, sourceLabel: candidate.label, storedKey: candidate.stored, tool: target.tool, toolHost: host };
        if (remember) this.setResult(result);
        log.info(describeResultForLog(result));
        for (const listener of [...this.listeners]) listener(result);
        return result;
      } catch (error) {
        if (options.signal?.aborted) {
          log.info(`The check of key ${candidate.fingerprint} was cancelled.`);
          return null;
        }
        const message = redact(describeError(error), candidate.key, candidate.fingerprint);
        log.error(`The check of key ${candidate.fingerprint} failed: ${message}`);
        if (options.interactive) void this.offerLog(vscode.l10n.t('The check of key {0} failed: {1}', candidate.fingerprint, message));
        return null;
      } finally {
        this.running -= 1;
        this.deps.onChange();
      }
    });
  }

  private setResult(result: CheckResult | null): void {
    this.current = result;
    void this.deps.memory.keep(result);
  }

  private async offerSettings(message: string, setting: string): Promise<void> {
    const open = vscode.l10n.t('Open Settings');
    if ((await this.deps.prompts.error(message, open)) === open) {
      await vscode.commands.executeCommand('workbench.action.openSettings', setting);
    }
  }

  async offerLog(message: string): Promise<void> {
    const show = vscode.l10n.t('Open Log');
    if ((await this.deps.prompts.warn(message, show)) === show) {
      await vscode.commands.executeCommand(COMMANDS.showLog);
    }
  }
}

/** One line per check: verdict, each host's answer and the URL it came from. */
export function describeResultForLog(result: CheckResult): string {
  const { diagnosis } = result;
  const hosts = (['api', 'codestral'] as const).map((id) => {
    const host = diagnosis.hosts[id];
    return host.probed
      ? `${id} ${host.url} ${host.outcome} ${host.status ?? '-'} ${Math.round(host.latencyMs)} ms${host.requestId ? ` request ${host.requestId}` : ''}`
      : `${id} ${host.url} not probed`;
  });
  return `Key ${diagnosis.key.fingerprint}: ${diagnosis.keyKind} key (type ${diagnosis.key.type}, plan ${diagnosis.key.plan ?? 'unknown'}), cause ${diagnosis.cause.id} (${diagnosis.cause.severity}); ${hosts.join('; ')}; ${Math.round(diagnosis.elapsedMs)} ms.`;
}
