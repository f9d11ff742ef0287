// Reads and parses other tools' files. A file that is missing is simply absent; one that cannot be
// read, is too large or does not parse becomes a SourceProblem and is skipped. Parser messages are
// never copied into problems: yaml and smol-toml quote the offending line, which may hold the key.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { parse as parseToml, TomlError } from 'smol-toml';
import { parseDocument } from 'yaml';
import { MAX_CONFIG_FILE_CHARACTERS } from '../core/defaults';
import { t } from '../core/l10n';
import { displayPath } from './displayPath';
import type { DotenvDialect } from '../core/catalogue';
import { lineOf, readDotenv, type DotenvAssignment } from '../core/dotenv';
import type { SourceProblem } from './types';

/** The language server's limit too: a config file larger than this is a mistake or an attack. */
export const MAX_SOURCE_FILE_BYTES = MAX_CONFIG_FILE_CHARACTERS;

const MISSING_CODES = new Set(['ENOENT', 'ENOTDIR', 'FileNotFound', 'EntryNotFound']);

export class SourceFiles {
  readonly problems: SourceProblem[] = [];
  private readonly reads = new Map<string, Promise<string | null>>();

  constructor(
    private readonly home: string,
    private readonly workspaceFolders: string[],
    private readonly readFileOverride?: (file: string) => Promise<string>,
  ) {}

  /** How a path is shown in labels and problems. */
  display(file: string): string {
    return displayPath(file, this.home, this.workspaceFolders);
  }

  /** The text of a file; null when it is missing, or unreadable or too large (then a problem is recorded). Read once. */
  read(file: string): Promise<string | null> {
    let pending = this.reads.get(file);
    if (!pending) {
      pending = this.readOnce(file);
      this.reads.set(file, pending);
    }
    return pending;
  }

  /** Files in `dir` whose names end with one of `extensions`, sorted; none when the folder is missing. */
  async list(dir: string, extensions: string[]): Promise<string[]> {
    try {
      const names = await fs.readdir(dir);
      return names.filter((name) => extensions.some((ext) => name.endsWith(ext))).sort()
        .map((name) => path.join(dir, name));
    } catch (error) {
      if (!isMissing(error)) this.reportUnreadable(dir, error);
      return [];
    }
  }

  async readYaml(file: string): Promise<unknown> {
    const text = await this.read(file);
    if (text === null) return undefined;
    const document = parseDocument(text);
    const error = document.errors[0];
    if (error) {
      const at = error.linePos?.[0];
      this.report(file, t('{0} is not valid YAML (line {1}, column {2}: {3}). Fix the file to have its Mistral keys checked; it was skipped.',
        this.display(file), at?.line ?? '?', at?.col ?? '?', error.code));
      return undefined;
    }
    try {
      return document.toJS();
    } catch {
      this.report(file, t('{0} could not be read as YAML (too many aliases or an unresolved one). Fix the file to have its Mistral keys checked; it was skipped.',
        this.display(file)));
      return undefined;
    }
  }

  async readJson(file: string): Promise<unknown> {
    const text = await this.read(file);
    if (text === null) return undefined;
    const errors: ParseError[] = [];
    const value: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
    const error = errors[0];
    if (error) {
      const { line, column } = lineAndColumn(text, error.offset);
      this.report(file, t('{0} is not valid JSON (line {1}, column {2}: {3}). Fix the file to have its Mistral keys checked; it was skipped.',
        this.display(file), line, column, printParseErrorCode(error.error)));
      return undefined;
    }
    return value;
  }

  async readToml(file: string): Promise<unknown> {
    const text = await this.read(file);
    if (text === null) return undefined;
    try {
      return parseToml(text);
    } catch (error) {
      const at = error instanceof TomlError ? error : null;
      this.report(file, t('{0} is not valid TOML (line {1}, column {2}). Fix the file to have its Mistral keys checked; it was skipped.',
        this.display(file), at?.line ?? '?', at?.column ?? '?'));
      return undefined;
    }
  }

  /** Name → the last assignment of that name, read with the parser of the tool that reads the file. */
  async readDotenv(file: string, dialect: DotenvDialect): Promise<Map<string, DotenvAssignment> | null> {
    const text = await this.read(file);
    if (text === null) return null;
    return new Map(readDotenv(text, dialect).map((assignment) => [assignment.name, assignment]));
  }

  /** The 1-based line where `needle` (a key as written) first appears in the file; null when it does not, or the file was not read. */
  async lineOf(file: string, needle: string): Promise<number | null> {
    const text = await this.read(file);
    const at = text === null || needle === '' ? -1 : text.indexOf(needle);
    return at === -1 ? null : lineOf(text!, at);
  }

  report(file: string, message: string): void {
    this.problems.push({ path: file, message });
  }

  private async readOnce(file: string): Promise<string | null> {
    try {
      if (!this.readFileOverride) {
        const stats = await fs.stat(file);
        // A device or a pipe would never end (or block) the read below.
        if (!stats.isFile()) return this.reportNotAFile(file);
        if (stats.size > MAX_SOURCE_FILE_BYTES) return this.reportTooLarge(file);
      }
      const text = this.readFileOverride ? await this.readFileOverride(file) : await fs.readFile(file, 'utf8');
      if (Buffer.byteLength(text, 'utf8') > MAX_SOURCE_FILE_BYTES) return this.reportTooLarge(file);
      return text.replace(/^\uFEFF/, '');
    } catch (error) {
      if (!isMissing(error)) this.reportUnreadable(file, error);
      return null;
    }
  }

  private reportTooLarge(file: string): null {
    this.report(file, t('Skipped {0}: it is larger than {1} KB, too large for a configuration file. Check that this is the file you meant.',
      this.display(file), MAX_SOURCE_FILE_BYTES / 1024));
    return null;
  }

  private reportNotAFile(file: string): null {
    this.report(file, t('Skipped {0}: it is not a regular file. Check that this is the file you meant.', this.display(file)));
    return null;
  }

  private reportUnreadable(file: string, error: unknown): void {
    this.report(file, t('Could not read {0} ({1}). Make the file readable, or ignore this message if it is not a tool you use.',
      this.display(file), errorCode(error)));
  }
}

function isMissing(error: unknown): boolean {
  return MISSING_CODES.has(errorCode(error));
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.name : 'unknown error';
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** What every source reader gets. */
export interface SourceContext {
  home: string;
  workspaceFolders: string[];
  env: Record<string, string | undefined>;
  includeToolFiles: boolean;
  includeWorkspaceFiles: boolean;
  files: SourceFiles;
}
