// What the extension needs at check time, bundled alone to dist/engine.js and required lazily so
// that activation never loads the SDK. It carries its own @vscode/l10n: call useL10nBundle first.
export { checkKey, CheckRequestError, MAX_TIMEOUT_MS, validateCheckRequest, type CheckRequest, type CheckRequestField, type CheckRequestValidation } from './check';
export { DEFAULT_API_URL, DEFAULT_CODESTRAL_URL, isLoopbackUrl, isMistralHost, validateBaseUrl, type BaseUrlValidation } from './hosts';
export { fingerprint, inspectKey, type InspectedKey } from './hygiene';
export { useL10nBundle } from './l10n';
export { assessModel, isMovingAlias, suggestPin, type PinContext } from './models';
export { renderSupportReport, type SupportReportOptions } from './report';
// Other tools' config files need the YAML/TOML/JSONC parsers: loaded with the engine, not at activation.
export { findKeyCandidates } from '../sources';
