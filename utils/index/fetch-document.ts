/**
 * Downloads one JSON document with the guards a sync needs: a conditional
 * request, a time-out over the whole download, and a byte cap enforced while
 * the body streams in (so an oversized body is refused without being held).
 * Every failure is a FetchDocumentError whose message is plain words.
 */

export interface FetchDocumentOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  maxBytes: number;
  etag?: string | null;
  lastModified?: string | null;
}

export type FetchedDocument =
  | { kind: 'not-modified' }
  | { kind: 'document'; doc: unknown; etag: string | null; lastModified: string | null };

export class FetchDocumentError extends Error {}

function megabytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(bytes % 1_000_000 ? 1 : 0)} MB`;
  if (bytes >= 1000) return `${(bytes / 1000).toFixed(bytes % 1000 ? 1 : 0)} kB`;
  return `${bytes} bytes`;
}

/** The most specific words a network error carries (Node puts the code in `cause`). */
function networkDetail(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (err instanceof Error ? err.message : String(err));
}

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<string> {
  const reader = body.getReader();
  // The decoder streams, so a multi-byte character split across chunks survives.
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const parts: string[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new FetchDocumentError(
        `the document is larger than the ${megabytes(maxBytes)} limit (stopped reading at ${megabytes(bytes)})`,
      );
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

function parseJson(text: string, contentType: string | null): unknown {
  const start = text.trimStart().slice(0, 1);
  if (start === '<') {
    throw new FetchDocumentError(
      `the server sent HTML (${contentType ?? 'no content type'}), not a JSON story index`,
    );
  }
  if (text.trim().length === 0) throw new FetchDocumentError('the document is empty');
  try {
    return JSON.parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new FetchDocumentError(`the document is not valid JSON, or is cut short (${reason})`);
  }
}

export async function fetchDocument(
  url: string,
  options: FetchDocumentOptions,
): Promise<FetchedDocument> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.etag) headers['If-None-Match'] = options.etag;
  if (options.lastModified) headers['If-Modified-Since'] = options.lastModified;
  const timeoutMessage = `no complete answer within ${options.timeoutMs / 1000} s (timed out)`;
  try {
    let response: Response;
    try {
      // Compression is negotiated by the browser, which decompresses before
      // the body reaches us; the byte cap therefore counts decompressed bytes.
      response = await options.fetch(url, { headers, signal: controller.signal });
    } catch (err) {
      throw new FetchDocumentError(
        timedOut ? timeoutMessage : `could not reach the server (${networkDetail(err)})`,
      );
    }
    if (response.status === 304) {
      await response.body?.cancel().catch(() => undefined);
      return { kind: 'not-modified' };
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      const text = response.statusText ? ` ${response.statusText}` : '';
      throw new FetchDocumentError(`the server answered HTTP ${response.status}${text}`);
    }
    const declared = Number(response.headers.get('content-length'));
    if (Number.isFinite(declared) && declared > options.maxBytes) {
      await response.body?.cancel().catch(() => undefined);
      throw new FetchDocumentError(
        `the document is ${megabytes(declared)}, larger than the ${megabytes(options.maxBytes)} limit`,
      );
    }
    let text: string;
    try {
      text = response.body ? await readCapped(response.body, options.maxBytes) : '';
    } catch (err) {
      if (err instanceof FetchDocumentError) throw err;
      throw new FetchDocumentError(
        timedOut ? timeoutMessage : `the download broke off (${networkDetail(err)})`,
      );
    }
    return {
      kind: 'document',
      doc: parseJson(text, response.headers.get('content-type')),
      etag: response.headers.get('etag'),
      lastModified: response.headers.get('last-modified'),
    };
  } finally {
    clearTimeout(timer);
  }
}
