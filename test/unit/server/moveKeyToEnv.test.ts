import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CreateFile, TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { extractContinueYaml } from '../../../src/server/formats/continueYaml';
import { gitStatus } from '../../../src/shared/gitStatus';
import { continueEnvPath, moveKeyToEnvEdit, type MovedKey } from '../../../src/server/moveKeyToEnv';
import type { TextValue } from '../../../src/server/configFacts';
import { tempGitRepo, type TempRepo } from './gitRepo';
import { FAKE_KEY } from './ruleContext';

const config = `models:\n  - provider: mistral\n    model: codestral-2508\n    apiKey: ${FAKE_KEY}\n`;

let repo: TempRepo | null = null;
afterEach(() => {
  repo?.remove();
  repo = null;
});

/** Applies a workspace edit to the files on disk (what an editor does on "apply"). */
function applyToDisk(edit: WorkspaceEdit): void {
  for (const change of edit.documentChanges ?? []) {
    if (CreateFile.is(change)) {
      const file = new URL(change.uri);
      if (!fs.existsSync(file)) fs.writeFileSync(file, '');
    } else if (TextDocumentEdit.is(change)) {
      const file = new URL(change.textDocument.uri);
      const document = TextDocument.create(change.textDocument.uri, 'text', 0, fs.readFileSync(file, 'utf8'));
      fs.writeFileSync(file, TextDocument.applyEdits(document, change.edits as TextEdit[]));
    }
  }
}

function setUp(files: Record<string, string>) {
  repo = tempGitRepo();
  for (const [name, text] of Object.entries(files)) repo.write(name, text);
  const configPath = path.join(repo.root, '.continue/config.yaml');
  repo.commit(...Object.keys(files));
  const document = TextDocument.create(pathToFileURL(configPath).toString(), 'yaml', 3, config);
  const key = extractContinueYaml(config).entries[0]!.apiKey!;
  return { configPath, document, key, read: (name: string) => fs.readFileSync(path.join(repo!.root, name), 'utf8') };
}

const FULL = { documentChanges: true, createFiles: true, disabledActions: true };

async function move(document: TextDocument, configPath: string, key: TextValue, trusted = true, capabilities = FULL): Promise<MovedKey> {
  return moveKeyToEnvEdit({ document, configPath, key, openDocument: () => undefined, git: gitStatus(() => trusted), capabilities });
}

function moved(result: MovedKey): { edit: WorkspaceEdit; reference: string } {
  if (!result.ok) throw new Error(`not moved: ${result.reason}`);
  return result;
}

