// The cause in a few words, for the status bar ("legacy Mistral Code key, Cline needs a Studio key").
import * as vscode from 'vscode';
import type { CauseId, ToolId } from '../../core/diagnosis';
import { API_HOSTNAME } from '../../core/hosts';
import { toolDisplayName } from '../../core/catalogue';

export function causeShortText(cause: CauseId, tool: ToolId): string {
  const t = vscode.l10n.t;
  const name = toolDisplayName(tool);
  switch (cause) {
    case 'ok': return t('works for {0}', name);
    case 'codestral-key-on-api-host': return t('legacy Mistral Code key, {0} needs a Studio key', name);
    case 'console-key-on-codestral-host': return t('Studio key on the Codestral host, point {0} at {1}', name, API_HOSTNAME);
    case 'key-malformed': return t('the key has stray characters');
    case 'key-not-yet-active': return t('the key is not active yet');
    case 'key-rejected': return t('the key is rejected (401)');
    case 'rate-limited': return t('rate-limited (429)');
    case 'payment-required': return t('billing is not set up (402)');
    case 'forbidden': return t('access forbidden (403)');
    case 'model-unavailable': return t('the model is not available');
    case 'route-not-served': return t('{0} calls a route Mistral does not serve', name);
    case 'host-unreachable': return t('Mistral host unreachable');
    case 'tls-intercepted': return t('the connection is intercepted (TLS)');
    case 'service-error': return t('Mistral service error');
    case 'unexpected-response': return t('unexpected answer from the host');
  }
}
