// The reader and writer of the `mistralKeyDoctor.*` settings, except the watch's consent
// (`watchToolKeys`, `watchDeclinedSources`: user settings only, watch/watchConsent.ts). Values are resolved scope by
// scope from `inspect()`, so the extension knows where each one sits: in an untrusted workspace the
// settings that decide where the key goes come from user (or remote) settings only, and a value at
// a scope VS Code does not apply here is reported instead of silently ignored. Writes touch one
// setting at the scope that already holds it, never the base URLs.
import * as vscode from 'vscode';
import { DEFAULT_PREFERRED_CODESTRAL_MODEL, TIMEOUT_MS } from '../core/defaults';
import { TOOL_IDS, type ToolId } from '../core/diagnosis';
import { DEFAULT_API_URL, DEFAULT_CODESTRAL_URL } from '../core/hosts';

export const SETTINGS_SECTION = 'mistralKeyDoctor';
/** The settings that redirect the key or send it on their own: workspace values count only in a trusted workspace. */
const RESTRICTED = ['apiBaseUrl', 'codestralBaseUrl', 'autoCheck', 'planLookup'] as const;

export type SettingScope = 'default' | 'user' | 'workspace' | 'folder';

export interface DoctorSettings {
  tool: ToolId;
  /** True when the user picked the tool at some scope (detection does not override a choice). */
  toolChosen: boolean;
  /** The model the user's tool uses, or null when unknown. */
  model: string | null;
  preferredCodestralModel: string;
  apiBaseUrl: string;
  codestralBaseUrl: string;
  /** Where each base URL came from, for the log and the panel. */
  baseUrlScopes: { api: SettingScope; codestral: SettingScope };
  autoCheck: boolean;
  /** Ask Mistral's console for the key's type and plan during a check. */
  planLookup: boolean;
  timeoutMs: number;
  statusAlwaysVisible: boolean;
  /** Localised: values present at a scope VS Code (or this extension) ignores here. */
  ignored: string[];
}

type Inspected<T> = {
  defaultValue?: T;
  globalValue?: T;
  workspaceValue?: T;
  workspaceFolderValue?: T;
  globalLanguageValue?: T;
  workspaceLanguageValue?: T;
  workspaceFolderLanguageValue?: T;
  languageIds?: string[];
};

export type SettingsSource = Pick<vscode.WorkspaceConfiguration, 'inspect'>;

interface Resolved<T> {
  value: T | undefined;
  scope: SettingScope;
}

function resolve<T>(config: SettingsSource, name: string, trusted: boolean, ignored: string[]): Resolved<T> {
  const inspected = (config.inspect<T>(name) ?? {}) as Inspected<T>;
  const full = `${SETTINGS_SECTION}.${name}`;
  const restricted = (RESTRICTED as readonly string[]).includes(name);
  if (inspected.globalLanguageValue !== undefined || inspected.workspaceLanguageValue !== undefined || inspected.workspaceFolderLanguageValue !== undefined) {
    ignored.push(vscode.l10n.t('{0} is set inside a language block ({1}); it applies to the whole window only outside such a block.', full, (inspected.languageIds ?? []).join(', ') || '[…]'));
  }
  const workspaceScopes: Resolved<T>[] = [
    { value: inspected.workspaceFolderValue, scope: 'folder' },
    { value: inspected.workspaceValue, scope: 'workspace' },
  ];
  for (const candidate of workspaceScopes) {
    if (candidate.value === undefined) continue;
    if (restricted && !trusted) {
      ignored.push(vscode.l10n.t('{0} is set in the workspace settings, which are ignored for this setting until you trust the workspace.', full));
      continue;
    }
    return candidate;
  }
  if (inspected.globalValue !== undefined) return { value: inspected.globalValue, scope: 'user' };
  return { value: inspected.defaultValue, scope: 'default' };
}

export function readSettings(config: SettingsSource, workspaceTrusted: boolean): DoctorSettings {
  const ignored: string[] = [];
  const get = <T>(name: string) => resolve<T>(config, name, workspaceTrusted, ignored);
  const tool = get<string>('tool');
  const model = get<string>('model').value?.trim();
  const timeoutMs = Number(get<number>('timeoutMs').value);
  const api = get<string>('apiBaseUrl');
  const codestral = get<string>('codestralBaseUrl');
  return {
    tool: TOOL_IDS.includes(tool.value as ToolId) ? (tool.value as ToolId) : 'other',
    toolChosen: tool.scope !== 'default',
    model: model ? model : null,
    preferredCodestralModel: get<string>('preferredCodestralModel').value?.trim() || DEFAULT_PREFERRED_CODESTRAL_MODEL,
    apiBaseUrl: (api.value ?? DEFAULT_API_URL).trim(),
    codestralBaseUrl: (codestral.value ?? DEFAULT_CODESTRAL_URL).trim(),
    baseUrlScopes: { api: api.scope, codestral: codestral.scope },
    autoCheck: get<boolean>('autoCheck').value !== false,
    planLookup: get<boolean>('planLookup').value !== false,
    timeoutMs: Number.isFinite(timeoutMs) && timeoutMs >= TIMEOUT_MS.min ? Math.min(timeoutMs, TIMEOUT_MS.max) : TIMEOUT_MS.default,
    statusAlwaysVisible: get<boolean>('statusBar.alwaysVisible').value !== false,
    ignored,
  };
}

export function currentSettings(): DoctorSettings {
  return readSettings(vscode.workspace.getConfiguration(SETTINGS_SECTION), vscode.workspace.isTrusted);
}

/** Writes the tool where the user's choice already sits (folder, workspace or user), user settings otherwise. */
export async function writeTool(tool: ToolId): Promise<void> {
  const config = vscode.workspace.getConfiguration(SETTINGS_SECTION);
  const inspected = (config.inspect<string>('tool') ?? {}) as Inspected<string>;
  const target = inspected.workspaceFolderValue !== undefined ? vscode.ConfigurationTarget.WorkspaceFolder
    : inspected.workspaceValue !== undefined ? vscode.ConfigurationTarget.Workspace
      : vscode.ConfigurationTarget.Global;
  await config.update('tool', tool, target);
}
