import { describe, expect, it } from 'vitest';
import { TextEdit } from 'vscode-languageserver';
import { editCapabilitiesOf, workspaceEdit } from '../../../src/server/workspaceEdits';

const edit = TextEdit.insert({ line: 0, character: 0 }, 'x');

describe('workspaceEdit', () => {
  it('reads what the client announced', () => {
    expect(editCapabilitiesOf({})).toEqual({ documentChanges: false, createFiles: false, disabledActions: false });
    expect(editCapabilitiesOf({
      workspace: { workspaceEdit: { documentChanges: true, resourceOperations: ['create'] } },
      textDocument: { codeAction: { disabledSupport: true } },
    })).toEqual({ documentChanges: true, createFiles: true, disabledActions: true });
  });

  it('sends versioned documentChanges only to clients that support them', () => {
    const files = [{ uri: 'file:///a', version: 3, edits: [edit] }, { uri: 'file:///b', version: null, edits: [edit] }];
    expect(workspaceEdit(files, { documentChanges: true, createFiles: false, disabledActions: false })).toEqual({
      documentChanges: [{ textDocument: { uri: 'file:///a', version: 3 }, edits: [edit] }, { textDocument: { uri: 'file:///b', version: null }, edits: [edit] }],
    });
    expect(workspaceEdit(files, { documentChanges: false, createFiles: false, disabledActions: false })).toEqual({
      changes: { 'file:///a': [edit], 'file:///b': [edit] },
    });
  });

  it('gives no edit when a file must be created and the client cannot', () => {
    const files = [{ uri: 'file:///new', version: null, edits: [edit], create: true }];
    expect(workspaceEdit(files, { documentChanges: true, createFiles: false, disabledActions: false })).toBeNull();
    expect(workspaceEdit(files, { documentChanges: true, createFiles: true, disabledActions: false })?.documentChanges?.[0]).toEqual({ kind: 'create', uri: 'file:///new', options: { ignoreIfExists: true } });
  });
});
