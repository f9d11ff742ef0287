// Core code runs in the extension host, the language server and the CLI, so it localises with
// @vscode/l10n (keyed by the English text, like vscode.l10n.t) rather than the `vscode` API.
import * as l10n from '@vscode/l10n';

export const t = l10n.t;

/** Loads a bundle (`l10n/bundle.l10n.<locale>.json` contents); English needs none. */
export function useL10nBundle(contents: Record<string, string> | undefined): void {
  if (contents) l10n.config({ contents });
}
