// Every custom message between the extension (language client) and the config language server,
// typed once here and validated with zod where it crosses the process boundary. `zod/mini` keeps
// the server small (its resident memory has a budget) and the extension's eager import cheap.
import * as z from 'zod/mini';
import { NotificationType } from 'vscode-jsonrpc';
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

/** What the client passes in `initialize`; `now` (ISO) exists so tests and benches pin time. */
export const initializationOptionsSchema = z.extend(serverSettingsSchema, {
  now: z.optional(z.iso.datetime()),
  learnt: z._default(z.array(probeLearntSchema), []),
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
