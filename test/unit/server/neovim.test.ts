// Another editor: neovim 0.7+ (Debian's `neovim`, installed by scripts/ensure-test-tools.sh) runs
// `mistral-key-doctor-language-server --stdio` from the installed npm package with the setup the
// README gives, shows the diagnostics, and applies the quick fix. The config has non-ASCII text before the model, where byte and UTF-16
// columns differ.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { installedPackage, type InstalledPackage } from '../package/installedPackage';

let workspace: string | null = null;
let installed: InstalledPackage;

beforeAll(async () => {
  installed = await installedPackage();
}, 120_000);

afterAll(() => installed?.remove());

afterEach(() => {
  if (workspace) fs.rmSync(workspace, { recursive: true, force: true });
  workspace = null;
});

interface NeovimRun {
  status: string;
  steps: string[];
  diagnostics?: { lnum: number; col: number; code: string; message: string; source: string }[];
  action?: { title: string; kind: string };
  applied?: string[];
}

function runNeovim(file: string, cwd: string): Promise<NeovimRun> {
  const resultPath = path.join(cwd, 'result.json');
  return new Promise((resolve, reject) => {
    execFile('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${path.join(__dirname, 'neovimClient.lua')}`, file], {
      cwd, timeout: 60_000, env: { ...process.env, PATH: installed.env.PATH, MKD_SERVER: 'mistral-key-doctor-language-server', MKD_RESULT: resultPath, HOME: cwd, XDG_STATE_HOME: cwd, XDG_DATA_HOME: cwd },
    }, (error, _stdout, stderr) => {
      if (!fs.existsSync(resultPath)) return reject(new Error(`neovim wrote no result (${error?.message ?? 'no error'}): ${stderr}`));
      resolve(JSON.parse(fs.readFileSync(resultPath, 'utf8')) as NeovimRun);
    });
  });
}

describe('neovim as the editor', () => {
  it('shows the diagnostic and applies the pin quick fix through mistral-key-doctor-language-server --stdio', async () => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-nvim-'));
    const config = path.join(workspace, '.continue', 'config.yaml');
    fs.mkdirSync(path.dirname(config));
    const before = '  - {name: Complétion « rapide », provider: mistral, model: ';
    fs.writeFileSync(config, `name: Équipe café\nversion: 1.0.0\nmodels:\n${before}codestral-latest}\n`);
    const run = await runNeovim(config, workspace);
    expect(run.status).toBe('ok');
    // neovim keeps byte columns; the server speaks UTF-16: both agree on where the id starts.
    expect(run.diagnostics).toEqual([expect.objectContaining({ lnum: 3, col: Buffer.byteLength(before), code: 'model-moving-alias', source: 'Mistral Key Doctor' })]);
    expect(run.action).toEqual({ title: 'Switch model to codestral-2501', kind: 'quickfix.mistralKeyDoctor.pinModel' });
    expect(fs.readFileSync(config, 'utf8')).toBe(`name: Équipe café\nversion: 1.0.0\nmodels:\n${before}codestral-2501}\n`);
    expect(run.steps).toEqual(['attached', 'diagnostics', 'action', 'applied', 'cleared']);
  }, 90_000);
});
