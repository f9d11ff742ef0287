// The engine (SDK, probe, classify, reports) is a separate bundle loaded on the first check, so
// activation never pays for it. It carries its own copy of @vscode/l10n, configured on load.
import type * as EngineModule from '../engine/entry';

export type Engine = typeof EngineModule;

/** `onLoaded` hears how long the first load took (for the log's timing of a check). */
export function createEngineLoader(enginePath: string, l10nBundle: Record<string, string> | undefined, onLoaded: (ms: number) => void = () => {}): () => Engine {
  let engine: Engine | undefined;
  return () => {
    if (!engine) {
      const started = performance.now();
      // A runtime path: esbuild must leave this require alone, the bundle is loaded from disk.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const loaded = require(enginePath) as Engine;
      loaded.useL10nBundle(l10nBundle);
      engine = loaded;
      onLoaded(performance.now() - started);
    }
    return engine;
  };
}
