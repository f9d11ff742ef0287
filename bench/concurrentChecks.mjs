// `node bench/concurrentChecks.mjs`: 50 checks at once (as `doctor` with many keys, or a burst of
// watched keys), each against both emulated hosts on loopback under the default 10 s deadline: how
// much of the deadline the slowest check uses. Figures for bench/README.md.
import { loadFromSource } from './loadSource.mjs';

const CONCURRENT = 50;
const ROUNDS = 5;
const { checkKey, startEmulator, TEST_KEYS } = await loadFromSource(
  "export { checkKey } from './src/core/check'; export { startEmulator, TEST_KEYS } from './src/emulator';", 'concurrent',
);

const emulator = await startEmulator();
const keys = [TEST_KEYS.console, TEST_KEYS.codestral, TEST_KEYS.both, TEST_KEYS.revoked];
const check = async (index) => {
  const started = performance.now();
  const diagnosis = await checkKey({
    rawKey: keys[index % keys.length], target: 'auto', model: null, apiUrl: emulator.apiUrl, codestralUrl: emulator.codestralUrl,
    timeoutMs: 10_000, keyAgeMs: null, preferredCodestralModel: 'codestral-2501', consoleUrl: emulator.consoleUrl,
  });
  return { ms: performance.now() - started, noVerdict: diagnosis.cause.id === 'host-unreachable' };
};

await Promise.all(Array.from({ length: 4 }, (_, index) => check(index)));
const slowest = [];
for (let round = 0; round < ROUNDS; round++) {
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: CONCURRENT }, (_, index) => check(index)));
  const times = results.map((result) => result.ms).sort((a, b) => a - b);
  slowest.push(times.at(-1));
  console.log(`round ${round + 1}: ${CONCURRENT} concurrent checks in ${(performance.now() - started).toFixed(0)} ms; median ${times[CONCURRENT / 2].toFixed(0)} ms, slowest ${times.at(-1).toFixed(0)} ms; ${results.filter((result) => result.noVerdict).length} without a verdict`);
}
console.log(`slowest of ${ROUNDS} rounds: ${Math.max(...slowest).toFixed(0)} ms of the 10000 ms deadline`);
await emulator.close();
