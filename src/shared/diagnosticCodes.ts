// The language server's diagnostic source and codes, and its code-action kinds: the server
// publishes them and the extension recognises them by importing this module, never by retyping.

export const DIAGNOSTIC_SOURCE = 'Mistral Key Doctor';

/** Stable diagnostic codes: editors, docs and tests refer to them. */
export const DIAGNOSTIC_CODES = [
  'parse-error', 'too-many-findings', 'file-too-large',
  'model-moving-alias', 'model-retired', 'model-not-listed', 'model-deprecated',
  'key-kind-mismatch', 'continue-codestral-autodetect', 'key-placeholder', 'key-unexpanded-reference',
  'base-url-missing-v1', 'base-url-extra-v1', 'base-url-unknown-host', 'base-url-insecure',
  'key-in-tracked-file', 'env-file-tracked', 'key-hygiene',
] as const;
export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];

const MODEL_CODES: ReadonlySet<string> = new Set<DiagnosticCode>(['model-moving-alias', 'model-retired', 'model-not-listed', 'model-deprecated']);

/** A quick fix that rewrites a model id in the tool's config file (a sub-kind of `quickfix`). */
export const PIN_MODEL_CODE_ACTION_KIND = 'quickfix.mistralKeyDoctor.pinModel';

/** A code about a model id (alias, deprecated, retired, not listed). */
export function isModelCode(code: unknown): boolean {
  return MODEL_CODES.has(String(code));
}

/** True for a diagnostic this server published about a model id. */
export function isModelDiagnostic(diagnostic: { source?: string; code?: unknown }): boolean {
  const code = typeof diagnostic.code === 'object' && diagnostic.code !== null ? (diagnostic.code as { value?: unknown }).value : diagnostic.code;
  return diagnostic.source === DIAGNOSTIC_SOURCE && isModelCode(code);
}
