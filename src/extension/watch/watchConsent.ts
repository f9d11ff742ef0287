// One consent per watched source. `watchToolKeys` says whether to ask (default), always watch or
// never; the sources the user declined are a user setting (visible, editable, revocable); the
// sources allowed are remembered in globalState. Workspace values are ignored: a workspace cannot
// make the extension read and check files it was told to leave alone.
import type * as vscode from 'vscode';
import { isWatchedSourceId, type WatchedSourceId } from './watchedSources';

export const WATCH_MODES = ['ask', 'always', 'never'] as const;
export type WatchMode = (typeof WATCH_MODES)[number];
export type ConsentState = 'ask' | 'allowed' | 'declined';

export const WATCH_MODE_SETTING = 'watchToolKeys';
export const DECLINED_SETTING = 'watchDeclinedSources';
const ALLOWED_STATE = 'mistralKeyDoctor.watch.allowedSources';

type Settings = Pick<vscode.WorkspaceConfiguration, 'inspect' | 'update'>;

export class WatchConsent {
  constructor(
    private readonly state: vscode.Memento,
    private readonly settings: () => Settings,
    private readonly userTarget: vscode.ConfigurationTarget,
  ) {}

  mode(): WatchMode {
    const value = userValue<string>(this.settings(), WATCH_MODE_SETTING);
    return (WATCH_MODES as readonly string[]).includes(value ?? '') ? value as WatchMode : 'ask';
  }

  declined(): WatchedSourceId[] {
    const value = userValue<unknown>(this.settings(), DECLINED_SETTING);
    return Array.isArray(value) ? value.filter(isWatchedSourceId) : [];
  }

  stateOf(id: WatchedSourceId): ConsentState {
    if (this.declined().includes(id)) return 'declined';
    switch (this.mode()) {
      case 'never': return 'declined';
      case 'always': return 'allowed';
      case 'ask': return this.allowedSources().includes(id) ? 'allowed' : 'ask';
    }
  }

  async allow(id: WatchedSourceId): Promise<void> {
    await this.state.update(ALLOWED_STATE, [...new Set([...this.allowedSources(), id])]);
    const declined = this.declined();
    if (declined.includes(id)) await this.writeDeclined(declined.filter((other) => other !== id));
  }

  /** "Not this one" in the consent question, or "Stop watching" in the menu. */
  async decline(id: WatchedSourceId): Promise<void> {
    await this.state.update(ALLOWED_STATE, this.allowedSources().filter((other) => other !== id));
    const declined = this.declined();
    if (!declined.includes(id)) await this.writeDeclined([...declined, id]);
  }

  private allowedSources(): WatchedSourceId[] {
    const value = this.state.get<unknown>(ALLOWED_STATE);
    return Array.isArray(value) ? value.filter(isWatchedSourceId) : [];
  }

  private writeDeclined(ids: WatchedSourceId[]): Thenable<void> {
    return this.settings().update(DECLINED_SETTING, ids.length > 0 ? ids : undefined, this.userTarget);
  }
}

function userValue<T>(settings: Settings, name: string): T | undefined {
  const inspected = settings.inspect<T>(name);
  return inspected?.globalValue ?? inspected?.defaultValue;
}
