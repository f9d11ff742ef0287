import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from './repoRoot';

/** Settings every test workbench starts with: nothing may steal focus or reach the network. */
export const BASE_USER_SETTINGS: Readonly<Record<string, unknown>> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'chat.disableAIFeatures': true,
  // Run folders sit inside the checkout: do not offer to open its git repository.
  'git.openRepositoryInParentFolders': 'never',
};

/** One test run's private folders: nothing is shared with other runs or with the real $HOME. */
export interface RunDir {
  dir: string;
  home: string;
  userDataDir: string;
  extensionsDir: string;
  /** Environment for every process of the run (code-server, its extension host, Chromium). */
  env: NodeJS.ProcessEnv;
  remove(): void;
}

/** Creates `.test-runs/<label>-XXXXXX` in the checkout (git-ignored). Kept afterwards when KEEP_RUN_DIR is set. */
export function createRunDir(label: string): RunDir {
  const parent = path.join(repoRoot(), '.test-runs');
  fs.mkdirSync(parent, { recursive: true });
  const dir = fs.mkdtempSync(path.join(parent, `${label}-`));
  return runDirAt(dir);
}

/** The same layout on a folder that exists already (e.g. one a caller passed with --user-data-dir). */
export function runDirAt(dir: string, userDataDir = path.join(dir, 'user-data'), extensionsDir = path.join(dir, 'extensions')): RunDir {
  const home = path.join(dir, 'home');
  for (const folder of [home, path.join(userDataDir, 'User'), extensionsDir, path.join(dir, 'tmp')]) fs.mkdirSync(folder, { recursive: true });
  // Chromium's crashpad and VS Code's machine id write under $HOME whatever --user-data-dir says.
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    HOME: home,
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local/share'),
    XDG_CACHE_HOME: path.join(home, '.cache'),
    TMPDIR: path.join(dir, 'tmp'),
    NODE_COMPILE_CACHE: '',
    // code-server's extension gallery (open-vsx.org) is out of reach and out of bounds: point it at a closed loopback port.
    EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/items' }),
  };
  // Tests decide which keys exist: none leaks in from the machine running them.
  delete env.MISTRAL_API_KEY;
  delete env.CODESTRAL_API_KEY;
  return {
    dir, home, userDataDir, extensionsDir, env,
    remove: () => {
      if (!process.env.KEEP_RUN_DIR) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Writes the user settings.json of a run: the base settings plus `extra` (extra wins). */
export function writeUserSettings(run: RunDir, extra: Record<string, unknown> = {}): void {
  const file = path.join(run.userDataDir, 'User', 'settings.json');
  fs.writeFileSync(file, JSON.stringify({ ...BASE_USER_SETTINGS, ...extra }, null, 2));
}
