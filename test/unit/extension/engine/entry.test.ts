import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as EngineModule from '../../../../src/extension/engine/entry';
import { TEST_KEYS } from '../../../../src/emulator';
import { useEmulator } from '../../useEmulator';
// @ts-expect-error: a plain .mjs build helper without type declarations
import { noOpenTelemetry } from '../../../../scripts/no-opentelemetry.mjs';

// The engine as the extension loads it: bundled alone, the way esbuild.mjs builds dist/engine.js.
let dir: string;
let bundleText: string;
let engine: typeof EngineModule;
const emulator = useEmulator();
const resolved: string[] = [];
const resolveFilename = (Module as unknown as { _resolveFilename: (request: string, ...rest: unknown[]) => string })._resolveFilename;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-engine-'));
  const outfile = path.join(dir, 'engine.js');
  await esbuild.build({
    bundle: true, platform: 'node', target: 'node20', format: 'cjs', minify: true, legalComments: 'none', external: ['vscode'],
    plugins: [noOpenTelemetry], mainFields: ['module', 'main'], entryPoints: ['src/extension/engine/entry.ts'], outfile, logLevel: 'silent',
  });
  bundleText = fs.readFileSync(outfile, 'utf8');
  (Module as unknown as { _resolveFilename: typeof resolveFilename })._resolveFilename = function (request: string, ...rest: unknown[]) {
    resolved.push(request);
    return resolveFilename.call(this, request, ...rest);
  };
  engine = createRequire(import.meta.url)(outfile) as typeof EngineModule;
}, 60_000);

afterAll(async () => {
  (Module as unknown as { _resolveFilename: typeof resolveFilename })._resolveFilename = resolveFilename;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the engine bundle', () => {
  it('has no require of OpenTelemetry left for Node to resolve', () => {
    expect(bundleText).not.toMatch(/require\(["']@opentelemetry/);
  });

  it('diagnoses the seed case, and never asks Node for OpenTelemetry while doing it', async () => {
    const diagnosis = await engine.checkKey({
      rawKey: TEST_KEYS.codestral, target: 'api', model: 'codestral-latest', apiUrl: emulator.apiUrl, codestralUrl: emulator.codestralUrl,
      timeoutMs: 5_000, keyAgeMs: null, preferredCodestralModel: 'codestral-2501',
    });
    expect(diagnosis.cause.id).toBe('codestral-key-on-api-host');
    expect(emulator.requests).toHaveLength(2);
    expect(resolved.filter((request) => request.startsWith('@opentelemetry'))).toEqual([]);
  });

  it('exports exactly what the extension calls at check time', () => {
    expect(Object.keys(engine).sort()).toEqual(['checkKey', 'findKeyCandidates', 'renderSupportReport', 'useL10nBundle']);
    for (const name of Object.keys(engine) as (keyof typeof engine)[]) expect(typeof engine[name]).toBe('function');
  });
});
