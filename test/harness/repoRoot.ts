import fs from 'node:fs';
import path from 'node:path';

/** The checkout this harness belongs to, found from the running (source or bundled) file upwards. */
export function repoRoot(from: string = __dirname): string {
  let dir = path.resolve(from);
  for (;;) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { name?: string }).name === 'mistral-key-doctor') return dir;
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error(`No mistral-key-doctor package.json above ${from}: run the tests from the project checkout.`);
    dir = parent;
  }
}
