// The npm package as a user gets it: `npm pack` of the package folder as `prepack` leaves it (the
// release bundles, staged in a scratch folder, never in dist/), installed with `npm install --global`
// into a scratch prefix outside the repository. Built, packed and installed once per test file.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const REPO_ROOT = path.resolve(__dirname, '../../..');

export interface InstalledPackage {
  /** The scratch folder, outside the repository: the prefix, the tarball and a working directory. */
  dir: string;
  /** The prefix's `bin` folder, where npm linked the package's commands. */
  bin: string;
  /** The files the tarball holds, as `npm pack` listed them. */
  files: string[];
  /** An environment for the commands: only PATH (the prefix's bin first) and a scratch HOME. */
  env: Record<string, string>;
  remove(): void;
}

let installing: Promise<InstalledPackage> | null = null;

async function packAndInstall(): Promise<InstalledPackage> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-package-'));
  const stage = path.join(dir, 'stage');
  const { buildNpmPackageStage } = (await import(path.join(REPO_ROOT, 'test/harness/testBuilds.mjs'))) as { buildNpmPackageStage: (root: string, dir: string) => Promise<void> };
  await buildNpmPackageStage(REPO_ROOT, stage);
  const { stdout } = await run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: stage });
  const [packed] = JSON.parse(stdout) as { filename: string; files: { path: string }[] }[];
  const prefix = path.join(dir, 'prefix');
  await run('npm', ['install', '--global', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', path.join(dir, packed!.filename)], { cwd: dir });
  const bin = path.join(prefix, 'bin');
  const home = path.join(dir, 'home');
  fs.mkdirSync(home);
  return {
    dir, bin, files: packed!.files.map((file) => file.path).sort(),
    env: { PATH: `${bin}${path.delimiter}${path.dirname(process.execPath)}${path.delimiter}/usr/bin:/bin`, HOME: home },
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

export function installedPackage(): Promise<InstalledPackage> {
  installing ??= packAndInstall();
  return installing;
}
