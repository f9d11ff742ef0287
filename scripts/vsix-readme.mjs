// The extension's page in the .vsix: extension-page.md, the users' README (install, use, settings,
// what is sent where, privacy); the repository's README.md is the developers'. Its settings table is
// built here from package.json and package.nls.json, so it cannot drift from the settings. VS Code
// shows an installed extension's README in a page that loads images only from https: and data: URLs and resolves no
// relative path against the extension, so the release build inlines each local image as a data: URL.
// The images become reference-style links, which vsce leaves alone (it refuses relative inline links
// when package.json names no repository); a relative link to another repository file, which the
// .vsix does not hold, keeps only its text. The repository's README keeps its relative links.
// A block between `<!-- vsix:omit -->` and `<!-- /vsix:omit -->` (more screenshots of the same
// thing) stays in the repository only, which keeps the .vsix small.
import fs from 'node:fs';
import path from 'node:path';

const IMAGE_TYPES = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.svg': 'image/svg+xml' };

export const VSIX_README = 'dist/extension-page.md';

const isRelative = (target) => !/^[a-z][a-z0-9+.-]*:/i.test(target) && !target.startsWith('#');

function dataUrlFor(target, baseDir) {
  const type = IMAGE_TYPES[path.extname(target).toLowerCase()];
  const file = path.join(baseDir, decodeURI(target));
  if (!type) throw new Error(`README.md shows ${target}, which is not a PNG, JPEG, GIF or SVG image.`);
  if (!fs.existsSync(file)) throw new Error(`README.md shows ${target}, which does not exist: fix the link or add the image.`);
  return `data:${type};base64,${fs.readFileSync(file).toString('base64')}`;
}

/** The README as the .vsix ships it: local images as data: URLs, relative links to other files as plain text. */
const OMITTED_BLOCK = /^<!-- vsix:omit -->\n[\s\S]*?^<!-- \/vsix:omit -->\n?/gm;

export function vsixReadme(markdown, baseDir) {
  const definitions = [];
  const inlined = markdown
    .replace(OMITTED_BLOCK, '')
    .replace(/!\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g, (image, alt, target) => {
      if (!isRelative(target)) return image;
      definitions.push(`[vsix-image-${definitions.length + 1}]: ${dataUrlFor(target, baseDir)}`);
      return `![${alt}][vsix-image-${definitions.length}]`;
    })
    .replace(/^( {0,3}\[[^\]]+\]:[ \t]*)(\S+)/gm, (definition, head, target) =>
      (isRelative(target) && IMAGE_TYPES[path.extname(target).toLowerCase()] ? head + dataUrlFor(target, baseDir) : definition))
    .replace(/(?<!!)\[([^\]]+)\]\(([^)\s]+)\)/g, (link, text, target) => (isRelative(target) ? text : link));
  return definitions.length ? `${inlined.trimEnd()}\n\n${definitions.join('\n')}\n` : inlined;
}

export const EXTENSION_PAGE = 'extension-page.md';
const SETTINGS_TABLE = '<!-- settings-table -->';

/** One row per setting: its id, its default, and its description as the Settings editor shows it. */
export function settingsTable(manifest, nls) {
  const text = (value) => (typeof value === 'string' ? value.replace(/^%(.+)%$/, (_, key) => nls[key] ?? key) : '');
  const cell = (value) => value.replace(/\s*\n\s*/g, ' ').replace(/\|/g, '\\|');
  const rows = Object.entries(manifest.contributes.configuration.properties)
    .sort(([, a], [, b]) => (a.order ?? 0) - (b.order ?? 0))
    .map(([id, setting]) => `| \`${id}\` | \`${JSON.stringify(setting.default)}\` | ${cell(text(setting.markdownDescription ?? setting.description))} |`);
  return ['| setting | default | what it does |', '|---|---|---|', ...rows].join('\n');
}

export function writeVsixReadme(root) {
  const page = fs.readFileSync(path.join(root, EXTENSION_PAGE), 'utf8');
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const nls = JSON.parse(fs.readFileSync(path.join(root, 'package.nls.json'), 'utf8'));
  if (!page.includes(SETTINGS_TABLE)) throw new Error(`${EXTENSION_PAGE} has no ${SETTINGS_TABLE} line for the settings table.`);
  fs.writeFileSync(path.join(root, VSIX_README), vsixReadme(page.replace(SETTINGS_TABLE, settingsTable(manifest, nls)), root));
}
