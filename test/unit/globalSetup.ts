// Builds what the process tests spawn (the CLI and the language server) into a folder of this run,
// .test-build/unit-<pid>/, before any test file loads: a fresh clone needs only `npm ci`, and a test
// never spawns a dist/ that `npm run build` is rewriting. Tests find it through `testBuild()`.
import fs from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

const root = path.resolve(__dirname, '../..');
const buildsDir = path.join(root, '.test-build');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Folders left by runs that were killed before their teardown. */
function removeOrphans(): void {
  if (!fs.existsSync(buildsDir)) return;
  for (const name of fs.readdirSync(buildsDir)) {
    const pid = /^unit-(\d+)$/.exec(name)?.[1];
    if (pid !== undefined && !alive(Number(pid))) fs.rmSync(path.join(buildsDir, name), { recursive: true, force: true });
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  removeOrphans();
  const dir = path.join(buildsDir, `unit-${process.pid}`);
  const { buildProcessBundles } = (await import(path.join(root, 'test/harness/testBuilds.mjs'))) as { buildProcessBundles: (root: string, dir: string) => Promise<void> };
  await buildProcessBundles(root, dir);
  project.provide('testBuildDir', dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module 'vitest' {
  export interface ProvidedContext {
    testBuildDir: string;
  }
}
