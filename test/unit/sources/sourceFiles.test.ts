import { mkdirSync, symlinkSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_SOURCE_FILE_BYTES, SourceFiles } from '../../../src/sources/sourceFiles';
import { KEY_A, makeTree } from './tree';

function filesFor(tree: ReturnType<typeof makeTree>, readFile?: (file: string) => Promise<string>): SourceFiles {
  return new SourceFiles(tree.home, [tree.workspace], readFile);
}

function rejectWith(code: string): () => Promise<string> {
  return () => Promise.reject(Object.assign(new Error('refused'), { code }));
}

describe('SourceFiles', () => {
  it('treats a missing file as absent, without a problem', async () => {
    const tree = makeTree({});
    const files = filesFor(tree);
    expect(await files.read(tree.path('home/.continue/config.yaml'))).toBeNull();
    expect(files.problems).toEqual([]);
  });

  it('reports a path that is not a regular file, by path, without reading it', async () => {
    const tree = makeTree({});
    mkdirSync(tree.path('home/.vibe/.env'), { recursive: true });
    symlinkSync('/dev/zero', tree.path('home/.continue.yaml'));
    const files = filesFor(tree);
    expect(await files.readDotenv(tree.path('home/.vibe/.env'), 'python')).toBeNull();
    expect(await files.read(tree.path('home/.continue.yaml'))).toBeNull();
    expect(files.problems.map((p) => p.path)).toEqual([tree.path('home/.vibe/.env'), tree.path('home/.continue.yaml')]);
    expect(files.problems[0]?.message).toBe('Skipped ~/.vibe/.env: it is not a regular file. Check that this is the file you meant.');
  });

  it('skips a file over the size limit (256 KB) with a problem', async () => {
    const tree = makeTree({ 'ws/.env': `MISTRAL_API_KEY=${KEY_A}\n${'#'.repeat(MAX_SOURCE_FILE_BYTES)}` });
    const files = filesFor(tree);
    expect(await files.readDotenv(tree.path('ws/.env'), 'python')).toBeNull();
    expect(files.problems[0]?.message).toMatch(/ws\/\.env.*256 KB/);
  });

  it('also skips a file over the size limit that an injected reader returns', async () => {
    const tree = makeTree({});
    const files = filesFor(tree, async () => 'x'.repeat(MAX_SOURCE_FILE_BYTES + 1));
    expect(await files.read(tree.path('ws/.env'))).toBeNull();
    expect(files.problems).toHaveLength(1);
  });

  it('uses an injected reader, once per path, and treats FileNotFound as absent', async () => {
    const tree = makeTree({});
    const asked: string[] = [];
    const files = filesFor(tree, async (file) => {
      asked.push(file);
      if (file.endsWith('missing')) return rejectWith('FileNotFound')();
      return 'A=1';
    });
    expect((await files.readDotenv(tree.path('ws/.env'), 'python'))?.get('A')?.value).toBe('1');
    expect((await files.readDotenv(tree.path('ws/.env'), 'node'))?.get('A')).toMatchObject({ value: '1', line: 1 });
    expect(await files.read(tree.path('ws/missing'))).toBeNull();
    expect(asked).toEqual([tree.path('ws/.env'), tree.path('ws/missing')]);
    expect(files.problems).toEqual([]);
  });

  it('reports an injected reader refusing access', async () => {
    const tree = makeTree({});
    const files = filesFor(tree, rejectWith('EACCES'));
    expect(await files.read(tree.path('home/.cline/data/secrets.json'))).toBeNull();
    expect(files.problems[0]?.message).toContain('EACCES');
  });

  it('removes a byte order mark', async () => {
    const tree = makeTree({ 'home/x.json': '\uFEFF{"a": 1}' });
    expect(await filesFor(tree).readJson(tree.path('home/x.json'))).toEqual({ a: 1 });
  });

  it('reports broken YAML with its line, without the text of the file', async () => {
    const tree = makeTree({ 'home/c.yaml': `models:\n  - apiKey: "${KEY_A}\n    provider: [mistral\n` });
    const files = filesFor(tree);
    expect(await files.readYaml(tree.path('home/c.yaml'))).toBeUndefined();
    expect(files.problems).toHaveLength(1);
    expect(files.problems[0]?.message).toMatch(/~\/c\.yaml is not valid YAML \(line \d+, column \d+: [A-Z_]+\)/);
    expect(files.problems[0]?.message).not.toContain(KEY_A);
  });

  it('reports YAML with an undefined alias instead of throwing', async () => {
    const tree = makeTree({ 'home/c.yaml': 'models: *missing\n' });
    const files = filesFor(tree);
    expect(await files.readYaml(tree.path('home/c.yaml'))).toBeUndefined();
    expect(files.problems).toHaveLength(1);
  });

  it('reports broken JSON with its line and the parser error code', async () => {
    const tree = makeTree({ 'home/config.json': `{\n  "models": [\n    {"apiKey": "${KEY_A}" "provider": "mistral"}\n  ]\n}` });
    const files = filesFor(tree);
    expect(await files.readJson(tree.path('home/config.json'))).toBeUndefined();
    expect(files.problems[0]?.message).toMatch(/~\/config\.json is not valid JSON \(line 3, column \d+: CommaExpected\)/);
    expect(files.problems[0]?.message).not.toContain(KEY_A);
  });

  it('accepts JSON with comments and trailing commas, as Continue writes it', async () => {
    const tree = makeTree({ 'home/config.json': '{\n  // models\n  "models": [1, 2,],\n}' });
    expect(await filesFor(tree).readJson(tree.path('home/config.json'))).toEqual({ models: [1, 2] });
  });

  it('reports broken TOML with its line, without the text of the file', async () => {
    const tree = makeTree({ 'home/config.toml': `active_model = "x"\nkey = "${KEY_A}\n` });
    const files = filesFor(tree);
    expect(await files.readToml(tree.path('home/config.toml'))).toBeUndefined();
    expect(files.problems[0]?.message).toMatch(/~\/config\.toml is not valid TOML \(line 2, column \d+\)/);
    expect(files.problems[0]?.message).not.toContain(KEY_A);
  });

  it('lists the files of a folder with the given endings, sorted, and nothing for a missing folder', async () => {
    const tree = makeTree({ 'ws/m/d.yaml': '', 'ws/m/b.yaml': '', 'ws/m/a.yml': '', 'ws/m/c.json': '' });
    const files = filesFor(tree);
    expect(await files.list(tree.path('ws/m'), ['.yaml', '.yml']))
      .toEqual([tree.path('ws/m/a.yml'), tree.path('ws/m/b.yaml'), tree.path('ws/m/d.yaml')]);
    expect(await files.list(tree.path('ws/none'), ['.yaml'])).toEqual([]);
    expect(files.problems).toEqual([]);
  });
});
