// The one catalogue of coding tools (ARCHITECTURE.md, "A new tool"): per tool and version range,
// the host per model, each base-URL setting's form, where the key and the model are kept, the
// language server's files, how to detect the tool, its 401 wordings and its fix steps. Validated
// when it loads; every other module reads tools only through the functions here.
import type { HostId, Target, ToolId } from '../diagnosis';
import { TOOL_IDS } from '../diagnosis';
import { mistralHostOf } from '../hosts';
import { t } from '../l10n';
import { HOST_OF_KEY_VARIABLE, isKeyVariable, type KeyVariable } from './keyVariables';
import { CATALOGUE_ROWS } from './rows';
import { catalogueSchema, type CatalogueRow, type ConfigFileEntry, type FileKeyStore, type KeyStore } from './schema';
import { stepsFor, type ToolSteps } from './steps';

export type { BaseUrlForm, BaseUrlSetting, CatalogueRow, ConfigFileEntry, DocumentKind, DotenvDialect, FileKeyStore, KeyStore, ModelStore } from './schema';
export { DOCUMENT_KINDS } from './schema';
export { baseUrlIn, keyringCheckStep, type ToolSteps } from './steps';

/** Rows of one tool in version order; a row that fails its schema or overlaps another throws here (and in the unit tests). */
export function validateCatalogue(rows: unknown): CatalogueRow[] {
  const parsed = catalogueSchema.parse(rows);
  for (const tool of TOOL_IDS) {
    const own = parsed.filter((row) => row.tool === tool);
    if (own.length === 0) throw new Error(`the catalogue has no row for ${tool}`);
    for (let i = 0; i < own.length; i++) {
      const row = own[i]!;
      const next = own[i + 1];
      if (i === 0 && row.versions.from !== null) throw new Error(`${tool}: the first row must start at no version`);
      if (next && row.versions.below !== next.versions.from) throw new Error(`${tool}: rows must follow each other (${row.versions.below} ≠ ${next.versions.from})`);
      if (!next && row.versions.below !== null) throw new Error(`${tool}: the last row must be open-ended`);
      const last = row.hostByModel[row.hostByModel.length - 1]!;
      if (Object.keys(last.when).length !== 0) throw new Error(`${tool}: the last host rule must match any model`);
    }
  }
  return parsed;
}

const ROWS: readonly CatalogueRow[] = validateCatalogue(CATALOGUE_ROWS);

export function catalogueRows(): readonly CatalogueRow[] {
  return ROWS;
}

export function isToolId(value: string): value is ToolId {
  return (TOOL_IDS as readonly string[]).includes(value);
}

/** `4.1.13` → [4, 1, 13]; null for anything that is not a dotted version (a snapshot month, `beta`). */
function versionParts(version: string): number[] | null {
  return /^\d+(\.\d+)*$/.test(version) ? version.split('.').map(Number) : null;
}

