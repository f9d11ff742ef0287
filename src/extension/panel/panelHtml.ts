// The panel's HTML shell: a strict CSP, one nonce'd script and the stylesheet, all from media/.
// The first view travels inside the page as an inert JSON data block, so content shows as soon as
// the script runs; later views arrive as validated `render` messages. The live region lives here,
// outside the re-rendered content, so screen readers keep one region for the panel's lifetime.
import { randomBytes } from 'node:crypto';

export interface PanelHtmlInput {
  /** `webview.cspSource`. */
  cspSource: string;
  scriptUri: string;
  styleUri: string;
  /** BCP 47 tag for `<html lang>`. */
  language: string;
  /** The first view, already validated; rendered without waiting for a message. */
  initialView?: unknown;
  nonce?: string;
}

export function createNonce(): string {
  return randomBytes(18).toString('base64url');
}

export function renderPanelHtml(input: PanelHtmlInput): string {
  const nonce = input.nonce ?? createNonce();
  const csp = [
    `default-src 'none'`,
    `style-src ${input.cspSource}`,
    `font-src ${input.cspSource}`,
    `img-src ${input.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  const initial = input.initialView === undefined ? '' : `\n<script type="application/json" id="initial-view">${escapeJson(JSON.stringify(input.initialView))}</script>`;
  return `<!DOCTYPE html>
<html lang="${escapeAttribute(input.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${escapeAttribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${escapeAttribute(input.styleUri)}">
<title>Mistral Key Doctor</title>
</head>
<body>
<p id="live" class="visually-hidden" role="status" aria-live="polite"></p>
<main id="app" aria-busy="true"></main>${initial}
<script nonce="${nonce}" src="${escapeAttribute(input.scriptUri)}"></script>
</body>
</html>`;
}

function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** JSON inside a script element: no `</script>` or HTML comment can end it early. */
function escapeJson(json: string): string {
  return json.replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
