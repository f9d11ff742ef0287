// `.env` files, read line by line with offsets: `MISTRAL_API_KEY` goes to the api host (litellm,
// Vibe, the SDK), `CODESTRAL_API_KEY` to the codestral host.
import type { HostId } from '../../core/diagnosis';
import { emptyEntry, textValue, type ConfigEntry, type ConfigFacts, type TextValue } from '../configFacts';

const KEY_VARIABLES: Record<string, HostId> = { MISTRAL_API_KEY: 'api', CODESTRAL_API_KEY: 'codestral' };

export interface DotenvAssignment {
  name: string;
  value: TextValue;
}

export function extractDotenv(source: string): ConfigFacts {
  const entries: ConfigEntry[] = [];
  for (const assignment of readDotenvAssignments(source)) {
    const host = KEY_VARIABLES[assignment.name];
    if (host && assignment.value.value !== '') {
      entries.push({ ...emptyEntry('dotenv', 'either'), apiKey: assignment.value, defaultHost: host });
    }
  }
  return { entries, parseError: null };
}

/** Every `NAME=value` line (optional `export `, quotes, `#` comments after unquoted values). */
export function readDotenvAssignments(source: string): DotenvAssignment[] {
  const assignments: DotenvAssignment[] = [];
  let lineStart = 0;
  while (lineStart <= source.length) {
    const newline = source.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? source.length : newline;
    const assignment = readLine(source, lineStart, source[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd);
    if (assignment) assignments.push(assignment);
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return assignments;
}

function readLine(source: string, lineStart: number, lineEnd: number): DotenvAssignment | null {
  const line = source.slice(lineStart, lineEnd);
  const equals = line.indexOf('=');
  if (equals === -1 || line.trimStart().startsWith('#')) return null;
  const name = line.slice(0, equals).trim().replace(/^export\s+/, '');
  if (!/^[\w.-]+$/.test(name)) return null;
  let start = lineStart + equals + 1;
  while (start < lineEnd && (source[start] === ' ' || source[start] === '\t')) start++;
  const quote = source[start];
  if (quote === '"' || quote === "'" || quote === '`') {
    const closing = source.indexOf(quote, start + 1);
    if (closing !== -1 && closing < lineEnd) {
      return { name, value: textValue(source.slice(start + 1, closing), start, closing + 1, source) };
    }
  }
  let end = lineEnd;
  const comment = source.slice(start, lineEnd).search(/\s#/);
  if (comment !== -1) end = start + comment;
  while (end > start && (source[end - 1] === ' ' || source[end - 1] === '\t')) end--;
  return { name, value: textValue(source.slice(start, end), start, end, source) };
}
