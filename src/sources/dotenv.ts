// A `.env` parser with the rules of the npm `dotenv` package that Continue uses: `export ` prefix,
// `#` comments, single/double/backtick quotes (which may span lines; `\n` expands inside double
// quotes), unquoted values trimmed and cut at `#`, CRLF line ends, the last assignment wins.

const KEY_PATTERN = /^[\w.-]+$/;
const QUOTES = new Set(["'", '"', '`']);

export function parseDotenv(text: string): Record<string, string> {
  const source = text.replace(/\r\n?/g, '\n');
  const values: Record<string, string> = {};
  let position = 0;
  while (position < source.length) {
    const lineEnd = endOfLine(source, position);
    const assignment = readAssignment(source, position, lineEnd);
    if (assignment) {
      values[assignment.key] = assignment.value;
      position = assignment.next;
    } else {
      position = lineEnd + 1;
    }
  }
  return values;
}

function endOfLine(source: string, from: number): number {
  const newline = source.indexOf('\n', from);
  return newline === -1 ? source.length : newline;
}

function readAssignment(source: string, lineStart: number, lineEnd: number):
  { key: string; value: string; next: number } | null {
  const line = source.slice(lineStart, lineEnd);
  const equals = line.indexOf('=');
  if (equals === -1) return null;
  const key = line.slice(0, equals).trim().replace(/^export\s+/, '');
  if (!KEY_PATTERN.test(key)) return null;

  let valueStart = lineStart + equals + 1;
  while (source[valueStart] === ' ' || source[valueStart] === '\t') valueStart++;
  const quote = source[valueStart];
  if (quote !== undefined && QUOTES.has(quote)) {
    const closing = findClosingQuote(source, valueStart + 1, quote);
    if (closing !== -1) {
      const raw = source.slice(valueStart + 1, closing);
      const value = quote === '"' ? raw.replace(/\\n/g, '\n').replace(/\\r/g, '\r') : raw;
      return { key, value, next: endOfLine(source, closing) + 1 };
    }
  }
  const unquoted = source.slice(valueStart, lineEnd);
  const comment = unquoted.indexOf('#');
  const value = (comment === -1 ? unquoted : unquoted.slice(0, comment)).trim();
  return { key, value, next: lineEnd + 1 };
}

/** The index of the closing quote, skipping quotes escaped with a backslash; -1 if none. */
function findClosingQuote(source: string, from: number, quote: string): number {
  for (let index = from; index < source.length; index++) {
    if (source[index] === '\\') index++;
    else if (source[index] === quote) return index;
  }
  return -1;
}
