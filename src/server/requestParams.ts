// The parameters of every LSP message the server handles, checked before use: a client (or a
// fuzzer) may send anything, and a handler that trusts the shape crashes the server.
import * as z from 'zod/mini';

const MAX_URI_LENGTH = 4096;
const uri = z.string().check(z.minLength(1), z.maxLength(MAX_URI_LENGTH));
const position = z.object({ line: z.int().check(z.nonnegative()), character: z.int().check(z.nonnegative()) });
const range = z.object({ start: position, end: position });

export const didOpenParamsSchema = z.object({
  textDocument: z.object({ uri, languageId: z.catch(z.string(), ''), version: z.int(), text: z.string() }),
});

export const didChangeParamsSchema = z.object({
  textDocument: z.object({ uri, version: z.int() }),
  contentChanges: z.array(z.union([z.object({ range, text: z.string() }), z.object({ text: z.string() })])),
});

export const documentOnlyParamsSchema = z.object({ textDocument: z.object({ uri }) });

const diagnostic = z.looseObject({
  range,
  code: z.optional(z.union([z.string(), z.number()])),
  source: z.optional(z.string()),
  message: z.catch(z.string(), ''),
  data: z.optional(z.unknown()),
});

export const codeActionParamsSchema = z.object({
  textDocument: z.object({ uri }),
  range,
  context: z.object({ diagnostics: z.array(diagnostic), only: z.optional(z.array(z.string())) }),
});

/** The first problem of a failed parse, for the one log line. */
export function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || 'params'}: ${issue.message}` : 'invalid';
}
