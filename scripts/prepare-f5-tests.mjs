// Before the "Extension Tests" launch (.vscode/launch.json): builds the extension-host suites into
// out/test/ and the test extension into .test-build/extension/ (test/harness/testBuilds.mjs), and
// gives the run a fresh folder, .test-runs/f5/, with a copy of the fixture workspace
// and the test user settings, as `npm run test:integration` does for its own runs.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildTests } from '../test/harness/buildTests.mjs';
import { buildTestExtension } from '../test/harness/testBuilds.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = await buildTests(root, { integration: true });
await buildTestExtension(root, path.join(root, '.test-build/extension'));
const harness = createRequire(import.meta.url)(path.join(out, 'harness/index.js'));
const runDir = path.join(root, '.test-runs/f5');
fs.rmSync(runDir, { recursive: true, force: true });
const run = harness.runDirAt(runDir);
fs.cpSync(path.join(root, 'test/integration/fixtures/workspace'), path.join(runDir, 'workspace'), { recursive: true });
harness.writeUserSettings(run);
console.log(`extension-host tests built into ${path.relative(root, out)}; run folder ${path.relative(root, runDir)}`);
