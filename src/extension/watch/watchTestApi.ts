// What integration tests may do with the watch through the extension's test API (test mode only).
import type { WatchedVerdict } from './statusSummary';
import type { ToolKeyWatch } from './toolKeyWatch';
import type { WatchedSourceId } from './watchedSources';

export interface WatchTestApi {
  verdicts(): WatchedVerdict[];
  watchedSources(): WatchedSourceId[];
  /** A throttle window shorter than a minute, so tests never wait one. */
  setCheckWindowMs(windowMs: number): void;
  /** Resolves when no read or check of the watch is running. */
  settled(): Promise<void>;
  /** True when no read or check runs or waits (a pending read after a file event, a throttled check). */
  idle(): boolean;
}

export function watchTestApi(watch: ToolKeyWatch): WatchTestApi {
  return {
    verdicts: () => watch.verdicts(),
    watchedSources: () => watch.watchedSources(),
    setCheckWindowMs: (windowMs) => watch.setCheckWindowMs(windowMs),
    settled: () => watch.settled(),
    idle: () => watch.idle(),
  };
}
