// The hooks every UI suite needs: the emulator, a workbench opened with settings built from it, a
// screenshot of a failed test, and both closed at the end.
import { startEmulator, type Emulator } from '../../src/emulator';
import { openWorkbench, type SessionOptions, type WorkbenchSession } from './session';
import { saveScreenshot } from './workbench';

export interface WorkbenchSuite {
  readonly session: WorkbenchSession;
  readonly emulator: Emulator;
}

export function useWorkbench(options: (emulator: Emulator) => SessionOptions = () => ({})): WorkbenchSuite {
  let session: WorkbenchSession | null = null;
  let emulator: Emulator | null = null;

  suiteSetup(async () => {
    emulator = await startEmulator({ scenario: 'normal' });
    session = await openWorkbench(options(emulator));
  });

  teardown(async function () {
    if (this.currentTest?.state !== 'failed' || !session) return;
    await saveScreenshot(session.page, `failure-${this.currentTest.title.slice(0, 40)}`, { failure: true });
    await session.page.keyboard.press('Escape');
  });

  suiteTeardown(async () => {
    await session?.close();
    await emulator?.close();
  });

  return {
    get session() {
      if (!session) throw new Error('the workbench is not open yet');
      return session;
    },
    get emulator() {
      if (!emulator) throw new Error('the emulator is not started yet');
      return emulator;
    },
  };
}
