import { describe, expect, it } from 'vitest';
import { TextDocumentEdit, type Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeConfig } from '../../../src/server/analyzeConfig';
import { codeActionsFor } from '../../../src/server/codeActions';
import { toDiagnostic } from '../../../src/server/lspDiagnostics';
import { FAKE_FINGERPRINT, FAKE_KEY, ruleContext } from './ruleContext';

const uri = 'file:///work/.continue/config.yaml';
const FULL = { documentChanges: true, createFiles: true, disabledActions: true };
/** What the VS Code extension says at start: it runs "Check this key" itself. */
const EXTENSION_COMMANDS: ReadonlySet<string> = new Set(['mistralKeyDoctor.checkKeyInFile']);
const source = `models:\r\n  - provider: mistral\r\n    model: codestral-latest\r\n    apiKey: ${FAKE_KEY}\r\n`;

async function actionsAt(line: number, ctx = ruleContext(), clientCommands = EXTENSION_COMMANDS) {
  const document = TextDocument.create(uri, 'yaml', 7, source);
  const analysis = analyzeConfig('continue-yaml', source, ctx);
  const diagnostics: Diagnostic[] = analysis.findings.map((finding) => toDiagnostic(document, finding));
  const range = { start: { line, character: 0 }, end: { line, character: 0 } };
  const atLine = diagnostics.filter((d) => d.range.start.line === line);
  return { diagnostics: atLine, actions: await codeActionsFor({ document, analysis, range, diagnostics: atLine, moveKeyToEnv: null, capabilities: FULL, clientCommands }) };
}

describe('codeActionsFor', () => {
  it('turns a fix into a preferred quick fix with a versioned edit and its diagnostic', async () => {
    const { diagnostics, actions } = await actionsAt(2);
    expect(actions).toHaveLength(1);
    const [action] = actions;
    expect(action).toMatchObject({ title: 'Switch model to codestral-2501', kind: 'quickfix.mistralKeyDoctor.pinModel', isPreferred: true, diagnostics });
    const change = action?.edit?.documentChanges?.[0];
    expect(change && TextDocumentEdit.is(change) && change.textDocument).toEqual({ uri, version: 7 });
    expect(change && TextDocumentEdit.is(change) && change.edits).toEqual([
      { range: { start: { line: 2, character: 11 }, end: { line: 2, character: 27 } }, newText: 'codestral-2501' },
    ]);
  });

  it('offers "Check this key" with the key position only, never the key', async () => {
    const { actions } = await actionsAt(3, ruleContext({ kinds: { [FAKE_FINGERPRINT]: 'rejected' } }));
    const check = actions.find((action) => action.command);
    expect(check?.title).toBe(`Check this key (${FAKE_FINGERPRINT}) with Mistral`);
    expect(check?.command).toEqual({
      title: check?.title, command: 'mistralKeyDoctor.checkKeyInFile', arguments: [{ uri, line: 3, character: 12 }],
    });
    expect(JSON.stringify(actions)).not.toContain(FAKE_KEY);
    expect(actions.filter((action) => action.command)).toHaveLength(1);
  });

  it('offers no action carrying a command to a client that does not run it (neovim, Helix)', async () => {
    const { actions } = await actionsAt(3, ruleContext({ kinds: { [FAKE_FINGERPRINT]: 'rejected' } }), new Set());
    expect(actions.filter((action) => action.command)).toEqual([]);
  });

  it('ignores diagnostics from other sources', async () => {
    const document = TextDocument.create(uri, 'yaml', 1, source);
    const analysis = analyzeConfig('continue-yaml', source, ruleContext());
    const foreign = { ...toDiagnostic(document, analysis.findings[0]!), source: 'yaml' };
    const actions = await codeActionsFor({ document, analysis, range: foreign.range, diagnostics: [foreign], moveKeyToEnv: null, capabilities: FULL, clientCommands: EXTENSION_COMMANDS });
    expect(actions).toEqual([]);
  });
});
