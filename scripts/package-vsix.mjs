// `npm run package` (and `node scripts/package-vsix.mjs --list`): the .vsix. package.json's `files`
// is the npm package's allowlist and .vscodeignore the .vsix's; vsce refuses a folder that has both,
// so the release build is packed from a stage folder holding package.json without `files`, the
// .vscodeignore and the files that allowlist names.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { VSIX_README, writeVsixReadme } from './vsix-readme.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const stage = path.join(root, '.vsix-stage');
const vsce = path.join(root, 'node_modules/@vscode/vsce/vsce');
const list = process.argv.includes('--list');

/** What .vscodeignore lets through (its `!` lines), cut at the first glob character: vsce filters the rest. */
function allowedRoots() {
  return fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n')
    .map((line) => line.trim()).filter((line) => line.startsWith('!'))
    .map((line) => line.slice(1).split(/[*?[{]/)[0].replace(/\/$/, ''))
    .filter((entry) => entry !== '' && fs.existsSync(path.join(root, entry)));
}

function copyAllowed() {
  for (const entry of new Set([...allowedRoots(), '.vscodeignore', VSIX_README])) {
    fs.cpSync(path.join(root, entry), path.join(stage, entry), { recursive: true });
  }
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  delete manifest.files;
  // The stage holds the release build already: vsce must not build again where no sources are.
  manifest.scripts = {};
  fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

// The release build writes the extension page; a listing after a development build writes it here.
if (list) writeVsixReadme(root);
else execFileSync('npm', ['run', '--silent', 'build:release'], { cwd: root, stdio: 'inherit' });
fs.rmSync(stage, { recursive: true, force: true });
copyAllowed();
const args = list
  ? ['ls', '--no-dependencies', '--readme-path', VSIX_README]
  : ['package', '--no-dependencies', '--readme-path', VSIX_README, '--no-rewrite-relative-links', '-o', path.join(root, 'mistral-key-doctor.vsix')];
execFileSync(process.execPath, [vsce, ...args], { cwd: stage, stdio: 'inherit' });
fs.rmSync(stage, { recursive: true, force: true });
