// Workspace edits in the shape the client announced: `documentChanges` (versioned, with file
// creation) only for clients that support them, plain `changes` otherwise.
import { CreateFile, TextDocumentEdit, type ClientCapabilities, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';

export interface EditCapabilities {
  documentChanges: boolean;
  createFiles: boolean;
  /** The client shows a code action's `disabled.reason` (LSP 3.16). */
  disabledActions: boolean;
}

export function editCapabilitiesOf(capabilities: ClientCapabilities | undefined): EditCapabilities {
  const workspaceEdit = capabilities?.workspace?.workspaceEdit;
  const documentChanges = workspaceEdit?.documentChanges === true;
  const operations: unknown = workspaceEdit?.resourceOperations;
  return {
    documentChanges,
    createFiles: documentChanges && Array.isArray(operations) && operations.includes('create'),
    disabledActions: capabilities?.textDocument?.codeAction?.disabledSupport === true,
  };
}

export interface FileEdit {
  uri: string;
  /** The open document's version, or null for a file on disk. */
  version: number | null;
  edits: TextEdit[];
  /** The file does not exist yet. */
  create?: boolean;
}

/** The edit for these files, or null when it needs a file creation the client cannot do. */
export function workspaceEdit(files: FileEdit[], capabilities: EditCapabilities): WorkspaceEdit | null {
  if (files.some((file) => file.create) && !capabilities.createFiles) return null;
  if (capabilities.documentChanges) {
    const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
    for (const file of files) {
      if (file.create) documentChanges.push(CreateFile.create(file.uri, { ignoreIfExists: true }));
      documentChanges.push(TextDocumentEdit.create({ uri: file.uri, version: file.version }, file.edits));
    }
    return { documentChanges };
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const file of files) changes[file.uri] = [...(changes[file.uri] ?? []), ...file.edits];
  return { changes };
}
