// The last probe of a key, in globalState, which every window shares: a window starting within a few
// minutes of another window's probe of the same key shows that verdict instead of probing again
// (each probe of the codestral host may cost a token). Holds the fingerprint, never the key.
import type * as vscode from 'vscode';
import type { CheckResult } from './checkResult';

/** How long another window's verdict on a key stands in for a probe at start-up. */
export const RECENT_PROBE_MS = 5 * 60_000;
const LAST_PROBE = 'mistralKeyDoctor.lastProbe';

export interface RecentProbe {
  fingerprint: string;
  /** Epoch ms of the verdict. */
  at: number;
  result: CheckResult;
}

export class RecentProbes {
  constructor(
    private readonly state: vscode.Memento,
    private readonly now: () => number = Date.now,
  ) {}

  async record(result: CheckResult): Promise<void> {
    const { liveModels: _dropped, ...diagnosis } = result.diagnosis;
    const probe: RecentProbe = { fingerprint: diagnosis.key.fingerprint, at: this.now(), result: { ...result, diagnosis } };
    await this.state.update(LAST_PROBE, probe);
  }

  /** The stored key was removed: nothing about it stays behind. */
  async forget(): Promise<void> {
    await this.state.update(LAST_PROBE, undefined);
  }

  /** The verdict any window reached on this key within the last few minutes, or null. */
  recent(fingerprint: string): RecentProbe | null {
    const probe = this.state.get<RecentProbe>(LAST_PROBE);
    if (!probe || typeof probe !== 'object' || probe.fingerprint !== fingerprint || typeof probe.at !== 'number') return null;
    const age = this.now() - probe.at;
    return age >= 0 && age < RECENT_PROBE_MS ? probe : null;
  }
}
