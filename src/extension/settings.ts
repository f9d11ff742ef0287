// Typed view of the `mistralKeyDoctor.*` settings. In an untrusted workspace the settings that
// decide where the key goes are read from user settings only, whatever the workspace says.
import type * as vscode from 'vscode';
import { DEFAULT_PREFERRED_CODESTRAL_MODEL, TIMEOUT_MS } from '../core/defaults';
import { TOOL_IDS, type ToolId } from '../core/diagnosis';
import { DEFAULT_API_URL, DEFAULT_CODESTRAL_URL } from '../core/hosts';

export const SETTINGS_SECTION = 'mistralKeyDoctor';

export interface DoctorSettings {
  tool: ToolId;
  /** The model the user's tool uses, or null when unknown. */
  model: string | null;
  preferredCodestralModel: string;
  apiBaseUrl: string;
  codestralBaseUrl: string;
  autoCheck: boolean;
  timeoutMs: number;
}

type SettingsSource = Pick<vscode.WorkspaceConfiguration, 'get' | 'inspect'>;

export function readSettings(config: SettingsSource, workspaceTrusted: boolean): DoctorSettings {
  const userOnly = <T>(name: string, fallback: T): T => {
    if (workspaceTrusted) return config.get<T>(name) ?? fallback;
    const inspected = config.inspect<T>(name);
    return inspected?.globalValue ?? inspected?.defaultValue ?? fallback;
  };
  const tool = config.get<string>('tool');
  const model = config.get<string>('model')?.trim();
  const timeoutMs = Number(config.get<number>('timeoutMs'));
  return {
    tool: TOOL_IDS.includes(tool as ToolId) ? (tool as ToolId) : 'other',
    model: model ? model : null,
    preferredCodestralModel: config.get<string>('preferredCodestralModel')?.trim() || DEFAULT_PREFERRED_CODESTRAL_MODEL,
    apiBaseUrl: userOnly('apiBaseUrl', DEFAULT_API_URL).trim(),
    codestralBaseUrl: userOnly('codestralBaseUrl', DEFAULT_CODESTRAL_URL).trim(),
    autoCheck: userOnly('autoCheck', true) === true,
    timeoutMs: Number.isFinite(timeoutMs) && timeoutMs >= TIMEOUT_MS.min ? Math.min(timeoutMs, TIMEOUT_MS.max) : TIMEOUT_MS.default,
  };
}
