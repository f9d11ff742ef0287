// `mistral-key-doctor demo` and `auto` (what `npm run doctor` runs), spawned for real.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CASES } from '../../../src/emulator';
import { assertCliBuilt, runCli } from './cliProcess';

beforeAll(() => {
  assertCliBuilt();
});

describe('demo', () => {
  it('labels itself as a demo on a local emulator and prints every case in order, then exits 0', async () => {
    const run = await runCli(['demo']);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n')[0]).toMatch(/^DEMO: .*local emulator .*127\.0\.0\.1.*Nothing is sent to Mistral\./);
    const titles = DEMO_CASES.map((demo, index) => run.stdout.indexOf(`Demo ${index + 1} of ${DEMO_CASES.length}: ${demo.title}`));
    expect(titles.every((position) => position > 0)).toBe(true);
    expect([...titles].sort((a, b) => a - b)).toEqual(titles);
    expect(run.stdout).toContain('A legacy Mistral Code key was sent to api.mistral.ai');
    expect(run.stdout).toContain('Key type: Studio key · plan Free API');
    expect(run.stdout).toContain('End of the demo.');
  });

  it('runs in Simplified Chinese too', async () => {
    const run = await runCli(['demo'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('演示：');
    expect(run.stdout).toContain(`演示 1/${DEMO_CASES.length}：`);
  });
});

describe('auto (npm run doctor)', () => {
  it('runs the demo when no key is set, and says so', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-auto-'));
    const run = await runCli(['auto'], { env: { HOME: home }, cwd: home });
    fs.rmSync(home, { recursive: true });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('No Mistral key found on this machine');
    expect(run.stdout).toMatch(/^DEMO: /);
  });

  it('checks the key when MISTRAL_API_KEY is set, not the demo', async () => {
    // auto always targets Mistral's real hosts, which tests must not reach: a masked copy is diagnosed without sending anything.
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-auto-'));
    const run = await runCli(['auto'], { env: { MISTRAL_API_KEY: 'CnsL...j5Ue', HOME: home }, cwd: home });
    fs.rmSync(home, { recursive: true });
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('Key from MISTRAL_API_KEY');
    expect(run.stdout).toContain('masked form of a key');
    expect(run.stdout).not.toContain('DEMO');
  });
});
