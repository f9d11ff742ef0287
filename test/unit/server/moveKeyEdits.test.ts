// The move-key fix keeps the config a valid YAML file in every style a user writes it, and keeps
// every byte outside the key: a generated matrix of configs (block, flow, quoted, anchors,
// comments, CRLF, BOM) × `.env` states, each result parsed again.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { CreateFile, TextDocumentEdit, type TextEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeConfig } from '../../../src/server/analyzeConfig';
import { readDotenvAssignments } from '../../../src/server/formats/dotenvFile';
import type { GitStatus } from '../../../src/shared/gitStatus';
import { moveKeyToEnvEdit } from '../../../src/server/moveKeyToEnv';
import { FAKE_KEY, ruleContext } from './ruleContext';

const STYLES: Record<string, string> = {
  'block, plain': `models:\n  - provider: mistral\n    model: codestral-2508\n    apiKey: ${FAKE_KEY}\n`,
  'block, double-quoted': `models:\n  - provider: mistral\n    model: codestral-2508\n    apiKey: "${FAKE_KEY}"\n`,
  'block, single-quoted': `models:\n  - provider: mistral\n    model: codestral-2508\n    apiKey: '${FAKE_KEY}'\n`,
  'block, comment after the key': `models:\n  - provider: mistral\n    apiKey: ${FAKE_KEY} # mine\n    model: codestral-2508\n`,
  'flow mapping in a block sequence': `models:\n  - {provider: mistral, model: codestral-2508, apiKey: ${FAKE_KEY}}\n`,
  'flow sequence of flow mappings, quoted': `models: [{provider: mistral, model: codestral-2508, apiKey: "${FAKE_KEY}"}]\n`,
  'flow sequence of flow mappings, plain, key last': `models: [{provider: mistral, apiKey: ${FAKE_KEY}}]\n`,
  'flow over several lines': `models: [\n  {\n    provider: mistral,\n    apiKey: ${FAKE_KEY},\n    model: codestral-2508\n  }\n]\n`,
  'anchor merged into the item': `base: &base\n  provider: mistral\n  apiKey: ${FAKE_KEY}\nmodels:\n  - <<: *base\n    model: codestral-2508\n`,
  'flow anchor merged into the item': `base: &base {provider: mistral, apiKey: ${FAKE_KEY}}\nmodels:\n  - <<: *base\n    model: codestral-2508\n`,
};

const ENV_STATES: Record<string, string | null> = {
  'no .env': null,
  'an empty .env': '',
  'a .env without a final line end': 'OTHER=1',
  'a CRLF .env with another key': 'MISTRAL_API_KEY=someOtherKey\r\n',
  'a .env that already holds the key': `# mine\nMISTRAL_API_KEY=${FAKE_KEY}\n`,
};

const notTracked: GitStatus = { isTracked: async () => false, isIgnored: async () => true, root: async () => null };
const FULL = { documentChanges: true, createFiles: true, disabledActions: true };
const folders: string[] = [];
afterAll(() => folders.forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })));

interface Variant { name: string; text: string }

function variants(): Variant[] {
  const all: Variant[] = [];
  for (const [style, text] of Object.entries(STYLES)) {
    for (const crlf of [false, true]) {
      for (const bom of [false, true]) {
        const withEol = crlf ? text.replace(/\n/g, '\r\n') : text;
        all.push({ name: `${style}${crlf ? ', CRLF' : ''}${bom ? ', BOM' : ''}`, text: `${bom ? '\uFEFF' : ''}${withEol}` });
      }
    }
  }
  return all;
}

function applied(document: TextDocument, edits: TextEdit[]): string {
  return TextDocument.applyEdits(document, edits);
}

async function moveIn(variant: Variant, env: string | null) {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mkd-matrix-')));
  folders.push(root);
  const configPath = path.join(root, '.continue/config.yaml');
  fs.mkdirSync(path.dirname(configPath), { recursive: true });
  fs.writeFileSync(configPath, variant.text);
  const envPath = path.join(root, '.continue/.env');
  if (env !== null) fs.writeFileSync(envPath, env);
  const document = TextDocument.create(pathToFileURL(configPath).toString(), 'yaml', 1, variant.text);
  const key = analyzeConfig('continue-yaml', variant.text, ruleContext()).facts.entries[0]?.apiKey;
  if (!key) throw new Error(`no key found in ${variant.name}`);
  const result = await moveKeyToEnvEdit({ document, configPath, key, openDocument: () => undefined, git: notTracked, capabilities: FULL });
  if (!result.ok) throw new Error(`not moved in ${variant.name}: ${result.reason}`);
  let config = variant.text;
  let envText = env;
  let configEdits: TextEdit[] = [];
  for (const change of result.edit.documentChanges ?? []) {
    if (CreateFile.is(change)) {
      envText ??= '';
    } else if (TextDocumentEdit.is(change)) {
      const edits = change.edits as TextEdit[];
      if (change.textDocument.uri === document.uri) {
        configEdits = edits;
        config = applied(document, edits);
      } else {
        envText = applied(TextDocument.create(change.textDocument.uri, 'dotenv', 0, envText ?? ''), edits);
      }
    }
  }
  return { key, config, envText, reference: result.reference, configEdits, document };
}

function apiKeyOf(config: string): unknown {
  const parsed = load(config.replace(/^\uFEFF/, '')) as { models?: Record<string, unknown>[] };
  return parsed.models?.[0]?.apiKey;
}

describe('the move-key fix in every YAML style', () => {
  for (const variant of variants()) {
    for (const [state, env] of Object.entries(ENV_STATES)) {
      it(`${variant.name} × ${state}: the config parses with the reference and keeps every other byte`, async () => {
        const { key, config, envText, reference, configEdits, document } = await moveIn(variant, env);
        expect(apiKeyOf(config)).toBe(reference);
        expect(configEdits).toHaveLength(1);
        const start = document.offsetAt(configEdits[0]!.range.start);
        const end = document.offsetAt(configEdits[0]!.range.end);
        expect(start).toBeGreaterThanOrEqual(key.span.start);
        expect(end).toBeLessThanOrEqual(key.span.end);
        expect(config.slice(0, start)).toBe(variant.text.slice(0, start));
        expect(config.slice(config.length - (variant.text.length - end))).toBe(variant.text.slice(end));
        const name = /secrets\.(\w+)/.exec(reference)?.[1];
        expect(readDotenvAssignments(envText ?? '').find((assignment) => assignment.name === name)?.value.value).toBe(FAKE_KEY);
        for (const line of (env ?? '').split(/\r?\n/).filter(Boolean)) expect(envText).toContain(line);
      });
    }
  }
});
