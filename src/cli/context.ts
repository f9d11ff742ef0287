// What every CLI command runs with: the environment, the (redacting) output and stdin.
import type { CheckRequest } from '../core/check';
import type { Output } from './output';

export interface CliContext {
  env: NodeJS.ProcessEnv;
  output: Output;
  stdin: NodeJS.ReadStream;
}

/** Everything a probe needs except the key's age and the abort signal, which `--watch` supplies. */
export type PreparedCheck = Omit<CheckRequest, 'keyAgeMs' | 'signal'>;
