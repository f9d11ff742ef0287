// `mistral-key-doctor doctor` (and a bare `mistral-key-doctor`): every Mistral key on this machine
// (the key variables, each tool's files, `.env` in the current folder), one check per distinct key,
// all at once under one deadline, each against the host its tool sends it to. One line per key, then
// the details and fix steps of each problem.
import os from 'node:os';
import { checkKey } from '../core/check';
import { DEFAULT_PREFERRED_CODESTRAL_MODEL } from '../core/defaults';
import type { Diagnosis } from '../core/diagnosis';
import { DEFAULT_API_URL, DEFAULT_CODESTRAL_URL, DEFAULT_CONSOLE_URL, validateBaseUrl } from '../core/hosts';
import { fingerprint, inspectKey } from '../core/hygiene';
import { t } from '../core/l10n';
import { renderReport, toCliJson } from '../core/report';
import type { CliJson } from '../core/schemas';
import { toolDisplayName } from '../core/tools';
import { findKeyCandidates, type FoundKeys, type KeyCandidate, type KeySource } from '../sources';
import { displayPath } from '../sources/displayPath';
import { KEY_VARIABLES } from '../sources/environment';
import { UsageError, type DoctorOptions } from './args';
import type { CliContext } from './context';
import { EXIT_NO_VERDICT, EXIT_OK, EXIT_PROBLEM, EXIT_USAGE, exitCodeFor } from './exitCode';
import { useColor } from './output';
import { createProxyFetcher } from './proxyFetcher';

export interface DoctorJson {
  keys: {
    source: { id: KeySource['id']; path: string | null; line: number | null };
    tool: KeySource['tool'];
    fingerprint: string;
    diagnosis: CliJson;
  }[];
}

interface CheckedKey {
  candidate: KeyCandidate;
  diagnosis: Diagnosis;
}

/** Where the finders looked, for the home folder and the current folder the doctor ran with. */
export interface Places {
  home: string;
  cwd: string;
}

function baseUrl(flag: string, raw: string | null, fallback: string): string {
  if (raw === null) return fallback;
  const validation = validateBaseUrl(raw);
  if (!validation.ok) throw new UsageError(`${flag}: ${validation.message}`);
  return validation.url;
}

export function placesOf(ctx: CliContext): Places {
  return { home: ctx.env.HOME || os.homedir(), cwd: process.cwd() };
}

/** Every key the finders see from here; files that cannot be read are in `problems`, never fatal. */
export function findKeys(ctx: CliContext, places: Places): Promise<FoundKeys> {
  return findKeyCandidates({
    home: places.home, workspaceFolders: [places.cwd], env: ctx.env, includeToolFiles: true, includeWorkspaceFiles: true,
  });
}

/** The line the key is on in its file, once the finders report it. */
function lineOf(source: KeySource): number | null {
  return (source as KeySource & { line?: number | null }).line ?? null;
}

/** `~/.continue/config.yaml:4`, or the variable's label for a key from the environment. */
function whereItLives(source: KeySource, places: Places): string {
  if (!source.path) return source.label;
  const line = lineOf(source);
  return `${displayPath(source.path, places.home, [])}${line === null ? '' : `:${line}`}`;
}

/** "Continue  ~/.continue/config.yaml:4"; a key from the environment is named by its variable alone. */
function toolAndPlace(source: KeySource, places: Places): string {
  const where = whereItLives(source, places);
  return source.tool === 'other' ? where : `${toolDisplayName(source.tool)}  ${where}`;
}

/** The worst verdict decides: a diagnosed problem, then no verdict, then OK. */
function worstExitCode(checked: CheckedKey[]): number {
  const codes = checked.map(({ diagnosis }) => exitCodeFor(diagnosis));
  if (codes.some((code) => code === EXIT_PROBLEM || code === EXIT_USAGE)) return EXIT_PROBLEM;
  if (codes.includes(EXIT_NO_VERDICT)) return EXIT_NO_VERDICT;
  return EXIT_OK;
}

function nothingFoundMessage(places: Places): string {
  return t(
    'No Mistral key found. Looked in the environment ({0}), the configuration files of the coding tools under {1}, and .env in {2}. Run `mistral-key-doctor demo` to see every diagnosis without a key, or check one key with `MISTRAL_API_KEY=… mistral-key-doctor check`.',
    KEY_VARIABLES.join(', '), places.home, places.cwd,
  );
}

