// The one `.env` reader, with offsets, in the dialect of the tool that reads the file: Node's
// `dotenv` package (Continue) or python-dotenv (Mistral Vibe, aider, litellm). They disagree on
// `abc#def` (Node cuts at `#`, Python keeps it: only ` #` starts a comment), on escapes in quotes
// and on backticks, and a check must read the key the tool reads. The catalogue says which file
// is read by which dialect.
import type { DotenvDialect } from './catalogue/schema';

export interface DotenvAssignment {
  name: string;
  /** The value as the tool reads it (quotes removed, escapes applied). */
  value: string;
  /** Offsets of the written value in the text, quotes included. */
  start: number;
  end: number;
  /** The quote the value is written in, or null. */
  quote: '"' | "'" | '`' | null;
  /** 1-based line of the name. */
  line: number;
}

const NODE_KEY = /[\w.-]/;
const HORIZONTAL_SPACE = /[^\S\r\n]/;

/** Every assignment in file order (a later one of the same name wins, as in both tools). */
export function readDotenv(text: string, dialect: DotenvDialect): DotenvAssignment[] {
  const reader = new Reader(text);
  const found: DotenvAssignment[] = [];
  while (!reader.done()) {
    const assignment = dialect === 'node' ? reader.nodeAssignment() : reader.pythonAssignment();
    if (assignment) found.push(assignment);
  }
  return found;
}

/** Name → value, the last assignment winning. */
export function dotenvValues(text: string, dialect: DotenvDialect): Record<string, string> {
  const values: Record<string, string> = {};
  for (const { name, value } of readDotenv(text, dialect)) values[name] = value;
  return values;
}

/** The 1-based line of `offset` in `text` (`\r\n`, `\n` and a lone `\r` each end a line). */
export function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) line++;
  }
  return line;
}

class Reader {
  private position = 0;

  constructor(private readonly text: string) {
    if (text.startsWith('\uFEFF')) this.position = 1;
  }

  done(): boolean {
    return this.position >= this.text.length;
  }

