/**
 * Node-side page loading for the command-line tools: bytes (optionally
 * gzipped) → text in the page's declared charset → a linkedom Document that
 * the same readPage code runs on.
 */
import { readFile } from 'node:fs/promises';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';

/** Pages larger than this are cut before parsing (the page readers read far less). */
export const MAX_PAGE_BYTES = 25 * 1024 * 1024;

function declaredCharset(head: string): string | null {
  const m =
    /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.-]+)/i.exec(head) ??
    /<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.-]+)/i.exec(head);
  return m?.[1]?.toLowerCase() ?? null;
}

export function decodeHtml(bytes: Uint8Array): string {
  // Saved pages are often re-encoded as UTF-8 but keep their old <meta
  // charset>: bytes that are valid UTF-8 are read as UTF-8.
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8: follow the declared charset
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const charset = declaredCharset(head);
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // unknown label: fall back to UTF-8
    }
  }
  return new TextDecoder('utf-8').decode(bytes);
}

export async function readHtmlFile(path: string): Promise<string> {
  let bytes: Uint8Array = await readFile(path);
  if (path.endsWith('.gz') || (bytes[0] === 0x1f && bytes[1] === 0x8b)) bytes = gunzipSync(bytes);
  if (bytes.length > MAX_PAGE_BYTES) bytes = bytes.subarray(0, MAX_PAGE_BYTES);
  return decodeHtml(bytes);
}

export function parseDocument(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
