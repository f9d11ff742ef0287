// What the key finder hands to the extension ("Check Mistral key" and the watch). No `vscode` here.
import type { Target, ToolId } from '../core/diagnosis';

/** Where a key was found. `aider` is `.aider.conf.yml`; `dotenv` a workspace `.env` (litellm/aider). */
export const SOURCE_IDS = ['env', 'continue', 'vibe', 'cline', 'tabby', 'aider', 'dotenv'] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

export interface KeySource {
  id: SourceId;
  tool: ToolId;
  /** Localised, e.g. "Continue ~/.continue/config.yaml, model 'Codestral'". Never holds the key. */
  label: string;
  /** The file where the key is set (the key itself or a reference to it); absent for environment variables. */
  path?: string;
  /** The file that holds the key text when it is not `path` (a Continue secret read from a `.env`). */
  keyPath?: string;
  /** The file `model` was read from when it is not `path` (Vibe `config.toml`, Cline `globalState.json`). */
  modelPath?: string;
  /** The model this tool uses with the key, as written; null when unknown. */
  model: string | null;
  /** The host this tool sends the key to; `auto` when it is not a Mistral host this check knows. */
  target: Target;
  /** The base URL as the tool wrote it (Continue and litellm include `/v1`); null when the tool's default. */
  apiBase: string | null;
}

export interface KeyCandidate {
  /** As found (quotes from the file format removed, nothing else): clean it with `inspectKey`. */
  key: string;
  /** `abcd…wxyz`, the only form of the key a surface may show. */
  fingerprint: string;
  /** The first place it was found; `model`, `target` and `apiBase` below are this source's. */
  source: KeySource;
  /** Every place holding this exact key, `source` first. */
  sources: KeySource[];
  model: string | null;
  target: Target;
  apiBase: string | null;
}

export interface SourceProblem {
  path: string;
  /** Localised: what is wrong and what to do. Never holds the key. */
  message: string;
}

export interface FindKeyOptions {
  home: string;
  workspaceFolders: string[];
  env: Record<string, string | undefined>;
  /** Read other tools' files under `home` (Continue, Vibe, Cline, `~/.aider.conf.yml`). */
  includeToolFiles: boolean;
  /** Read files inside `workspaceFolders`; pass false in an untrusted workspace unless the user agreed. */
  includeWorkspaceFiles: boolean;
  /** Only these sources are read (their files and nothing else); all of them when absent. */
  sources?: readonly SourceId[];
  /** Replaces the file system read (e.g. `vscode.workspace.fs`); must reject with code `ENOENT` or `FileNotFound` for a missing file. */
  readFile?: (path: string) => Promise<string>;
}

export interface FoundKeys {
  candidates: KeyCandidate[];
  problems: SourceProblem[];
}

/** One key at one source, before keys found in several places are merged. */
export interface KeyAtSource {
  key: string;
  source: KeySource;
}
