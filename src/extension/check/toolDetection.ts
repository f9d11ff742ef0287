// Which coding assistants are installed: VS Code extensions (ids and versions from the tools table)
// first, then the config files the tools table names. Detection preselects the tool the user has
// not chosen; the picker stays for the others.
import * as os from 'node:os';
import * as path from 'node:path';
import { promises as fs } from 'node:fs';
import * as vscode from 'vscode';
import { TOOL_IDS, type Target, type ToolId } from '../../core/diagnosis';
import { HOST_NAMES } from '../../core/labels';
import { allTools, toolFacts, toolForExtensionId } from '../../core/tools';

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

/** Config files the tools table names, under the home folder (`~/`) or a workspace folder. */
export async function detectFromFiles(home: string, workspaceFolders: readonly string[], exists: (file: string) => Promise<boolean> = fileExists): Promise<DetectedTool[]> {
  const found: DetectedTool[] = [];
  for (const facts of allTools()) {
    const paths = [...facts.keyLocations, ...(facts.model.kind === 'file' ? [facts.model.location] : [])]
      .flatMap((location) => (location.kind === 'file' ? [location.path] : []))
      // `.env` names no tool: every tool reads one.
      .filter((file) => path.basename(file) !== '.env');
    const files = [...new Set(paths)].flatMap((file) => (file.startsWith('~/') ? [path.join(home, file.slice(2))] : workspaceFolders.map((folder) => path.join(folder, file))));
    for (const file of files) {
      if (await exists(file)) {
        found.push({ tool: facts.id, version: null, evidence: file });
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

/** "Cline 3.17.0 detected: it sends keys to <the api host>." */
export function detectionSentence(detected: DetectedTool, model: string | null): string {
  const facts = toolFacts(detected.tool);
  const name = detected.version ? `${facts.name} ${detected.version}` : facts.name;
  const host: Target = facts.hostFor(model, detected.version);
  if (host === 'auto') return vscode.l10n.t('{0} detected: it picks the Mistral host from the model.', name);
  return vscode.l10n.t('{0} detected: it sends keys to {1}.', name, HOST_NAMES[host]);
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
