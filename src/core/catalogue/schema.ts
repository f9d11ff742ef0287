// The shape of a catalogue row, checked with zod when the catalogue loads: a row that does not fit
// fails the unit tests (test/unit/core/catalogue/), never a user's check.
// `zod/v4/mini`: of the family the SDK imports (in the CLI bundle another entry would run before
// zod's lazy start), and small enough for the extension's eager bundle, which reads the catalogue.
import * as z from 'zod/v4/mini';
import { HOST_IDS, TARGETS, TOOL_IDS } from '../diagnosis';
import { KEY_VARIABLES } from './keyVariables';

/** The language server's formats: one per kind of config file it reads (Continue's `.env` is read by Node's dotenv, any other by python-dotenv). */
export const DOCUMENT_KINDS = ['continue-yaml', 'continue-json', 'continue-dotenv', 'dotenv', 'aider', 'vibe', 'tabby', 'vscode-settings'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Which `.env` parser reads the file: Node's `dotenv` (Continue) or python-dotenv (Vibe, aider, litellm). */
export const DOTENV_DIALECTS = ['node', 'python'] as const;
export type DotenvDialect = (typeof DOTENV_DIALECTS)[number];

const text = z.string().check(z.minLength(1));
const dottedVersion = z.string().check(z.regex(/^\d+(\.\d+){0,3}$/, 'a version such as 4.1.13'));
/** A release (`4.1.13`) or, for a tool read at its main branch, the month of that snapshot (`2026-06`). */
const verifiedVersion = z.string().check(z.regex(/^(\d+(\.\d+){0,3}|\d{4}-\d{2})$/, 'a version such as 4.1.13, or a snapshot month such as 2026-06'));
const homeOrWorkspacePath = z.string().check(z.regex(/^(~\/)?[^~/][^]*$/, 'a path starting with ~/ (home) or relative to a workspace folder'));

/** `~/.vibe` is replaced by `$VIBE_HOME` when that variable is set. */
const override = z.object({ variable: text, replaces: homeOrWorkspacePath });

const fileStore = z.object({
  kind: z.literal('file'),
  path: homeOrWorkspacePath,
  /** Where in the file: a dotted path, a `.env` name, or `${{ secrets.NAME }}`. */
  field: text,
  override: z.nullable(override),
  /** For `.env` files: whose parser reads it. */
  dialect: z.nullable(z.enum(DOTENV_DIALECTS)),
});

export const keyStoreSchema = z.discriminatedUnion('kind', [
  fileStore,
  z.object({ kind: z.literal('env'), variable: z.enum(KEY_VARIABLES), host: z.enum(HOST_IDS) }),
  /** The OS keyring (macOS Keychain, Secret Service, Windows Credential Manager): not readable here. */
  z.object({ kind: z.literal('keyring'), service: text, account: text }),
  /** VS Code SecretStorage or another app's private store: no other program can read it. */
  z.object({ kind: z.literal('private'), description: text }),
]);

export const modelStoreSchema = z.discriminatedUnion('kind', [
  z.omit(fileStore, { dialect: true }),
  /** Set in the tool's own UI; `mirror`: a file the tool copies it to, which can be read (never written) here. */
  z.object({ kind: z.literal('ui'), setting: text, mirror: z.optional(z.nullable(z.omit(fileStore, { kind: true, dialect: true }))) }),
  z.object({ kind: z.literal('fixed'), model: text }),
]);

/** A model id matches when every given test holds (case-insensitive); no test: any model. */
const modelMatch = z.object({ prefix: z.optional(text), contains: z.optional(text), notContains: z.optional(text) });

export const baseUrlSettingSchema = z.object({
  setting: text,
  host: z.enum(HOST_IDS),
  /** Whether the value the tool wants ends in `/v1`: per setting, never per tool. */
  form: z.enum(['with-v1', 'without-v1']),
  /** What the setting applies to (Tabby's model kind, Zed's feature); null: every request. */
  scope: z.nullable(text),
});

export const configFileSchema = z.object({
  kind: z.enum(DOCUMENT_KINDS),
  /** The folder names just above the file, innermost last; empty: anywhere. */
  folders: z.array(text),
  /** File names; `*` stands for any run of characters other than `/`. */
  names: z.array(text).check(z.minLength(1)),
});

export const catalogueRowSchema = z.object({
  tool: z.enum(TOOL_IDS),
  /** Product name, not translated. */
  name: text,
  /** The versions this row describes: from `from` (inclusive) up to `below` (exclusive); null: open. */
  versions: z.object({ from: z.nullable(dottedVersion), below: z.nullable(dottedVersion) }),
  /** Provenance: the tool version and the source file each fact of the row was read from. */
  verifiedAgainst: z.object({ version: verifiedVersion, source: text }),
  detect: z.object({
    /** VS Code extension ids (compared case-insensitively). */
    extensionIds: z.array(text),
    /** Publishers whose every extension counts as this tool (Mistral's own). */
    extensionPublishers: z.array(text),
  }),
  /** The model the tool uses when none is set; null when it has none or it is not Mistral's. */
  defaultModel: z.nullable(text),
  /** The host per model, first match wins; `auto` when the tool tries both (api first, Codestral after a 401). */
  hostByModel: z.array(z.object({ when: modelMatch, host: z.enum(TARGETS) })).check(z.minLength(1)),
  /** The host when neither a model nor a default model is known. */
  noModelHost: z.enum(TARGETS),
  baseUrlSettings: z.array(baseUrlSettingSchema),
  keyStores: z.array(keyStoreSchema),
  modelStore: modelStoreSchema,
  /** The files the language server reads for this tool, with its document kind. */
  configFiles: z.array(configFileSchema),
  /** Moving aliases the tool itself picks as its default model: not a user's mistake to pin away. */
  defaultAliases: z.array(text),
  /** Of those, the aliases only this tool uses, recognised even when the tool is not named. */
  ownAliases: z.array(text),
  /** How the tool words a 401, every wording seen (the tool's words, not translated). */
  unauthorizedWordings: z.array(text),
  /** Errors the tool shows that never come from Mistral (a gateway of its own). */
  notMistralWordings: z.array(text),
  /** Where in the tool's own UI the key and the model are set (product words, not translated). */
  ui: z.object({ keySetting: z.nullable(text), modelSetting: z.nullable(text) }),
});

export type CatalogueRow = z.infer<typeof catalogueRowSchema>;
export type KeyStore = z.infer<typeof keyStoreSchema>;
export type FileKeyStore = Extract<KeyStore, { kind: 'file' }>;
export type ModelStore = z.infer<typeof modelStoreSchema>;
export type BaseUrlSetting = z.infer<typeof baseUrlSettingSchema>;
export type ConfigFileEntry = z.infer<typeof configFileSchema>;
export type BaseUrlForm = BaseUrlSetting['form'];

/** The whole catalogue: rows of one tool are ordered by version and do not overlap. */
export const catalogueSchema = z.array(catalogueRowSchema).check(z.minLength(1));
