// Defaults and ranges every surface shares: the extension's settings, the CLI's flags, the language
// server and the check itself read them here. package.json's `contributes.configuration` states them
// again for VS Code; test/unit/core/defaults.test.ts keeps the two equal.

/** The model the pin-model quick fix prefers (setting `mistralKeyDoctor.preferredCodestralModel`). */
export const DEFAULT_PREFERRED_CODESTRAL_MODEL = 'codestral-2501';

/** How long a check waits for a host, in milliseconds: the default and the range a user may choose. */
export const TIMEOUT_MS = { default: 10_000, min: 1_000, max: 60_000 } as const;

/**
 * The most a config file may hold for the language server and the key finders to read it: real
 * configs are a few kilobytes, and this bounds a hostile file's parse to well under 256 MB and 2 s.
 */
export const MAX_CONFIG_FILE_CHARACTERS = 256 * 1024;

/** The most tables, arrays and `key = value` pairs a TOML file may hold (its parser keeps a large node per value). */
export const MAX_TOML_VALUES = 20_000;
