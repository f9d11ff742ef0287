// Only values that look like Mistral keys are checked automatically: a watched file must not be
// able to send a GitHub token or another provider's key to the hosts just by being saved.
import { inspectKey, KEY_LENGTH } from '../../core/hygiene';

const MISTRAL_KEY = new RegExp(`^[A-Za-z0-9]{${KEY_LENGTH}}$`);

/** True when the value, as a tool would send it once trimmed and unquoted, has a Mistral key's shape. */
export function looksLikeMistralKey(value: string): boolean {
  const inspected = inspectKey(value);
  return inspected.usable && MISTRAL_KEY.test(inspected.key);
}
