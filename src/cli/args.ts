// Turns argv into a command, or a UsageError whose message never repeats anything that looks like a key.
import { parseArgs } from 'node:util';
import { t } from '../core/l10n';
import { TIMEOUT_MS } from '../core/defaults';
import { TARGETS, TOOL_IDS, type Target, type ToolId } from '../core/diagnosis';
import { isToolId } from '../core/tools';

export const COMMANDS = ['check', 'doctor', 'lint', 'demo', 'auto'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface CheckOptions {
  keyEnv: string | null;
  keyStdin: boolean;
  /** `--tool`: whose routing and fix steps; null when not given. */
  tool: ToolId | null;
  /** True when `--target` was given (it then wins over the tool's own routing). */
  targetGiven: boolean;
  target: Target;
  model: string | null;
  apiUrl: string | null;
  codestralUrl: string | null;
  consoleUrl: string | null;
  planLookup: boolean;
  timeoutMs: number;
  newKey: boolean;
  watch: boolean;
  json: boolean;
}

/** `doctor`: every key found on this machine, each checked as its tool uses it. */
export interface DoctorOptions {
  apiUrl: string | null;
  codestralUrl: string | null;
  consoleUrl: string | null;
  planLookup: boolean;
  timeoutMs: number;
  json: boolean;
}

export interface LintOptions {
  /** Files and folders as given, at least one. */
  paths: string[];
  json: boolean;
}

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'check'; options: CheckOptions }
  | { kind: 'doctor'; options: DoctorOptions }
  | { kind: 'lint'; options: LintOptions }
  | { kind: 'demo' }
  | { kind: 'auto' };

/** Bad command-line input: exit code 2, one line on stderr. */
export class UsageError extends Error {
  override name = 'UsageError';
}

export const DEFAULT_TIMEOUT_MS = TIMEOUT_MS.default;
const { min: MIN_TIMEOUT_MS, max: MAX_TIMEOUT_MS } = TIMEOUT_MS;

