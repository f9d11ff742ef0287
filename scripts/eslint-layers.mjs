// The layers of src/ (ARCHITECTURE.md, "Folders"), enforced by `npm run lint`: a file in one folder of
// src/ may import only the folders its arrows point to, and only the extension may import `vscode`.
// Every relative import is resolved against the importing file, so `../../core/x` and `../core/x`
// are judged by where they land, not by how they are spelled.
import path from 'node:path';

/** Folder of src/ → the folders of src/ it may import (besides itself). */
export const LAYER_ARROWS = {
  core: [],
  sources: ['core'],
  shared: ['core'],
  // `doctor` reads every key on the machine (sources), `lint` runs the server's analysis, `demo` the emulator.
  cli: ['core', 'shared', 'emulator', 'sources', 'server'],
  server: ['core', 'shared'],
  webview: ['shared'],
  emulator: ['core'],
  extension: ['core', 'shared', 'sources'],
};

/** The only folders that may import the `vscode` API. */
export const VSCODE_LAYERS = ['extension'];

/** The folder of src/ a file lies in, or null outside src/. */
function layerOf(file, srcDir) {
  const relative = path.relative(srcDir, file);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return null;
  const [first] = relative.split(path.sep);
  return first in LAYER_ARROWS ? first : null;
}

const importsFollowArrows = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports between the folders of src/ follow the arrows in ARCHITECTURE.md.' },
    schema: [],
    messages: {
      crossesLayer: 'src/{{from}}/ may not import src/{{to}}/ (it may import: {{allowed}}); see ARCHITECTURE.md, "Folders".',
      vscode: "Only src/extension/ may import 'vscode'; src/{{from}}/ runs outside VS Code too.",
    },
  },
  create(context) {
    const file = context.filename;
    const srcDir = path.join(context.cwd, 'src');
    const from = layerOf(file, srcDir);
    if (from === null) return {};
    const check = (node, specifier) => {
      if (typeof specifier !== 'string') return;
      if (specifier === 'vscode') {
        if (!VSCODE_LAYERS.includes(from)) context.report({ node, messageId: 'vscode', data: { from } });
        return;
      }
      if (!specifier.startsWith('.')) return;
      const to = layerOf(path.resolve(path.dirname(file), specifier), srcDir);
      if (to === null || to === from || LAYER_ARROWS[from].includes(to)) return;
      context.report({ node, messageId: 'crossesLayer', data: { from, to, allowed: LAYER_ARROWS[from].join(', ') || 'nothing in src/' } });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source.value),
      ExportAllDeclaration: (node) => check(node, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node, node.source.value),
      TSImportEqualsDeclaration: (node) => node.moduleReference.type === 'TSExternalModuleReference' && check(node, node.moduleReference.expression.value),
      CallExpression: (node) => {
        const [argument] = node.arguments;
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && argument?.type === 'Literal') check(node, argument.value);
      },
    };
  },
};

export const layersPlugin = { meta: { name: 'layers' }, rules: { 'imports-follow-arrows': importsFollowArrows } };

/** The flat-config block eslint.config.mjs carries. */
export const layersConfig = {
  files: ['src/**/*.ts'],
  plugins: { layers: layersPlugin },
  rules: { 'layers/imports-follow-arrows': 'error' },
};
