// `npm run test:integration:load`: the extension-host suite again, with two CPU burners beside it, as
// a loaded CI machine runs it. A test that waits for a condition another state also satisfies, or for
// a guessed time, fails here; `npm test` runs it after the plain run, so a flaky test is a failing test.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const BURNERS = 2;

const burners = Array.from({ length: BURNERS }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }));
const stopBurners = () => {
  for (const burner of burners) if (burner.exitCode === null) burner.kill('SIGKILL');
};
console.log(`[test:integration:load] ${BURNERS} CPU burners running (pids ${burners.map((burner) => burner.pid).join(', ')})`);

const suite = spawn(process.execPath, [path.join(here, 'runTests.mjs')], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    suite.kill(signal);
    stopBurners();
  });
}
suite.on('exit', (code, signal) => {
  stopBurners();
  console.log(`[test:integration:load] extension-host suite under load: ${code === 0 ? 'passed' : `FAILED (${signal ?? code})`}`);
  process.exit(code ?? 1);
});