const OPTIONS = {
  'key-env': { type: 'string' },
  'key-stdin': { type: 'boolean' },
  tool: { type: 'string' },
  target: { type: 'string' },
  model: { type: 'string' },
  'api-url': { type: 'string' },
  'codestral-url': { type: 'string' },
  'console-url': { type: 'string' },
  'no-plan-lookup': { type: 'boolean' },
  'timeout-ms': { type: 'string' },
  'new-key': { type: 'boolean' },
  watch: { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

type OptionName = keyof typeof OPTIONS;
/** The options each command takes (besides --help and --version). */
const OPTIONS_OF: Record<CommandName, readonly OptionName[]> = {
  check: [
    'key-env', 'key-stdin', 'tool', 'target', 'model', 'api-url', 'codestral-url', 'console-url', 'no-plan-lookup',
    'timeout-ms', 'new-key', 'watch', 'json',
  ],
  doctor: ['api-url', 'codestral-url', 'console-url', 'no-plan-lookup', 'timeout-ms', 'json'],
  lint: ['json'],
  demo: [],
  auto: [],
};
const ALL_COMMAND_OPTIONS = [...new Set(Object.values(OPTIONS_OF).flat())];
/** Options people try when they want to hand over the key directly. */
const KEY_OPTION_NAMES = new Set(['key', 'api-key', 'apikey', 'api_key', 'token', 'k', 'secret']);
/** Options whose values are addresses: a long run of letters and digits there may be an account id, not a key. */
const ADDRESS_OPTIONS = new Set(['api-url', 'codestral-url', 'console-url']);
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Longer than any URL, model id or variable name a user needs. */
export const MAX_ARGUMENT_LENGTH = 2048;
/** A run of letters and digits as long as a key's: never repeated in a message. */
const KEY_SHAPED_RUN = /[A-Za-z0-9]{20,}/g;

/** Every run of 20 or more letters and digits in the text (where a key pasted next to punctuation hides). */
export function keyShapedRuns(text: string): string[] {
  return text.match(KEY_SHAPED_RUN) ?? [];
}

/** True for text that is probably a key (or a masked copy of one), which must never be echoed. */
export function looksLikeKey(text: string): boolean {
  const bare = text.trim().replace(/^["'`]|["'`]$/g, '').replace(/^Bearer\s+/i, '');
  if (/^[A-Za-z0-9]{4}(\.\.\.|…)[A-Za-z0-9]{4}$/.test(bare)) return true;
  return /^[A-Za-z0-9]{20,}$/.test(bare) && /[0-9]/.test(bare) && /[A-Za-z]/.test(bare);
}

export function keyOnCommandLineMessage(): string {
  return t(
    'A key on the command line stays in your shell history and is visible to other users in `ps`. Put it in an environment variable (export MISTRAL_API_KEY=…, or --key-env NAME) or pipe it in with --key-stdin.',
  );
}

function helpHint(): string {
  return t('Run `mistral-key-doctor --help` for usage.');
}

/** What a user typed, safe to repeat in a message: key-shaped runs and control characters removed, cut at 40 characters. */
function quoted(text: string): string {
  if (looksLikeKey(text)) return t('(a value that looks like a key)');
  const safe = text.replace(KEY_SHAPED_RUN, '…').replace(/[\u0000-\u001F\u007F-\u009F]/g, '');
  return `'${safe.length > 40 ? `${safe.slice(0, 40)}…` : safe}'`;
}

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

/** True when the first positional names `lint`, whose other positionals are paths (a folder may be named like a hash). */
function isLint(tokens: Token[]): boolean {
  return tokens.find((token) => token.kind === 'positional')?.value === 'lint';
}

function rejectUnsafeOrUnknownTokens(tokens: Token[]): void {
  const given = new Set<string>();
  const paths = isLint(tokens);
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    const value = token.kind === 'positional' ? token.value : token.value ?? '';
    if (value.length > MAX_ARGUMENT_LENGTH || (token.kind === 'option' && token.rawName.length > MAX_ARGUMENT_LENGTH)) {
      throw new UsageError(t('An argument is longer than {0} characters; no option takes that much. {1}', String(MAX_ARGUMENT_LENGTH), helpHint()));
    }
    if (token.kind === 'positional') {
      if (looksLikeKey(value) || (!paths && keyShapedRuns(value).length > 0)) throw new UsageError(keyOnCommandLineMessage());
      continue;
    }
    if (KEY_OPTION_NAMES.has(token.name.toLowerCase()) || keyShapedRuns(token.rawName).length > 0) throw new UsageError(keyOnCommandLineMessage());
    if (!ADDRESS_OPTIONS.has(token.name) && (looksLikeKey(value) || (token.name !== 'key-env' && keyShapedRuns(value).length > 0))) {
      throw new UsageError(keyOnCommandLineMessage());
    }
    if (!(token.name in OPTIONS)) {
      throw new UsageError(t('Unknown option {0}. {1}', token.rawName, helpHint()));
    }
    if (given.has(token.name)) throw new UsageError(t('Option --{0} is given more than once: give it once. {1}', token.name, helpHint()));
    given.add(token.name);
  }
}

function strictParse(argv: string[]) {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const option = /'(--?[A-Za-z0-9-]+)/.exec((error as Error).message)?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && OPTIONS[option.replace(/^--?/, '') as OptionName]?.type === 'boolean') {
      throw new UsageError(t('Option {0} takes no value. {1}', option, helpHint()));
    }
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(t('Option {0} needs a value (write {0}=VALUE if the value starts with a dash). {1}', option, helpHint()));
    }
    throw new UsageError(t('Could not read the command line ({0}). {1}', code ?? 'error', helpHint()));
  }
}

function parseTarget(raw: string | undefined): Target {
  if (raw === undefined) return 'auto';
  if ((TARGETS as readonly string[]).includes(raw)) return raw as Target;
  throw new UsageError(t('--target must be api, codestral or auto, not {0}.', quoted(raw)));
}

function parseTool(raw: string | undefined): ToolId | null {
  if (raw === undefined) return null;
  const name = raw.trim().toLowerCase();
  if (isToolId(name)) return name;
  throw new UsageError(t('--tool must be one of {0}, not {1}.', TOOL_IDS.join(', '), quoted(raw)));
}

