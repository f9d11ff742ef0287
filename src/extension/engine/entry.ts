// What the extension needs at check time, bundled alone to dist/engine.js and required lazily so
// that activation never loads the SDK. It carries its own @vscode/l10n: call useL10nBundle first.
// Only the names the extension calls are exported (entry.test.ts holds the list).
export { checkKey } from '../../core/check';
export { useL10nBundle } from '../../core/l10n';
export { renderSupportReport } from '../../core/report';
// Other tools' config files need the YAML/TOML/JSONC parsers: loaded with the engine, not at activation.
export { findKeyCandidates } from '../../sources';
