import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(__dirname, '../../..');

interface VsixReadmeModule {
  vsixReadme: (markdown: string, baseDir: string) => string;
  writeVsixReadme: (root: string) => void;
  VSIX_README: string;
}

async function load(): Promise<VsixReadmeModule> {
  return (await import(path.join(repoRoot, 'scripts/vsix-readme.mjs'))) as VsixReadmeModule;
}

function folderWithImage(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-readme-'));
  fs.mkdirSync(path.join(dir, 'media'));
  fs.writeFileSync(path.join(dir, 'media/shot.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  return dir;
}

describe('vsixReadme', () => {
  it('turns a local image into a reference to a data: URL, which VS Code\'s extension page shows', async () => {
    const { vsixReadme } = await load();
    const readme = vsixReadme('# Title\n\n![The panel](media/shot.png "light")\n', folderWithImage());
    expect(readme).toContain('![The panel][vsix-image-1]');
    expect(readme).toContain('[vsix-image-1]: data:image/png;base64,iVBORw==');
    expect(readme).not.toContain('media/shot.png');
  });

  it('leaves out the blocks marked for the repository only, with their images', async () => {
    const { vsixReadme } = await load();
    const markdown = 'Before\n\n<!-- vsix:omit -->\n![more](media/missing.png)\n<!-- /vsix:omit -->\n\nAfter ![one](media/shot.png)\n';
    const readme = vsixReadme(markdown, folderWithImage());
    expect(readme).not.toContain('more');
    expect(readme).not.toContain('vsix:omit');
    expect(readme).toContain('Before\n\n\nAfter ![one][vsix-image-1]');
  });

  it('inlines reference definitions of local images too, and leaves https images alone', async () => {
    const { vsixReadme } = await load();
    const readme = vsixReadme('![a][shot] ![b](https://example.com/b.png)\n\n[shot]: media/shot.png\n', folderWithImage());
    expect(readme).toContain('[shot]: data:image/png;base64,');
    expect(readme).toContain('![b](https://example.com/b.png)');
  });

  it('keeps only the text of a relative link to a file the .vsix does not hold', async () => {
    const { vsixReadme } = await load();
    expect(vsixReadme('See [the architecture](ARCHITECTURE.md) and [Mistral](https://docs.mistral.ai).', folderWithImage()))
      .toBe('See the architecture and [Mistral](https://docs.mistral.ai).');
  });

  it('fails the release build, naming the link, when an image is missing', async () => {
    const { vsixReadme } = await load();
    expect(() => vsixReadme('![gone](media/gone.png)', folderWithImage())).toThrow(/media\/gone\.png, which does not exist/);
  });

  it('finds every image the repository README shows', async () => {
    const { vsixReadme } = await load();
    const readme = vsixReadme(fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8'), repoRoot);
    expect(readme).toMatch(/\[vsix-image-1\]: data:image\/png;base64,/);
    expect(readme).not.toMatch(/\]\((?!https?:|#)[^)]+\)/);
  });

  it('builds the .vsix page from the users\' page: install, use, settings, what is sent where, privacy, not affiliated with Mistral AI', async () => {
    const { writeVsixReadme, VSIX_README } = await load();
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-page-'));
    for (const file of ['extension-page.md', 'package.json', 'package.nls.json']) fs.copyFileSync(path.join(repoRoot, file), path.join(root, file));
    fs.cpSync(path.join(repoRoot, 'media/screenshots'), path.join(root, 'media/screenshots'), { recursive: true });
    fs.mkdirSync(path.join(root, 'dist'));
    writeVsixReadme(root);
    const page = fs.readFileSync(path.join(root, VSIX_README), 'utf8');
    fs.rmSync(root, { recursive: true });
    const headings = page.match(/^## .+$/gm);
    expect(headings).toEqual(['## Install', '## Use', '## Settings', '## What is sent where', '## Privacy', '## Licence']);
    expect(page).toMatch(/not affiliated with[^.]*Mistral AI/);
    expect(page.match(/\]: data:image\/png;base64,/g)?.length).toBeGreaterThanOrEqual(4);
    // Nothing for developers: no build or test commands, no bench figures.
    expect(page).not.toMatch(/npm ci|npm test|npm run|Developing|bench\//);
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { contributes: { configuration: { properties: Record<string, unknown> } } };
    for (const setting of Object.keys(manifest.contributes.configuration.properties)) expect(page).toContain(`| \`${setting}\` |`);
    expect(page).not.toContain('%config.');
  });
});
