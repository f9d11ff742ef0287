// The extension's log with every line also kept, for tests that scan what was logged (the secret scan).
import { ExtensionLog } from '../../src/extension/log';

export class RecordingLog extends ExtensionLog {
  readonly lines: string[] = [];
  override info(message: string): void {
    this.lines.push(message);
    super.info(message);
  }
  override warn(message: string): void {
    this.lines.push(message);
    super.warn(message);
  }
  override error(message: string): void {
    this.lines.push(message);
    super.error(message);
  }
}