  /** Node `dotenv`: `[export ]NAME=value` or `NAME: value`; unquoted values end at `#`; quotes may span lines; `\n` and `\r` expand in double quotes. */
  nodeAssignment(): DotenvAssignment | null {
    const text = this.text;
    const lineEnd = this.lineEnd(this.position);
    let at = this.skip(this.position, /\s/, lineEnd);
    if (text.startsWith('export', at) && /\s/.test(text[at + 6] ?? '')) at = this.skip(at + 6, HORIZONTAL_SPACE, lineEnd);
    const nameStart = at;
    at = this.skip(at, NODE_KEY, lineEnd);
    const name = text.slice(nameStart, at);
    at = this.skip(at, HORIZONTAL_SPACE, lineEnd);
    const separator = text[at];
    if (name === '' || !(separator === '=' || (separator === ':' && HORIZONTAL_SPACE.test(text[at + 1] ?? '')))) return this.nextLine(lineEnd);
    at = this.skip(at + 1, HORIZONTAL_SPACE, lineEnd);

    const quote = text[at];
    if (quote === '"' || quote === "'" || quote === '`') {
      const closing = this.closingQuote(at + 1, quote, '\\' + quote);
      if (closing !== -1) {
        const after = this.skip(closing + 1, HORIZONTAL_SPACE, this.text.length);
        const end = this.lineEnd(after);
        if (after === end || text[after] === '#') {
          const raw = text.slice(at + 1, closing);
          this.position = this.nextLineStart(end);
          const value = quote === '"' ? raw.replace(/\\n/g, '\n').replace(/\\r/g, '\r') : raw;
          return { name, value, start: at, end: closing + 1, quote, line: lineOf(text, nameStart) };
        }
      }
    }
    const hash = text.indexOf('#', at);
    let end = hash !== -1 && hash < lineEnd ? hash : lineEnd;
    while (end > at && /\s/.test(text[end - 1]!)) end--;
    this.position = this.nextLineStart(lineEnd);
    const written = text.slice(at, end);
    // dotenv strips one pair of matching quotes around a value it read unquoted (`"a" "b"` stays).
    const pair = /^(['"`])([\s\S]*)\1$/.exec(written);
    return { name, value: pair ? pair[2]! : written, start: at, end, quote: null, line: lineOf(text, nameStart) };
  }

  /** python-dotenv: `[export ]NAME=value`; only ` #` starts a comment; quotes may span lines; escapes decoded in double quotes; no backticks. */
  pythonAssignment(): DotenvAssignment | null {
    const text = this.text;
    let lineEnd = this.lineEnd(this.position);
    let at = this.skip(this.position, HORIZONTAL_SPACE, lineEnd);
    if (at === lineEnd || text[at] === '#') return this.nextLine(lineEnd);
    if (text.startsWith('export', at) && HORIZONTAL_SPACE.test(text[at + 6] ?? '')) at = this.skip(at + 6, HORIZONTAL_SPACE, lineEnd);
    const nameStart = at;
    let name: string;
    if (text[at] === "'") {
      const closing = text.indexOf("'", at + 1);
      if (closing === -1 || closing > lineEnd) return this.nextLine(lineEnd);
      name = text.slice(at + 1, closing);
      at = closing + 1;
    } else {
      at = this.skip(at, /[^=#\s]/, lineEnd);
      name = text.slice(nameStart, at);
    }
    at = this.skip(at, HORIZONTAL_SPACE, lineEnd);
    if (name === '' || text[at] !== '=') return this.nextLine(lineEnd);
    at = this.skip(at + 1, HORIZONTAL_SPACE, lineEnd);

    let value: string;
    let start = at;
    let end: number;
    let quote: DotenvAssignment['quote'] = null;
    const first = text[at];
    if (first === '"' || first === "'") {
      const closing = this.closingQuote(at + 1, first, '\\' + first);
      if (closing === -1) return this.nextLine(lineEnd);
      const raw = text.slice(at + 1, closing);
      value = first === "'" ? raw.replace(/\\([\\'])/g, '$1') : decodePythonEscapes(raw);
      quote = first;
      end = closing + 1;
      lineEnd = this.lineEnd(end);
      // Only spaces and a comment may follow the closing quote; anything else makes python-dotenv skip the line.
      const rest = text.slice(end, lineEnd);
      if (!/^[^\S\r\n]*(#.*)?$/.test(rest)) return this.nextLine(lineEnd);
    } else {
      const written = text.slice(at, lineEnd);
      const comment = /\s#/.exec(written);
      const kept = (comment ? written.slice(0, comment.index) : written).replace(/\s+$/, '');
      value = kept;
      start = at;
      end = at + kept.length;
    }
    this.position = this.nextLineStart(lineEnd);
    return { name, value, start, end, quote, line: lineOf(text, nameStart) };
  }

  private skip(from: number, pattern: RegExp, limit: number): number {
    let at = from;
    while (at < limit && pattern.test(this.text[at]!)) at++;
    return at;
  }

  private lineEnd(from: number): number {
    for (let i = from; i < this.text.length; i++) if (this.text[i] === '\n' || this.text[i] === '\r') return i;
    return this.text.length;
  }

  private nextLineStart(lineEnd: number): number {
    if (this.text[lineEnd] === '\r' && this.text[lineEnd + 1] === '\n') return lineEnd + 2;
    return Math.min(this.text.length, lineEnd + 1);
  }

  private nextLine(lineEnd: number): null {
    this.position = this.nextLineStart(lineEnd);
    return null;
  }

  /** The closing quote, skipping the escaped form (`\"`); -1 when the value never closes. */
  private closingQuote(from: number, quote: string, escaped: string): number {
    for (let i = from; i < this.text.length; i++) {
      if (this.text.startsWith(escaped, i)) i++;
      else if (this.text[i] === quote) return i;
    }
    return -1;
  }
}

const PYTHON_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
};

/** python-dotenv decodes `\\[\\'"abfnrtv]` in double-quoted values and leaves other backslashes alone. */
function decodePythonEscapes(raw: string): string {
  return raw.replace(/\\([\\'"abfnrtv])/g, (_all, char: string) => PYTHON_ESCAPES[char]!);
}
