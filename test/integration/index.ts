// The module VS Code's extension host loads as --extensionTestsPath: runs every suite/**/*.test.js
// (bundled next to this file by runTests.mjs) with mocha and resolves when all passed. The runner
// opens two windows: a trusted one and one whose folder is not trusted (for *.untrusted.test.ts).
import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/** `*.untrusted.test.js` runs in the window whose folder is not trusted, every other suite in the trusted one. */
function testFiles(dir: string, untrusted: boolean): string[] {
  const wanted = (name: string) => name.endsWith('.test.js') && name.endsWith('.untrusted.test.js') === untrusted;
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && wanted(entry.name))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

export function run(): Promise<void> {
  process.setSourceMapsEnabled(true);
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec' });
  // Suites may be written with either mocha interface: suite/test or describe/it.
  Mocha.interfaces.bdd(mocha.suite);
  const grep = process.env.MKD_TEST_GREP;
  if (grep) mocha.grep(grep);
  const untrusted = process.env.MKD_TEST_WINDOW === 'untrusted';
  if (vscode.workspace.isTrusted === untrusted) {
    return Promise.reject(new Error(`The ${untrusted ? 'untrusted' : 'trusted'} test window opened with workspace trust ${vscode.workspace.isTrusted ? 'granted' : 'withheld'}.`));
  }
  for (const file of testFiles(path.join(__dirname, 'suite'), untrusted)) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed.`));
      else resolve();
    });
  });
}
