import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CreateFile, TextDocumentEdit, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { extractContinueYaml } from '../../../src/server/formats/continueYaml';
import { gitStatus } from '../../../src/server/gitStatus';
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

  it('appends to existing files, keeps their line ends, and picks a free variable name', async () => {
    const { configPath, document, key, read } = setUp({
      '.continue/config.yaml': config,
      '.gitignore': 'node_modules',
    });
    repo!.write('.continue/.env', 'MISTRAL_API_KEY=someOtherKey\r\n');
    applyToDisk(moved(await move(document, configPath, key)).edit);
    expect(read('.continue/config.yaml')).toContain('apiKey: ${{ secrets.MISTRAL_API_KEY_2 }}');
    expect(read('.continue/.env')).toBe(`MISTRAL_API_KEY=someOtherKey\r\nMISTRAL_API_KEY_2=${FAKE_KEY}\r\n`);
    expect(read('.gitignore')).toBe('node_modules\n.env\n');
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
});
