// The last result, kept for the panel to come back with after a reload. A CheckResult holds the
// key's fingerprint only, never the key; the live models list is dropped (it is large and stale).
import type * as vscode from 'vscode';
import { withHeadline } from '../../core/causeMeaning';
import type { CheckResult } from '../check/checkResult';

const LAST_RESULT = 'mistralKeyDoctor.lastResult';

export class ResultMemory {
  constructor(private readonly state: vscode.Memento) {}

  read(): CheckResult | null {
    const stored = this.state.get<CheckResult>(LAST_RESULT);
    return stored && typeof stored === 'object' && stored.diagnosis?.key?.fingerprint ? { ...stored, diagnosis: withHeadline(stored.diagnosis) } : null;
  }

  async keep(result: CheckResult | null): Promise<void> {
    if (!result) {
      await this.state.update(LAST_RESULT, undefined);
      return;
    }
    const { liveModels: _dropped, ...diagnosis } = result.diagnosis;
    await this.state.update(LAST_RESULT, { ...result, diagnosis });
  }
}
