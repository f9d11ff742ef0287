// Human names for the Diagnosis enums, shared by every text a surface shows.
import type { HostId, HostOutcomeKind, KeyKind, KeyType, ModelState, Severity } from './diagnosis';
import { HOSTNAME_OF } from './hosts';
import { t } from './l10n';

/** The public hosts by name; reports show the probed URL beside them when it differs. */
export const HOST_NAMES: Readonly<Record<HostId, string>> = HOSTNAME_OF;

export function outcomeLabel(outcome: HostOutcomeKind): string {
  switch (outcome) {
    case 'accepted': return t('accepted');
    case 'rejected': return t('rejected');
    case 'forbidden': return t('forbidden');
    case 'rate-limited': return t('rate-limited');
    case 'model-error': return t('key accepted, model refused');
    case 'server-error': return t('server error');
    case 'unreachable': return t('unreachable');
    case 'tls-error': return t('TLS error');
    case 'unexpected': return t('unexpected answer');
  }
}

export function keyKindLabel(kind: KeyKind): string {
  switch (kind) {
    case 'console': return t('accepted by {0}, refused by {1}', HOST_NAMES.api, HOST_NAMES.codestral);
    case 'codestral': return t('accepted by {0}, refused by {1}', HOST_NAMES.codestral, HOST_NAMES.api);
    case 'both': return t('accepted by both hosts');
    case 'rejected': return t('rejected');
    case 'unknown': return t('unknown (no verdict)');
  }
}

/** The console's name for a key type (Studio, Vibe, Mistral Code). */
export function keyTypeLabel(type: KeyType): string {
  switch (type) {
    case 'studio': return t('Studio key');
    case 'vibe': return t('Vibe key');
    case 'mistral-code': return t('legacy Mistral Code key');
    case 'unknown': return t('unknown');
  }
}

export function modelStateLabel(state: ModelState): string {
  switch (state) {
    case 'available': return t('available');
    case 'alias': return t('moving alias');
    case 'deprecated': return t('deprecated');
    case 'retired': return t('retired');
    case 'not-listed': return t('not offered to this key');
    case 'unknown': return t('not checked');
  }
}

export function severityLabel(severity: Severity): string {
  switch (severity) {
    case 'ok': return t('OK');
    case 'info': return t('Note');
    case 'warning': return t('Warning');
    case 'error': return t('Error');
  }
}