/** <0, 0, >0 like a comparator; null when either is not a dotted version. */
export function compareVersions(a: string, b: string): number | null {
  const left = versionParts(a);
  const right = versionParts(b);
  if (!left || !right) return null;
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const diff = (left[i] ?? 0) - (right[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}

/** Which row the advice for `tool` at `version` comes from, and what was asked. */
export interface Advice {
  tool: ToolId;
  /** The version the row was verified against. */
  verifiedUpTo: string;
  /** The version the user has (an installed extension, `--tool cline@4.1`); null when unknown. */
  versionAsked: string | null;
  /** True when the version asked is unknown, unreadable, or newer than what the row was verified against. */
  unverified: boolean;
}

export interface RowChoice {
  row: CatalogueRow;
  advice: Advice;
}

/** The row for `version`; an unknown or unreadable version gets the newest row, and says so. */
export function rowFor(tool: ToolId, version?: string | null): RowChoice {
  const own = ROWS.filter((row) => row.tool === tool);
  const newest = own[own.length - 1]!;
  const asked = version?.trim() || null;
  const matching = asked === null ? null : own.find((row) => inRange(row, asked)) ?? null;
  const row = matching ?? newest;
  const comparison = asked === null ? null : compareVersions(asked, row.verifiedAgainst.version);
  const unverified = asked === null || matching === null || comparison === null || comparison > 0;
  return { row, advice: { tool, verifiedUpTo: row.verifiedAgainst.version, versionAsked: asked, unverified } };
}

function inRange(row: CatalogueRow, version: string): boolean {
  const fromOk = row.versions.from === null ? versionParts(version) !== null : (compareVersions(version, row.versions.from) ?? -1) >= 0;
  const belowOk = row.versions.below === null ? versionParts(version) !== null : (compareVersions(version, row.versions.below) ?? 0) < 0;
  return fromOk && belowOk;
}

/**
 * Localised: "Advice checked against Cline up to 4.1.13 (you have 4.2.0)." when the row was not
 * verified against the version asked; null when it was.
 */
export function adviceNote(advice: Advice): string | null {
  if (!advice.unverified || advice.tool === 'other') return null;
  const name = rowFor(advice.tool).row.name;
  return advice.versionAsked
    ? t('Advice checked against {0} up to {1}; you have {2}, which was not checked.', name, advice.verifiedUpTo, advice.versionAsked)
    : t('Advice checked against {0} up to {1}; the version you use is unknown.', name, advice.verifiedUpTo);
}

function matches(when: CatalogueRow['hostByModel'][number]['when'], model: string): boolean {
  return (when.prefix === undefined || model.startsWith(when.prefix.toLowerCase()))
    && (when.contains === undefined || model.includes(when.contains.toLowerCase()))
    && (when.notContains === undefined || !model.includes(when.notContains.toLowerCase()));
}

/** The host the row's tool sends the key to for `model` (its default model when none is set). */
export function hostForModel(row: CatalogueRow, model: string | null): Target {
  const id = (model ?? '').trim().toLowerCase() || (row.defaultModel ?? '').toLowerCase();
  if (id === '') return row.noModelHost;
  return row.hostByModel.find((rule) => matches(rule.when, id))!.host;
}

/** The host a Mistral base URL names; `auto` for anything else (a gateway, a proxy, loopback, not a URL). */
export function hostForBaseUrl(baseUrl: string): Target {
  return mistralHostOf(baseUrl) ?? 'auto';
}

/**
 * The host `tool` sends the key to: a configured base URL decides when there is one, else the
 * tool's own routing for `model` at `version`.
 */
export function hostForTool(tool: ToolId, model: string | null, version?: string | null, baseUrl?: string | null): Target {
  if (baseUrl) return hostForBaseUrl(baseUrl);
  return hostForModel(rowFor(tool, version).row, model);
}

/**
 * The environment variable `tool` really sends for `model` (litellm and aider `codestral/…` →
 * the Codestral variable, Zed edit predictions too); null when the tool reads none or it depends on the key.
 */
export function keyVariableFor(tool: ToolId, model: string | null, version?: string | null): KeyVariable | null {
  const { row } = rowFor(tool, version);
  const host = hostForModel(row, model);
  const variables = row.keyStores.flatMap((store) => (store.kind === 'env' ? [store] : []));
  if (host === 'auto') return variables.length === 1 ? variables[0]!.variable : null;
  return variables.find((store) => store.host === host)?.variable ?? null;
}

/** True when `tool` (at `version`) reads a key from the environment variable `variable`; the unnamed tool reads both. */
export function toolReadsVariable(tool: ToolId, variable: string, version?: string | null): boolean {
  return rowFor(tool, version).row.keyStores.some((store) => store.kind === 'env' && store.variable === variable);
}

/** The host a key kept in this environment variable is meant for. */
export function hostForKeyVariable(variable: string): HostId {
  return isKeyVariable(variable) ? HOST_OF_KEY_VARIABLE[variable] : 'api';
}

/**
 * True when `model` is a moving alias that `tool` picks as its own default (Vibe's
 * `mistral-vibe-cli-latest`). With no tool named, only aliases that belong to one tool alone count.
 */
export function isToolDefaultAlias(tool: ToolId | null, model: string): boolean {
  const id = model.trim().toLowerCase();
  if (tool) return rowFor(tool).row.defaultAliases.includes(id);
  return ROWS.some((row) => row.ownAliases.includes(id));
}

export function toolName(tool: ToolId): string {
  return rowFor(tool).row.name;
}

/** The tool's name as a sentence can use it ("It does not work for Cline"); `other` reads "your tool". */
export function toolDisplayName(tool: ToolId): string {
  return tool === 'other' ? t('your tool') : toolName(tool);
}

/** The tool an installed VS Code extension id stands for, or null. */
export function toolForExtensionId(extensionId: string): ToolId | null {
  const id = extensionId.toLowerCase();
  for (const row of ROWS) {
    if (row.detect.extensionIds.includes(id)) return row.tool;
    if (row.detect.extensionPublishers.some((publisher) => id.startsWith(`${publisher}.`))) return row.tool;
  }
  return null;
}

/** The fix steps of `tool` at `version`, worded from its row. */
export function toolSteps(tool: ToolId, version?: string | null): ToolSteps {
  return stepsFor(rowFor(tool, version).row);
}

/** Every file a tool's rows name for its key and its model (every version), in row order, once each. */
export function toolFileStores(tool: ToolId): FileKeyStore[] {
  const stores: FileKeyStore[] = [];
  for (const row of ROWS.filter((r) => r.tool === tool)) {
    const model: KeyStore[] = row.modelStore.kind === 'file' ? [{ ...row.modelStore, dialect: null }]
      : row.modelStore.kind === 'ui' && row.modelStore.mirror ? [{ kind: 'file', ...row.modelStore.mirror, dialect: null }] : [];
    for (const store of [...row.keyStores, ...model]) {
      if (store.kind === 'file' && !stores.some((known) => known.path === store.path)) stores.push(store);
    }
  }
  return stores;
}

/** The file store of `tool` whose path ends with `pathEnd` (`.vibe/.env`, `providers.json`), from any of its rows. */
export function toolFile(tool: ToolId, pathEnd: string): FileKeyStore {
  const stores = toolFileStores(tool);
  const store = stores.find((known) => known.path === pathEnd) ?? stores.find((known) => known.path.endsWith(`/${pathEnd}`));
  if (!store) throw new Error(`the catalogue names no ${pathEnd} for ${tool}`);
  return store;
}

/** The files the row for `tool` at `version` keeps the key in, in the order the tool reads them. */
export function keyFiles(tool: ToolId, version?: string | null): FileKeyStore[] {
  return rowFor(tool, version).row.keyStores.filter((store): store is FileKeyStore => store.kind === 'file');
}

/** The file the row for `tool` at `version` keeps the model in; null when the tool keeps it elsewhere. */
export function modelFile(tool: ToolId, version?: string | null): FileKeyStore | null {
  const store = rowFor(tool, version).row.modelStore;
  if (store.kind === 'file') return { ...store, dialect: null };
  return store.kind === 'ui' && store.mirror ? { kind: 'file', ...store.mirror, dialect: null } : null;
}

/** The workspace folder a tool keeps its project config in (`.continue`), from its workspace `.env` entry. */
export function workspaceConfigFolder(tool: ToolId): string | null {
  const store = toolFileStores(tool).find((known) => !known.path.startsWith('~/') && known.path.includes('/'));
  return store ? store.path.split('/')[0]! : null;
}

/**
 * Where a catalogue path is on this machine: `~/` under `home` (or the override variable's folder
 * when it is set), a relative path under `workspaceFolder`; null when it cannot be placed.
 */
export function resolveStorePath(store: Pick<FileKeyStore, 'path' | 'override'>, home: string,
  env: Record<string, string | undefined>, workspaceFolder?: string): string | null {
  const overridden = store.override && env[store.override.variable];
  if (overridden && store.path.startsWith(store.override!.replaces)) {
    return joinPath(overridden, store.path.slice(store.override!.replaces.length));
  }
  if (store.path.startsWith('~/')) return home === '' ? null : joinPath(home, store.path.slice(2));
  return workspaceFolder === undefined ? null : joinPath(workspaceFolder, store.path);
}

function joinPath(base: string, rest: string): string {
  const separator = base.includes('\\') && !base.includes('/') ? '\\' : '/';
  const tail = rest.replace(/^[/\\]+/, '');
  if (tail === '') return base;
  return `${base.replace(/[/\\]+$/, '')}${separator}${separator === '/' ? tail : tail.split('/').join('\\')}`;
}

/** The config files the language server reads, from every row, once each. */
export function catalogueConfigFiles(): ConfigFileEntry[] {
  const entries: ConfigFileEntry[] = [];
  for (const row of ROWS) {
    for (const entry of row.configFiles) {
      if (!entries.some((known) => JSON.stringify(known) === JSON.stringify(entry))) entries.push(entry);
    }
  }
  return entries;
}

/** Errors a tool shows that never come from Mistral, with the tool they come from. */
export function notMistralWordingIn(message: string): { tool: ToolId; wording: string } | null {
  for (const row of ROWS) {
    const wording = row.notMistralWordings.find((w) => message.includes(w));
    if (wording) return { tool: row.tool, wording };
  }
  return null;
}
