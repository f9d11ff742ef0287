// What integration tests may do with the watch through the extension's test API (test mode only).
import type { KeyStatus } from '../status/keyStatus';
import type { ToolKeyWatch } from './toolKeyWatch';
import type { WatchedSourceId } from './watchedSources';

export interface WatchTestApi {
  verdicts(): KeyStatus[];
  watchedSources(): WatchedSourceId[];
  /** A throttle window shorter than a minute, so tests never wait one. */
  setCheckWindowMs(windowMs: number): void;
  /** Resolves when no read or check of the watch is running. */
  settled(): Promise<void>;
}

export function watchTestApi(watch: ToolKeyWatch): WatchTestApi {
  return {
    verdicts: () => watch.keys(),
    watchedSources: () => watch.watchedSources(),
    setCheckWindowMs: (windowMs) => watch.setCheckWindowMs(windowMs),
    settled: () => watch.settled(),
  };
}
