// What the key finder hands to the extension ("Check Mistral key" and the watch). No `vscode` here.
import type { Target, ToolId } from '../core/diagnosis';

/**
 * Where a key was found. `aider` is `.aider.conf.yml`; `dotenv` a workspace `.env` (litellm/aider);
 * `stored` the key this extension keeps in VS Code's secret storage; `file` a key the user pointed at in an open file.
 */
export const SOURCE_IDS = ['env', 'continue', 'vibe', 'cline', 'tabby', 'aider', 'dotenv', 'stored', 'file'] as const;
export type SourceId = (typeof SOURCE_IDS)[number];

/** One place holding a key: the one shape every finder, the CLI's doctor, the check and the watch use. */
export interface KeySource {
  id: SourceId;
  tool: ToolId;
  /** The file that holds the key text (a Continue secret's `.env`, not the config naming it); null for a variable or secret storage. */
  path: string | null;
  /** 1-based line of the key in `path`; null when unknown. */
  line: number | null;
  /** Localised, e.g. "Continue ~/.continue/config.yaml, model 'Codestral'". Never holds the key. */
  label: string;
  /** The model this tool uses with the key, as written; null when unknown. */
  model: string | null;
  /** The host this tool sends the key to; `auto` when it is not a Mistral host this check knows. */
  target: Target;
  /** The base URL as the tool wrote it (Continue and litellm include `/v1`); null when the tool's default. */
  apiBase: string | null;
  /** Other files that decide this key or its model (the Continue config naming a secret, Vibe's `config.toml`). */
  alsoReads: string[];
}

/** A key and every place holding it, `source` first (its model, target and base URL are the ones a check uses). */
export interface KeyCandidate {
  /** As found (quotes from the file format removed, nothing else): clean it with `inspectKey`. */
  key: string;
  /** `abcd…wxyz`, the only form of the key a surface may show. */
  fingerprint: string;
  source: KeySource;
  sources: KeySource[];
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