function printSkipped(found: FoundKeys, ctx: CliContext): void {
  for (const problem of found.problems) ctx.output.err(`${t('Skipped: {0}', problem.message)}\n`);
}

export async function runDoctor(options: DoctorOptions, ctx: CliContext, found?: FoundKeys): Promise<number> {
  // Validate every flag before any file is read, so a usage error never touches a secret.
  const apiUrl = baseUrl('--api-url', options.apiUrl, DEFAULT_API_URL);
  const codestralUrl = baseUrl('--codestral-url', options.codestralUrl, DEFAULT_CODESTRAL_URL);
  const consoleUrl = options.consoleUrl === null ? null : baseUrl('--console-url', options.consoleUrl, DEFAULT_CONSOLE_URL);
  const places = placesOf(ctx);
  const keys = found ?? await findKeys(ctx, places);
  for (const { key } of keys.candidates) {
    ctx.output.hide(key, fingerprint(inspectKey(key).key));
    ctx.output.hide(inspectKey(key).key, fingerprint(inspectKey(key).key));
  }
  printSkipped(keys, ctx);
  if (keys.candidates.length === 0) {
    if (options.json) ctx.output.out(`${JSON.stringify({ keys: [] } satisfies DoctorJson)}\n`);
    ctx.output.err(`${nothingFoundMessage(places)}\n`);
    return EXIT_USAGE;
  }

  const proxy = await createProxyFetcher(ctx.env);
  try {
    // One deadline: every check starts now with the same timeout, so the slowest ends by then.
    const checked = await Promise.all(keys.candidates.map(async (candidate): Promise<CheckedKey> => ({
      candidate,
      diagnosis: await checkKey({
        rawKey: candidate.key, target: candidate.target, model: candidate.model, apiUrl, codestralUrl, consoleUrl,
        planLookup: options.planLookup, tool: candidate.source.tool, timeoutMs: options.timeoutMs, keyAgeMs: null,
        preferredCodestralModel: DEFAULT_PREFERRED_CODESTRAL_MODEL, ...(proxy ? { fetcher: proxy.fetcher } : {}),
      }),
    })));
    if (options.json) ctx.output.out(`${JSON.stringify(doctorJson(checked))}\n`);
    else printReport(checked, places, ctx);
    return worstExitCode(checked);
  } finally {
    await proxy?.close();
  }
}

function doctorJson(checked: CheckedKey[]): DoctorJson {
  return {
    keys: checked.map(({ candidate: { source, fingerprint: shown }, diagnosis }) => ({
      source: { id: source.id, path: source.path ?? null, line: lineOf(source) },
      tool: source.tool,
      fingerprint: shown,
      diagnosis: toCliJson(diagnosis),
    })),
  };
}

function printReport(checked: CheckedKey[], places: Places, ctx: CliContext): void {
  const color = useColor(ctx.output.stdout, ctx.env, false);
  const paint = (code: string, text: string) => (color ? `\u001B[${code}m${text}\u001B[0m` : text);
  const summary = ({ candidate, diagnosis }: CheckedKey) => {
    const ok = diagnosis.cause.id === 'ok';
    const mark = ok ? paint('32', '✔') : paint('31', '✖');
    const also = candidate.sources.length > 1 ? ` ${t('(also in {0})', candidate.sources.slice(1).map((source) => whereItLives(source, places)).join(', '))}` : '';
    return `${mark} ${toolAndPlace(candidate.source, places)}${also}  ${candidate.fingerprint}  ${diagnosis.cause.title} (${diagnosis.cause.id})`;
  };
  ctx.output.out(`${checked.map(summary).join('\n')}\n`);
  for (const entry of checked.filter(({ diagnosis }) => diagnosis.cause.id !== 'ok')) {
    const { candidate, diagnosis } = entry;
    ctx.output.out(`\n── ${toolAndPlace(candidate.source, places)}  ${candidate.fingerprint}\n`);
    ctx.output.out(`${renderReport(diagnosis, { color, tool: diagnosis.tool }).trimEnd()}\n`);
  }
}
