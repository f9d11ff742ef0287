// When the extension checks on its own: once after start-up and when the stored key changes (at
// most once a minute), every minute while a new key waits to become active, and with a capped
// backoff after a 429 or a network failure. Only in a trusted workspace with `autoCheck` on. At
// start-up a key that any window probed in the last few minutes is not probed again.
import * as vscode from 'vscode';
import { inspectKey } from '../../core/hygiene';
import { KEY_ACTIVATION_WINDOW_MS, mayStillActivate } from '../../core/activation';
import { ActivationWatch } from './activationWatch';
import { storedCandidate } from './candidates';
import type { Checker } from './checker';
import type { CheckResult } from './checkResult';
import type { RecentProbes } from './recentProbes';
import type { KeyStore } from '../key/keyStore';
import type { Log } from '../log';
import { RetryBackoff } from './retryBackoff';
import type { DoctorSettings } from '../settings';
import { Throttle } from './throttle';

export const AUTO_CHECK_MIN_INTERVAL_MS = 60_000;

export interface AutoCheckDeps {
  checker: Checker;
  keyStore: KeyStore;
  log: Log;
  settings: () => DoctorSettings;
  onChange: () => void;
  /** Verdicts shared by every window (globalState). */
  recentProbes: RecentProbes;
}

export class AutoChecks implements vscode.Disposable {
  private readonly throttle: Throttle;
  readonly watch: ActivationWatch;
  readonly backoff: RetryBackoff;
  /** Fingerprint of the key this window just stored, so its own change event is not treated as news. */
  private storedHere: string | null = null;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly deps: AutoCheckDeps) {
    this.throttle = new Throttle(() => void this.checkStoredKey(), AUTO_CHECK_MIN_INTERVAL_MS);
    this.watch = new ActivationWatch(() => this.request(), deps.onChange);
    this.backoff = new RetryBackoff(() => void this.retryLastCheck(), deps.onChange);
    this.subscription = deps.checker.onDidCheck((result) => this.recordResult(result));
  }

  allowed(): boolean {
    return vscode.workspace.isTrusted && this.deps.settings().autoCheck;
  }

  /** Asks for an automatic check of the stored key; bursts collapse to at most one a minute. */
  request(): void {
    if (this.allowed()) this.throttle.request();
  }

  /** Epoch ms of the next automatic check, whichever schedule set it. */
  get nextCheckAt(): number | null {
    const times = [this.watch.nextCheckAt, this.backoff.nextCheckAt].filter((at): at is number => at !== null);
    return times.length ? Math.min(...times) : null;
  }

  /** At start-up: resume waiting for a key stored minutes ago, then check it once. */
  async startUp(): Promise<void> {
    if (!this.allowed()) return;
    const key = await this.deps.keyStore.read();
    if (!key) return;
    const fingerprint = inspectKey(key).report.fingerprint;
    const storedAt = this.deps.keyStore.firstStoredAt(fingerprint);
    if (storedAt !== null && Date.now() - storedAt < KEY_ACTIVATION_WINDOW_MS) {
      this.watch.start(storedAt);
    } else {
      const recent = this.deps.recentProbes.recent(fingerprint);
      if (recent) {
        this.deps.log.info(`Key ${fingerprint} was checked ${Math.round((Date.now() - recent.at) / 1000)} s ago (in this or another window): showing that verdict, not probing again.`);
        this.deps.checker.adopt(recent.result);
        return;
      }
    }
    this.request();
  }

  /** This window stored a key: its change event is not news, but a new key is worth waiting for. */
  storedByThisWindow(fingerprint: string, isNew: boolean): void {
    this.storedHere = fingerprint;
    if (isNew && this.allowed()) this.watch.start(this.deps.keyStore.firstStoredAt(fingerprint) ?? Date.now());
  }

  /** The stored key changed (here or in another window). */
  async storedKeyChanged(): Promise<void> {
    const key = await this.deps.keyStore.read();
    if (!key) {
      await this.forgetProbes();
      this.stopAll();
      this.deps.checker.forgetStoredKey();
      this.deps.onChange();
      return;
    }
    const fingerprint = inspectKey(key).report.fingerprint;
    if (fingerprint === this.storedHere) {
      this.storedHere = null;
    } else if (await this.deps.keyStore.noteStored(fingerprint)) {
      this.deps.log.info(`The stored key changed to ${fingerprint} (in another window).`);
      if (this.allowed()) this.watch.start(this.deps.keyStore.firstStoredAt(fingerprint) ?? Date.now());
    }
    this.request();
  }

  /** The stored key is gone: no window may show its last verdict at start-up. */
  forgetProbes(): Promise<void> {
    return this.deps.recentProbes.forget();
  }

  stopAll(): void {
    this.watch.stop();
    this.backoff.stop();
  }

  dispose(): void {
    this.throttle.dispose();
    this.stopAll();
    this.subscription.dispose();
  }

  private recordResult(result: CheckResult): void {
    const { api, codestral } = result.diagnosis.hosts;
    if (result.storedKey && (api.probed || codestral.probed)) void this.deps.recentProbes.record(result);
    // Only a refused key may still be activating; any other verdict ends the wait, and so does the window.
    if (result.storedKey) this.watch.recordResult(!mayStillActivate(result.diagnosis.cause.id));
    if (this.allowed()) this.backoff.record(result.diagnosis);
  }

  private async checkStoredKey(): Promise<void> {
    if (!this.allowed()) return;
    const key = await this.deps.keyStore.read();
    if (!key) return;
    await this.deps.checker.check(storedCandidate(key), { interactive: false });
  }

  private async retryLastCheck(): Promise<void> {
    const candidate = this.deps.checker.lastCandidate;
    if (!candidate || !this.allowed()) return;
    this.deps.log.info(`Checking key ${candidate.fingerprint} again after a rate limit or a network failure.`);
    await this.deps.checker.check(candidate, { interactive: false });
  }
}