function parseTimeout(raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_TIMEOUT_MS;
  const value = /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < MIN_TIMEOUT_MS || value > MAX_TIMEOUT_MS) {
    throw new UsageError(
      t('--timeout-ms must be a whole number of milliseconds from {0} to {1}, not {2}. The default is {3}.',
        String(MIN_TIMEOUT_MS), String(MAX_TIMEOUT_MS), quoted(raw), String(DEFAULT_TIMEOUT_MS)),
    );
  }
  return value;
}

function parseKeyEnv(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  if (!ENV_NAME.test(raw)) {
    throw new UsageError(t('--key-env takes the name of an environment variable (letters, digits, _), not {0}.', quoted(raw)));
  }
  return raw;
}

function parseLintOptions(paths: string[], json: boolean): LintOptions {
  if (paths.length === 0) throw new UsageError(t('`lint` needs at least one file or folder, e.g. `mistral-key-doctor lint .`. {0}', helpHint()));
  return { paths, json };
}

function parseModel(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const model = raw.trim();
  if (!model) throw new UsageError(t('--model is empty: give a model id such as codestral-2508, or leave the option out.'));
  return model;
}

export function parseCliArgs(argv: string[]): CliCommand {
  const { tokens } = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  rejectUnsafeOrUnknownTokens(tokens);
  const { values, positionals } = strictParse(argv);

  if (values.help) return { kind: 'help' };
  if (values.version) return { kind: 'version' };

  // A bare `mistral-key-doctor` (options only) is the doctor.
  const [command = 'doctor', ...extra] = positionals;
  if (!(COMMANDS as readonly string[]).includes(command)) {
    throw new UsageError(t('Unknown command {0}: use `doctor`, `check`, `lint` or `demo`. {1}', quoted(command), helpHint()));
  }
  const name = command as CommandName;
  const misplaced = ALL_COMMAND_OPTIONS.find((option) => values[option] !== undefined && !OPTIONS_OF[name].includes(option));
  if (misplaced) {
    const takers = COMMANDS.filter((candidate) => OPTIONS_OF[candidate].includes(misplaced)).map((candidate) => `\`${candidate}\``);
    throw new UsageError(t('Option --{0} only applies to {1}. {2}', misplaced, takers.join(', '), helpHint()));
  }
  if (name === 'lint') return { kind: 'lint', options: parseLintOptions(extra, values.json ?? false) };
  if (extra.length > 0) {
    throw new UsageError(t('Unexpected argument {0}: `{1}` takes only options. {2}', quoted(extra[0] ?? ''), command, helpHint()));
  }
  if (name === 'doctor') {
    return {
      kind: 'doctor',
      options: {
        apiUrl: values['api-url'] ?? null,
        codestralUrl: values['codestral-url'] ?? null,
        consoleUrl: values['console-url'] ?? null,
        planLookup: !(values['no-plan-lookup'] ?? false),
        timeoutMs: parseTimeout(values['timeout-ms']),
        json: values.json ?? false,
      },
    };
  }
  if (name !== 'check') return { kind: name };

  if (values['key-env'] !== undefined && values['key-stdin']) {
    throw new UsageError(t('Use either --key-env or --key-stdin, not both.'));
  }
  return {
    kind: 'check',
    options: {
      keyEnv: parseKeyEnv(values['key-env']),
      keyStdin: values['key-stdin'] ?? false,
      tool: parseTool(values.tool),
      targetGiven: values.target !== undefined,
      target: parseTarget(values.target),
      model: parseModel(values.model),
      apiUrl: values['api-url'] ?? null,
      codestralUrl: values['codestral-url'] ?? null,
      consoleUrl: values['console-url'] ?? null,
      planLookup: !(values['no-plan-lookup'] ?? false),
      timeoutMs: parseTimeout(values['timeout-ms']),
      newKey: values['new-key'] ?? false,
      watch: values.watch ?? false,
      json: values.json ?? false,
    },
  };
}
