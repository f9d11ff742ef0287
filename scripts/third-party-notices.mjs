// The licenses of every package the bundles carry, written at build time from esbuild's metafiles,
// so the .vsix and the npm package ship the notices that Apache-2.0, BSD and MIT code asks for. A
// bundled package with no license text fails the build rather than shipping without its notice.
import fs from 'node:fs';
import path from 'node:path';

export const THIRD_PARTY_NOTICES = 'dist/THIRD_PARTY_NOTICES.md';

const LICENSE_FILE = /^(licen[sc]e|copying|notice)(\.(md|txt|markdown))?$/i;

/** The package folder an input path lies in (`node_modules/@scope/name`, nested ones included), or null. */
function packageDirOf(input) {
  const parts = input.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0) return null;
  const nameLength = parts[at + 1]?.startsWith('@') ? 2 : 1;
  return parts.slice(0, at + 1 + nameLength).join('/');
}

/** The package folders (relative to `root`) whose files any of the metafiles bundled. */
export function bundledPackageDirs(metafiles) {
  const dirs = new Set();
  for (const metafile of metafiles) {
    for (const input of Object.keys(metafile.inputs)) {
      const dir = packageDirOf(input);
      if (dir) dirs.add(dir);
    }
  }
  return [...dirs];
}

const MIT_TEXT = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction, including
without limitation the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is furnished to do so, subject to the
following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial
portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE
USE OR OTHER DEALINGS IN THE SOFTWARE.`;

/** A package that ships no license file (@vscode/l10n): its declared MIT license, with its author as the holder. */
function mitTextFor(manifest) {
  if (manifest.license !== 'MIT') throw new Error(`${manifest.name} is bundled but has no license file: add its notice before shipping it.`);
  const author = typeof manifest.author === 'string' ? manifest.author : manifest.author?.name;
  if (!author) throw new Error(`${manifest.name} is bundled with no license file and no author to name: add its notice before shipping it.`);
  return `MIT License\n\nCopyright (c) ${author}\n\n${MIT_TEXT}`;
}

function noticeOf(root, dir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, dir, 'package.json'), 'utf8'));
  const files = fs.readdirSync(path.join(root, dir)).filter((name) => LICENSE_FILE.test(name)).sort();
  const texts = files.map((name) => fs.readFileSync(path.join(root, dir, name), 'utf8').trim());
  if (texts.length === 0) texts.push(mitTextFor(manifest));
  return { name: manifest.name, version: manifest.version, license: manifest.license ?? 'see below', texts };
}

/** Markdown: one section per package (name, version, license), with its license files verbatim. */
export function thirdPartyNotices(root, dirs) {
  const notices = [...new Map(dirs.map((dir) => noticeOf(root, dir)).map((notice) => [`${notice.name}@${notice.version}`, notice])).values()]
    .sort((a, b) => a.name.localeCompare(b.name));
  const sections = notices.map(({ name, version, license, texts }) =>
    [`## ${name} ${version} (${license})`, '', ...texts.map((text) => ['```', text, '```', ''].join('\n'))].join('\n'));
  return [
    '# Third-party notices',
    '',
    'Mistral Key Doctor bundles the following packages. Their licenses follow, as each package ships them.',
    '',
    ...sections,
  ].join('\n');
}

/** Writes the notices for these packages, plus the packages the npm package installs beside the bundles. */
export function writeThirdPartyNotices(root, metafiles, runtimeDependencies) {
  const dirs = [...bundledPackageDirs(metafiles), ...runtimeDependencies.map((name) => `node_modules/${name}`)];
  fs.writeFileSync(path.join(root, THIRD_PARTY_NOTICES), thirdPartyNotices(root, dirs));
}
