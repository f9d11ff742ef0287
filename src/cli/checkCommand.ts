// `mistral-key-doctor check`: gather and validate the input, probe once (or watch), print, exit.
import { checkKey } from '../core/check';
import { DEFAULT_API_URL, DEFAULT_CODESTRAL_URL, DEFAULT_CONSOLE_URL, validateBaseUrl } from '../core/hosts';
import { fingerprint, inspectKey } from '../core/hygiene';
import { DEFAULT_PREFERRED_CODESTRAL_MODEL } from '../core/defaults';
import { hostForTool, keyVariableFor, toolName, toolReadsVariable } from '../core/catalogue';
import { UsageError, type CheckOptions } from './args';
import { exitCodeFor } from './exitCode';
import { keyFromEnv, keyFromPipe, keyFromTerminal, type KeyFromSource } from './keySource';
import type { CliContext, PreparedCheck } from './context';
import { printDiagnosis } from './printDiagnosis';
import { createProxyFetcher } from './proxyFetcher';
import { recheckUntilActive } from './recheckUntilActive';

function baseUrl(flag: string, raw: string | null, fallback: string): string {
  if (raw === null) return fallback;
  const validation = validateBaseUrl(raw);
  if (!validation.ok) throw new UsageError(`${flag}: ${validation.message}`);
  return validation.url;
}

async function readKey(options: CheckOptions, ctx: CliContext): Promise<KeyFromSource> {
  if (!options.keyStdin) {
    // The variable the tool really sends for this model (litellm `codestral/…` → the Codestral variable), when --tool says which.
    const variable = options.tool && !options.targetGiven ? keyVariableFor(options.tool, options.model, options.toolVersion) : null;
    return keyFromEnv(ctx.env, options.keyEnv, variable && options.tool ? { variable, tool: toolName(options.tool) } : null);
  }
  return ctx.stdin.isTTY ? keyFromTerminal(ctx.stdin, ctx.output.stderr as NodeJS.WritableStream) : keyFromPipe(ctx.stdin, options.timeoutMs);
}

export async function runCheckCommand(options: CheckOptions, ctx: CliContext): Promise<number> {
  // Validate every flag before the key is read, so a usage error never touches a secret.
  const apiUrl = baseUrl('--api-url', options.apiUrl, DEFAULT_API_URL);
  const codestralUrl = baseUrl('--codestral-url', options.codestralUrl, DEFAULT_CODESTRAL_URL);
  const consoleUrl = options.consoleUrl === null ? null : baseUrl('--console-url', options.consoleUrl, DEFAULT_CONSOLE_URL);
  // With --tool and --model, the host is the one that tool would call, unless --target says otherwise.
  const target = options.tool && !options.targetGiven ? hostForTool(options.tool, options.model, options.toolVersion) : options.target;
  const proxy = await createProxyFetcher(ctx.env);
  try {
    const { rawKey, source } = await readKey(options, ctx);
    const cleanedKey = inspectKey(rawKey).key;
    ctx.output.hide(rawKey, fingerprint(cleanedKey));
    ctx.output.hide(cleanedKey, fingerprint(cleanedKey));
    const prepared: PreparedCheck = {
      rawKey, target, model: options.model, apiUrl, codestralUrl, consoleUrl, planLookup: options.planLookup,
      tool: options.tool ?? 'other', toolVersion: options.toolVersion,
      // The fix opens the variable only when the tool reads it (Cline keeps its key in its own settings).
      keyLocation: toolReadsVariable(options.tool ?? 'other', source, options.toolVersion) ? { path: null, line: null, variable: source } : null, timeoutMs: options.timeoutMs, preferredCodestralModel: DEFAULT_PREFERRED_CODESTRAL_MODEL,
      ...(proxy ? { fetcher: proxy.fetcher } : {}),
    };
    if (options.watch) return await recheckUntilActive(prepared, options, source, ctx);
    const diagnosis = await checkKey({ ...prepared, keyAgeMs: options.newKey ? 0 : null });
    printDiagnosis(diagnosis, { json: options.json, source, suggestWatch: true }, ctx);
    return exitCodeFor(diagnosis);
  } finally {
    await proxy?.close();
  }
}
