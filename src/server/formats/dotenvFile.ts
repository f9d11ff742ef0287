// `.env` files, read with the one `.env` reader in the dialect of the tool that reads the file
// (Continue's `.continue/.env`: Node's dotenv; any other: python-dotenv, as Vibe, aider and
// litellm read it): each key variable goes to the host the catalogue names for it.
import { hostForKeyVariable } from '../../core/catalogue';
import { isKeyVariable } from '../../core/catalogue/keyVariables';
import type { DotenvDialect } from '../../core/catalogue/schema';
import { readDotenv } from '../../core/dotenv';
import { emptyEntry, textValue, type ConfigEntry, type ConfigFacts, type TextValue } from '../configFacts';

export interface DotenvAssignment {
  name: string;
  value: TextValue;
}

export function extractDotenv(source: string, dialect: DotenvDialect = 'python'): ConfigFacts {
  const entries: ConfigEntry[] = [];
  for (const assignment of readDotenvAssignments(source, dialect)) {
    if (isKeyVariable(assignment.name) && assignment.value.value !== '') {
      entries.push({ ...emptyEntry('dotenv', 'either'), apiKey: assignment.value, defaultHost: hostForKeyVariable(assignment.name) });
    }
  }
  return { entries, parseError: null };
}

export function extractContinueDotenv(source: string): ConfigFacts {
  return extractDotenv(source, 'node');
}

/** Every `NAME=value` assignment with the span of its written value. */
export function readDotenvAssignments(source: string, dialect: DotenvDialect = 'python'): DotenvAssignment[] {
  return readDotenv(source, dialect).map(({ name, value, start, end }) => ({ name, value: textValue(value, start, end, source) }));
}
