// The npm package: packed, installed into a scratch prefix outside the repository, and both of its
// commands run from there as a user runs them (`mistral-key-doctor`, `mistral-key-doctor-language-server`).
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProtocolConnection, InitializeRequest, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import manifest from '../../../package.json';
import { installedPackage, REPO_ROOT, type InstalledPackage } from './installedPackage';

const run = promisify(execFile);
let installed: InstalledPackage;

beforeAll(async () => {
  installed = await installedPackage();
}, 120_000);

afterAll(() => installed?.remove());

function command(name: string, args: string[], env: Record<string, string> = {}) {
  return run(path.join(installed.bin, name), args, { cwd: installed.dir, env: { ...installed.env, ...env } });
}

describe('the package manifest', () => {
  it('is publishable, builds the release bundles before packing, and installs only what the bundles require', () => {
    expect(manifest).not.toHaveProperty('private');
    expect(manifest.scripts.prepack).toBe('npm run build:release');
    // The CLI bundle leaves undici out (it serves only runs behind a proxy) and requires it at run time.
    expect(Object.keys(manifest.dependencies)).toEqual(['undici']);
    expect(fs.readFileSync(path.join(REPO_ROOT, 'esbuild.mjs'), 'utf8')).toMatch(/external: \[\.\.\.node\.external, 'undici'\]/);
  });

  it('gives Node nothing to load from the VS Code-only bundle', () => {
    expect(manifest.exports).toEqual({ './package.json': './package.json' });
    expect(installed.files).not.toContain('dist/extension.js');
  });
});

describe('the packed tarball', () => {
  it('holds the two command bundles, the Chinese strings, the notices, README and LICENSE, and nothing else', () => {
    expect(installed.files).toEqual([
      'LICENSE', 'README.md', 'dist/THIRD_PARTY_NOTICES.md', 'dist/cli.js', 'dist/server.js', 'l10n/bundle.l10n.zh-cn.json', 'package.json',
    ]);
  });

  it('carries the license of every bundled library, Apache-2.0 and BSD included', () => {
    const notices = fs.readFileSync(path.join(installed.bin, '../lib/node_modules/mistral-key-doctor/dist/THIRD_PARTY_NOTICES.md'), 'utf8');
    expect(notices).toMatch(/^## @mistralai\/mistralai [\d.]+ \(Apache-2\.0\)$/m);
    expect(notices).toMatch(/^## smol-toml [\d.]+ \(BSD-3-Clause\)$/m);
    expect(notices).toMatch(/^## zod [\d.]+ \(MIT\)$/m);
    expect(notices).toContain('Apache License');
  });
});

describe('mistral-key-doctor, installed', () => {
  it('prints its version and runs the demo outside the repository', async () => {
    expect((await command('mistral-key-doctor', ['--version'])).stdout).toBe(`${manifest.version}\n`);
    const demo = await command('mistral-key-doctor', ['demo']);
    expect(demo.stdout).toContain('End of the demo.');
  }, 30_000);

  it('speaks Simplified Chinese under LANG=zh_CN.UTF-8', async () => {
    const { stdout } = await command('mistral-key-doctor', ['--help'], { LANG: 'zh_CN.UTF-8' });
    expect(stdout).toMatch(/^用法：/);
  });
});

describe('mistral-key-doctor-language-server, installed', () => {
  it('answers initialize over stdio with its name and the package version, and runs no command of its own', async () => {
    const child = spawn(path.join(installed.bin, 'mistral-key-doctor-language-server'), ['--stdio'], { cwd: installed.dir, env: installed.env });
    const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
    connection.listen();
    try {
      const result = await connection.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {} });
      expect(result.serverInfo).toEqual({ name: 'mistral-key-doctor-config', version: manifest.version });
      expect(result.capabilities.executeCommandProvider).toBeUndefined();
    } finally {
      connection.dispose();
      child.kill();
    }
  });
});
