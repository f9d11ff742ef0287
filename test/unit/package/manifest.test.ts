// What the extension's manifest claims, held to what the tests prove: the oldest VS Code in
// engines.vscode is the one the code type-checks against (@types/vscode) and the one the
// extension-host suite runs on (the oldest code-server scripts/ensure-test-tools.sh installs).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import manifest from '../../../package.json';
import { REPO_ROOT } from './installedPackage';

function oldestCodeServer(): string {
  const script = fs.readFileSync(path.join(REPO_ROOT, 'scripts/ensure-test-tools.sh'), 'utf8');
  const version = /^OLDEST_CODE_SERVER_VERSION=(\d+\.\d+\.\d+)/m.exec(script)?.[1];
  if (!version) throw new Error('scripts/ensure-test-tools.sh names no OLDEST_CODE_SERVER_VERSION');
  return version;
}

describe('engines.vscode', () => {
  it('claims the VS Code the code type-checks against and the extension-host suite runs on', () => {
    const claimed = /^\^1\.(\d+)\.0$/.exec(manifest.engines.vscode)?.[1];
    expect(claimed).toBeDefined();
    expect(manifest.devDependencies['@types/vscode']).toBe(`1.${claimed}.0`);
    // code-server 4.X.Y is VS Code 1.X.Y.
    expect(oldestCodeServer().split('.')[1]).toBe(claimed);
    expect(fs.readFileSync(path.join(REPO_ROOT, 'test/integration/runTests.mjs'), 'utf8')).toContain('code-server-oldest');
  });

  it('lists the extension under AI, beside Linters', () => {
    expect(manifest.categories).toEqual(expect.arrayContaining(['AI', 'Linters']));
  });
});
