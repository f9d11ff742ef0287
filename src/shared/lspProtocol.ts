// Every custom message between the extension (language client) and the config language server,
// typed once here and validated with zod where it crosses the process boundary. `zod/mini` keeps
// the server small (its resident memory has a budget) and the extension's eager import cheap.
import * as z from 'zod/mini';
import { NotificationType, RequestType } from 'vscode-jsonrpc';
import type { WorkspaceEdit } from 'vscode-languageserver-types';
import { DEFAULT_PREFERRED_CODESTRAL_MODEL } from '../core/defaults';
import { KEY_KINDS } from '../core/diagnosis';
import { COMMANDS } from './commands';

export const modelCardSchema = z.object({
  id: z.string(),
  aliases: z.array(z.string()),
  deprecation: z.nullable(z.string()),
  deprecationReplacementModel: z.nullable(z.string()),
  completionFim: z.boolean(),
  completionChat: z.boolean(),
});

export const probeLearntSchema = z.object({
  /** `abcd…wxyz`: the only form of the key that crosses the boundary. */
  fingerprint: z.string().check(z.minLength(1), z.maxLength(16)),
  keyKind: z.enum(KEY_KINDS),
  /** The live models list the key could read, or null when the api host did not answer with one. */
  models: z.nullable(z.array(modelCardSchema)),
});
export type ProbeLearnt = z.infer<typeof probeLearntSchema>;

export const serverSettingsSchema = z.object({
  preferredCodestralModel: z._default(z.string().check(z.minLength(1)), DEFAULT_PREFERRED_CODESTRAL_MODEL),
});
export type ServerSettings = z.infer<typeof serverSettingsSchema>;

export const workspaceTrustSchema = z.object({
  /** VS Code's `workspace.isTrusted`. Untrusted (the default for clients that never say): no git, no other program. */
  trusted: z.boolean(),
});
export type WorkspaceTrust = z.infer<typeof workspaceTrustSchema>;

/** What the client passes in `initialize`; `now` (ISO) exists so tests and benches pin time. */
export const initializationOptionsSchema = z.extend(serverSettingsSchema, {
  now: z.optional(z.iso.datetime()),
  learnt: z._default(z.array(probeLearntSchema), []),
  workspaceTrusted: z._default(z.boolean(), false),
  /**
   * The commands the client runs itself (the VS Code extension: `mistralKeyDoctor.checkKeyInFile`).
   * A code action that carries a command is offered only to a client that names it here, so a generic
   * client (neovim, Helix) never gets an action that would answer "Unhandled method".
   */
  clientCommands: z._default(z.array(z.string()), []),
});
export type InitializationOptions = z.infer<typeof initializationOptionsSchema>;

/** Arguments of `mistralKeyDoctor.checkKeyInFile`: where the key is written, never the key. */
export const checkKeyInFileArgsSchema = z.object({
  uri: z.string(),
  line: z.int().check(z.nonnegative()),
  character: z.int().check(z.nonnegative()),
});
export type CheckKeyInFileArgs = z.infer<typeof checkKeyInFileArgsSchema>;

export const CHECK_KEY_IN_FILE_COMMAND = COMMANDS.checkKeyInFile;

/**
 * Client → server: a probe finished. The server remembers the key kind per fingerprint and the
 * live models list, then re-checks open documents (key-kind mismatches, pin policy).
 */
export const ProbeLearntNotification = new NotificationType<ProbeLearnt>('mistralKeyDoctor/probeLearnt');

/** Client → server: the `mistralKeyDoctor.*` settings the server uses changed. */
export const SettingsChangedNotification = new NotificationType<ServerSettings>('mistralKeyDoctor/settingsChanged');

/** Client → server: the workspace became trusted (or, for other clients, stopped being trusted). */
export const WorkspaceTrustNotification = new NotificationType<WorkspaceTrust>('mistralKeyDoctor/workspaceTrust');

export const pinModelParamsSchema = z.object({
  /** An open config document (Continue, aider, Vibe, Tabby…). */
  uri: z.string().check(z.minLength(1), z.maxLength(4096)),
  /** The id to write; refused unless it matches the strict model-id grammar. */
  model: z.string().check(z.maxLength(200)),
});
export type PinModelParams = z.infer<typeof pinModelParamsSchema>;

export interface PinModelResult {
  /** The edit that writes `model` over every problem model id of the document; null when nothing to do or refused. */
  edit: WorkspaceEdit | null;
  /** How many model ids the edit rewrites. */
  pinned: number;
  /** Why there is no edit (localised), or null. */
  message: string | null;
}

/**
 * Client → server: build the "pin the model" edit for one open document, so the extension can pin
 * where the tool reads the model (its own config file) and apply the edit itself.
 */
export const PinModelRequest = new RequestType<PinModelParams, PinModelResult, void>('mistralKeyDoctor/pinModel');
