// Starts the emulator (src/emulator) for the tests of one file: before the first test, closed after
// the last. The returned object is the running emulator once the file's tests run; touching it
// outside a test or hook (at collection time) throws, as it has not started yet.
import { afterAll, beforeAll } from 'vitest';
import { startEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator';

export function useEmulator(options?: EmulatorOptions): Emulator {
  let running: Emulator | undefined;
  beforeAll(async () => {
    running = await startEmulator(options);
  });
  afterAll(async () => {
    await running?.close();
  });
  return new Proxy({} as Emulator, {
    get(_target, member) {
      if (!running) throw new Error('The emulator starts before the first test of the file; use it inside a test or hook.');
      const value: unknown = Reflect.get(running, member, running);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(running) : value;
    },
    set(_target, member, value) {
      if (!running) throw new Error('The emulator starts before the first test of the file; use it inside a test or hook.');
      return Reflect.set(running, member, value, running);
    },
  });
}
