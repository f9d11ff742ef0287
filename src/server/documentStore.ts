// The open documents, kept from validated open/change/close messages. A document whose URI is
// unusual (another host's share, a bad %-escape) or whose message is malformed is skipped with one
// log line per URI, never a crash.
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { DocumentKind } from '../shared/configFiles';
import { documentKindOf } from './documentKinds';
import { parseDocumentUri } from './documentUri';

export interface OpenDocument {
  document: TextDocument;
  kind: DocumentKind;
  /** The local file, for `file:` URIs. */
  filePath: string | null;
  /** The file name, for `.env.example`-style checks. */
  name: string;
}

export class DocumentStore {
  private readonly open = new Map<string, OpenDocument>();
  private readonly reported = new Set<string>();

  constructor(private readonly log: (message: string) => void) {}

  /** Once per URI: what was skipped and why. */
  skip(uri: string, reason: string): void {
    const shown = uri.length > 200 ? `${uri.slice(0, 200)}…` : uri;
    if (this.reported.has(shown)) return;
    if (this.reported.size < 1000) this.reported.add(shown);
    this.log(`Skipped ${JSON.stringify(shown)}: ${reason}.`);
  }

  openDocument(uri: string, languageId: string, version: number, text: string): OpenDocument | null {
    const parsed = parseDocumentUri(uri);
    if (!parsed.ok) {
      this.skip(uri, parsed.reason);
      return null;
    }
    const kind = documentKindOf(parsed, languageId);
    if (!kind) return null;
    const entry: OpenDocument = {
      document: TextDocument.create(uri, languageId, version, text), kind, filePath: parsed.filePath, name: parsed.segments.at(-1) ?? '',
    };
    this.open.set(uri, entry);
    return entry;
  }

  change(uri: string, version: number, changes: TextDocumentContentChangeEvent[]): OpenDocument | null {
    const entry = this.open.get(uri);
    if (!entry) return null;
    try {
      entry.document = TextDocument.update(entry.document, changes, version);
    } catch (error) {
      this.skip(uri, `a change could not be applied (${(error as Error).message})`);
      return null;
    }
    return entry;
  }

  close(uri: string): boolean {
    return this.open.delete(uri);
  }

  get(uri: string): OpenDocument | undefined {
    return this.open.get(uri);
  }

  all(): OpenDocument[] {
    return [...this.open.values()];
  }
}
