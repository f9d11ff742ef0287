// Before the "Extension Tests" launch (.vscode/launch.json): builds the extension-host suites into
// out/test/ and gives the run a fresh folder, .test-runs/f5/, with a copy of the fixture workspace
// and the test user settings, as `npm run test:integration` does for its own runs.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTests } from '../test/harness/buildTests.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = await buildTests(root, { integration: true });
const harness = createRequire(import.meta.url)(path.join(out, 'harness/index.js'));
const runDir = path.join(root, '.test-runs/f5');
fs.rmSync(runDir, { recursive: true, force: true });
const run = harness.runDirAt(runDir);
fs.cpSync(path.join(root, 'test/integration/fixtures/workspace'), path.join(runDir, 'workspace'), { recursive: true });
harness.writeUserSettings(run);
console.log(`extension-host tests built into ${path.relative(root, out)}; run folder ${path.relative(root, runDir)}`);
