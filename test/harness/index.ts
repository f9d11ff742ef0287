// What the .mjs runners (test/integration/runTests.mjs, test/e2e/run.mjs) use after bundling the harness.
export { launchBrowser, workbenchUrl } from './browser';
export { codeServerBinary, codeServerVersion, installExtension, startCodeServer, type CodeServer } from './codeServer';
export { freePort } from './freePort';
export { waitFor, type WaitOptions } from './poll';
export { repoRoot } from './repoRoot';
export { BASE_USER_SETTINGS, createRunDir, runDirAt, writeUserSettings, type RunDir } from './runDir';
