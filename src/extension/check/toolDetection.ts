// Which coding assistants are installed: VS Code extensions (ids and versions from the tools
// catalogue) first, then the config files the catalogue names. Detection preselects the tool the user has
// not chosen; the picker stays for the others.
import * as os from 'node:os';
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { TOOL_IDS, type Target, type ToolId } from '../../core/diagnosis';
import { HOST_NAMES } from '../../core/labels';
import { adviceNote, hostForTool, resolveStorePath, rowFor, toolFileStores, toolForExtensionId, toolName } from '../../core/catalogue';

export interface InstalledExtension {
  id: string;
  version: string | null;
}

export interface DetectedTool {
  tool: ToolId;
  /** The extension's version, or null for a tool found by its config file. */
  version: string | null;
  /** The extension id or the config file that gave it away. */
  evidence: string;
}

export function detectFromExtensions(installed: readonly InstalledExtension[]): DetectedTool[] {
  const found: DetectedTool[] = [];
  for (const extension of installed) {
    const tool = toolForExtensionId(extension.id);
    if (tool && !found.some((entry) => entry.tool === tool)) found.push({ tool, version: extension.version, evidence: extension.id });
  }
  return sortByTable(found);
}

/** Config files the catalogue names, under the home folder (`~/`, or its override such as VIBE_HOME) or a workspace folder. */
export async function detectFromFiles(home: string, workspaceFolders: readonly string[], exists: (file: string) => Promise<boolean> = fileExists,
  env: Record<string, string | undefined> = process.env): Promise<DetectedTool[]> {
  const found: DetectedTool[] = [];
  for (const tool of TOOL_IDS) {
    // `.env` names no tool: every tool reads one.
    const stores = toolFileStores(tool).filter((store) => path.basename(store.path) !== '.env' && !store.path.includes('*'));
    const files = stores.flatMap((store) => (store.path.startsWith('~/')
      ? [resolveStorePath(store, home, env)]
      : workspaceFolders.map((folder) => resolveStorePath(store, home, env, folder))))
      .filter((file): file is string => file !== null);
    for (const file of new Set(files)) {
      if (await exists(file)) {
        found.push({ tool, version: null, evidence: file });
        break;
      }
    }
  }
  return sortByTable(found);
}

export async function detectTools(): Promise<DetectedTool[]> {
  const installed = vscode.extensions.all.map((extension) => {
    const version = (extension.packageJSON as { version?: unknown } | undefined)?.version;
    return { id: extension.id, version: typeof version === 'string' ? version : null };
  });
  const folders = (vscode.workspace.workspaceFolders ?? []).filter((folder) => folder.uri.scheme === 'file').map((folder) => folder.uri.fsPath);
  const fromExtensions = detectFromExtensions(installed);
  const fromFiles = (await detectFromFiles(os.homedir(), folders)).filter((entry) => !fromExtensions.some((known) => known.tool === entry.tool));
  return [...fromExtensions, ...fromFiles];
}

/**
 * "Cline 3.17.0 detected: it sends keys to <the api host>." A version newer than the catalogue's
 * row was verified against says so: "Advice checked against Cline up to 4.1.13; you have 4.2.0…".
 */
export function detectionSentence(detected: DetectedTool, model: string | null): string {
  const name = detected.version ? `${toolName(detected.tool)} ${detected.version}` : toolName(detected.tool);
  const host: Target = hostForTool(detected.tool, model, detected.version);
  const sentence = host === 'auto'
    ? vscode.l10n.t('{0} detected: it picks the Mistral host from the model.', name)
    : vscode.l10n.t('{0} detected: it sends keys to {1}.', name, HOST_NAMES[host]);
  const note = detected.version ? adviceNote(rowFor(detected.tool, detected.version).advice) : null;
  return note ? `${sentence} ${note}` : sentence;
}

function sortByTable(found: DetectedTool[]): DetectedTool[] {
  return found.sort((a, b) => TOOL_IDS.indexOf(a.tool) - TOOL_IDS.indexOf(b.tool));
}

async function fileExists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}
