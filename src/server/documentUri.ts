// What a document URI says: its scheme, its decoded path segments, and the local file path when it
// is a plain `file:` URI. Unusual URIs (a UNC host, a bad %-escape, no scheme) give a reason instead,
// so the server can skip the document with one log line rather than fail on it later.
import { fileURLToPath } from 'node:url';

export type ParsedUri =
  | { ok: true; scheme: string; segments: string[]; filePath: string | null }
  | { ok: false; reason: string };

export function parseDocumentUri(uri: string): ParsedUri {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    return { ok: false, reason: 'not an absolute URI' };
  }
  const scheme = url.protocol.slice(0, -1);
  let decoded: string;
  try {
    decoded = decodeURIComponent(url.pathname);
  } catch {
    return { ok: false, reason: 'the path holds an invalid %-escape' };
  }
  if (scheme !== 'file') return { ok: true, scheme, segments: decoded.split(/[\\/]/), filePath: null };
  if (url.hostname !== '' && url.hostname !== 'localhost') return { ok: false, reason: `a file on another host (${url.hostname})` };
  try {
    return { ok: true, scheme, segments: decoded.split(/[\\/]/), filePath: fileURLToPath(url) };
  } catch (error) {
    return { ok: false, reason: (error as Error).message };
  }
}