describe('moveKeyToEnvEdit', () => {
  it('creates .continue/.env, references the secret and ignores .env in git', async () => {
    const { configPath, document, key, read } = setUp({ '.continue/config.yaml': config });
    const { edit, reference } = moved(await move(document, configPath, key));
    expect(reference).toBe('${{ secrets.MISTRAL_API_KEY }}');
    const [first] = edit.documentChanges ?? [];
    expect(first && TextDocumentEdit.is(first) && first.textDocument).toEqual({ uri: document.uri, version: 3 });
    applyToDisk(edit);
    expect(read('.continue/config.yaml')).toBe(config.replace(FAKE_KEY, '${{ secrets.MISTRAL_API_KEY }}'));
    expect(read('.continue/.env')).toBe(`MISTRAL_API_KEY=${FAKE_KEY}\n`);
    expect(read('.gitignore')).toBe('.env\n');
  });

  it('adds its line at the start of files on disk, keeps their line ends, and picks a free variable name', async () => {
    const { configPath, document, key, read } = setUp({
      '.continue/config.yaml': config,
      '.gitignore': 'node_modules',
    });
    repo!.write('.continue/.env', 'MISTRAL_API_KEY=someOtherKey\r\n');
    applyToDisk(moved(await move(document, configPath, key)).edit);
    expect(read('.continue/config.yaml')).toContain('apiKey: ${{ secrets.MISTRAL_API_KEY_2 }}');
    expect(read('.continue/.env')).toBe(`MISTRAL_API_KEY_2=${FAKE_KEY}\r\nMISTRAL_API_KEY=someOtherKey\r\n`);
    expect(read('.gitignore')).toBe('.env\nnode_modules');
  });

  it('reuses an entry that already holds the key and leaves an ignoring .gitignore alone', async () => {
    const { configPath, document, key, read } = setUp({
      '.continue/config.yaml': config,
      '.gitignore': '**/.env\n',
    });
    repo!.write('.continue/.env', `# mine\nMISTRAL_API_KEY=${FAKE_KEY}\n`);
    const { edit } = moved(await move(document, configPath, key));
    expect(edit.documentChanges).toHaveLength(1);
    applyToDisk(edit);
    expect(read('.gitignore')).toBe('**/.env\n');
  });

  it('refuses, naming the file, when git tracks the .env the key would go to', async () => {
    const { configPath, document, key, read } = setUp({
      '.continue/config.yaml': config,
      '.continue/.env': 'OTHER=1\n',
    });
    const result = await move(document, configPath, key);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain(path.join(repo!.root, '.continue/.env'));
    expect(read('.continue/.env')).toBe('OTHER=1\n');
  });

  it('refuses when the workspace is untrusted, since git may not check the .env', async () => {
    const { configPath, document, key } = setUp({ '.continue/config.yaml': config });
    repo!.write('.continue/.env', 'OTHER=1\n');
    const result = await move(document, configPath, key, false);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('untrusted');
  });

  it('sends plain changes to a client without documentChanges, and nothing when a file must be created', async () => {
    const { configPath, document, key } = setUp({ '.continue/config.yaml': config, '.gitignore': '.env\n' });
    const plain = { documentChanges: false, createFiles: false, disabledActions: false };
    expect(await move(document, configPath, key, true, plain)).toEqual({ ok: false, reason: null });
    repo!.write('.continue/.env', '# keys\n');
    const { edit } = moved(await move(document, configPath, key, true, plain));
    expect(edit.documentChanges).toBeUndefined();
    expect(Object.keys(edit.changes ?? {})).toEqual([document.uri, pathToFileURL(path.join(repo!.root, '.continue/.env')).toString()]);
  });

  it('puts the .env of a model block next to the .continue folder', () => {
    expect(continueEnvPath('/w/.continue/models/codestral.yaml')).toBe(path.join('/w/.continue/.env'));
    expect(continueEnvPath('/w/.continue/config.yaml')).toBe(path.join('/w/.continue/.env'));
  });

  it('refuses a committed .env that is a symlink to a file that does not exist yet, and creates nothing', async () => {
    const { configPath, document, key } = setUp({ '.continue/config.yaml': config });
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-outside-'));
    const collected = path.join(outside, 'collected.txt');
    fs.symlinkSync(collected, path.join(repo!.root, '.continue/.env'));
    repo!.commit('.continue/.env');
    try {
      const result = await move(document, configPath, key);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toContain(path.join(repo!.root, '.continue/.env'));
      expect(fs.existsSync(collected)).toBe(false);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('refuses a .env that is a symlink to a file inside the workspace too', async () => {
    const { configPath, document, key, read } = setUp({ '.continue/config.yaml': config, 'notes.txt': 'mine\n' });
    fs.symlinkSync('../notes.txt', path.join(repo!.root, '.continue/.env'));
    const result = await move(document, configPath, key);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toContain('symbolic link');
    expect(read('notes.txt')).toBe('mine\n');
  });

  it('refuses a .continue folder that links outside the workspace, naming where it leads', async () => {
    repo = tempGitRepo();
    const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-outside-')));
    try {
      fs.writeFileSync(path.join(outside, 'config.yaml'), config);
      fs.symlinkSync(outside, path.join(repo.root, '.continue'));
      const configPath = path.join(repo.root, '.continue/config.yaml');
      const document = TextDocument.create(pathToFileURL(configPath).toString(), 'yaml', 1, config);
      const key = extractContinueYaml(config).entries[0]!.apiKey!;
      const result = await moveKeyToEnvEdit({
        document, configPath, key, openDocument: () => undefined, git: gitStatus(() => true), capabilities: FULL, workspaceFolders: [repo.root],
      });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.reason).toContain(path.join(outside, '.env'));
      expect(fs.existsSync(path.join(outside, '.env'))).toBe(false);
    } finally {
      fs.rmSync(outside, { recursive: true, force: true });
    }
  });

  it('never splits a line of a .env on disk that changed between the code action and its application', async () => {
    const { configPath, document, key, read } = setUp({ '.continue/config.yaml': config, '.gitignore': '.env\n' });
    repo!.write('.continue/.env', 'OTHER=1');
    const { edit } = moved(await move(document, configPath, key));
    repo!.write('.continue/.env', 'OTHER=1\nLONGER_VALUE=abcdef\n');
    applyToDisk(edit);
    expect(read('.continue/.env').split('\n').sort()).toEqual(['', 'LONGER_VALUE=abcdef', `MISTRAL_API_KEY=${FAKE_KEY}`, 'OTHER=1']);
  });

  it('edits an open .env at the version it read', async () => {
    const { configPath, document, key } = setUp({ '.continue/config.yaml': config, '.gitignore': '.env\n' });
    const envFile = repo!.write('.continue/.env', 'OTHER=1\n');
    const envUri = pathToFileURL(envFile).toString();
    const open = TextDocument.create(envUri, 'dotenv', 7, 'OTHER=1\nUNSAVED=2');
    const result = moved(await moveKeyToEnvEdit({
      document, configPath, key, openDocument: (uri) => (uri === envUri ? open : undefined), git: gitStatus(() => true), capabilities: FULL,
    }));
    const envChange = result.edit.documentChanges?.find((change) => TextDocumentEdit.is(change) && change.textDocument.uri === envUri);
    expect(envChange && TextDocumentEdit.is(envChange) && envChange.textDocument.version).toBe(7);
  });
});
