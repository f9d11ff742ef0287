// What the key box says while the user types: cleaned-away characters as a note, doubtful shapes
// as a warning, and a masked copy (or anything that cannot be sent) refused in place with the reason.
import * as vscode from 'vscode';
import { inspectKey, RESIDUAL_FINDINGS } from '../../core/hygiene';
import { CONSOLE_API_KEYS_URL } from '../../core/links';

export type KeyInputSeverity = 'info' | 'warning' | 'error';

export interface KeyInputNote {
  severity: KeyInputSeverity;
  message: string;
}

/** The note for what is typed so far, or undefined when there is nothing to say. */
export function describeKeyInput(raw: string): KeyInputNote | undefined {
  const t = vscode.l10n.t;
  if (raw === '') return undefined;
  const inspected = inspectKey(raw);
  const { findings, fingerprint } = inspected.report;
  if (!inspected.usable) {
    const reasons = findings.filter((finding) => finding.blocking).map((finding) => finding.message).join(' ');
    const masked = findings.some((finding) => finding.id === 'masked-copy');
    return {
      severity: 'error',
      message: masked
        ? t('{0} Copy the full key from {1} (create a new one if it is no longer shown).', reasons, CONSOLE_API_KEYS_URL)
        : t('Cannot be saved: {0}', reasons),
    };
  }
  const residual = findings.filter((finding) => RESIDUAL_FINDINGS.includes(finding.id));
  if (residual.length > 0) {
    return { severity: 'warning', message: t('{0} It is saved as typed; the check tells whether Mistral accepts it.', residual.map((finding) => finding.message).join(' ')) };
  }
  if (findings.length > 0) {
    return { severity: 'info', message: t('Enter saves it as {0}, cleaned: {1}', fingerprint, findings.map((finding) => finding.message).join(' ')) };
  }
  return undefined;
}

export function toValidationMessage(note: KeyInputNote | undefined): vscode.InputBoxValidationMessage | undefined {
  if (!note) return undefined;
  const severity = note.severity === 'error' ? vscode.InputBoxValidationSeverity.Error
    : note.severity === 'warning' ? vscode.InputBoxValidationSeverity.Warning
      : vscode.InputBoxValidationSeverity.Info;
  return { message: note.message, severity };
}
