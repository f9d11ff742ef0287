// The strict grammar a model id must match before it enters an edit, a setting or a config file:
// letters and digits first, then letters, digits, `.`, `_`, `:`, `-` (fine-tune ids such as
// `ft:open-mistral-7b:1a2b:20240101:abcd`), optionally after one provider prefix (`mistral/`).
// Anything else (a newline, quotes, `#`, spaces) could turn an id into extra config lines.
const MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]*(\/[A-Za-z0-9][A-Za-z0-9._:-]*)?$/;
export const MAX_MODEL_ID_LENGTH = 100;

export function isSafeModelId(id: unknown): id is string {
  return typeof id === 'string' && id.length <= MAX_MODEL_ID_LENGTH && MODEL_ID.test(id);
}
