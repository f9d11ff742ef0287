// Says once, briefly, when a key that was waiting to become active starts working: the user who
// stored a new key and walked away learns that it is ready without opening anything.
import * as vscode from 'vscode';
import { mayStillActivate } from '../../core/activation';
import { causeMeaning } from '../../core/causeMeaning';
import type { CheckResult } from './checkResult';

export class ActivationNotice {
  private readonly waiting = new Set<string>();

  constructor(private readonly announce: (message: string) => void) {}

  record(result: CheckResult): void {
    const { diagnosis } = result;
    const { fingerprint } = diagnosis.key;
    if (mayStillActivate(diagnosis.cause.id)) {
      this.waiting.add(fingerprint);
      return;
    }
    if (this.waiting.delete(fingerprint) && causeMeaning(diagnosis.cause.id).verdict === 'works') {
      this.announce(vscode.l10n.t('Key {0} is active now. {1}', fingerprint, diagnosis.headline));
    }
  }
}
