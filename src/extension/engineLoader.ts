// The engine (SDK, probe, classify, reports) is a separate bundle loaded on the first check, so
// activation never pays for it. It carries its own copy of @vscode/l10n, configured on load.
import type * as EngineModule from './engine/entry';

export type Engine = typeof EngineModule;

export function createEngineLoader(enginePath: string, l10nBundle: Record<string, string> | undefined): () => Engine {
  let engine: Engine | undefined;
  return () => {
    if (!engine) {
      // A runtime path: esbuild must leave this require alone, the bundle is loaded from disk.
      const loaded = require(enginePath) as Engine;
      loaded.useL10nBundle(l10nBundle);
      engine = loaded;
    }
    return engine;
  };
}
