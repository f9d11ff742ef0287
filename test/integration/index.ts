// The module VS Code's extension host loads as --extensionTestsPath: runs every suite/**/*.test.js
// (bundled next to this file by runTests.mjs) with mocha and resolves when all passed.
import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.js'))
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
  for (const file of testFiles(path.join(__dirname, 'suite'))) mocha.addFile(file);
  return new Promise((resolve, reject) => {
    mocha.run((failures) => {
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed.`));
      else resolve();
    });
  });
}
