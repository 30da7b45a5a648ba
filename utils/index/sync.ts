/**
 * Keeps the stored index in step with its source: download, validate the whole
 * document, then swap it in atomically. On any failure the last good index
 * stays in use and the status says, in plain words, which URL failed and why.
 */
import type { CrosstalkDatabase, IndexMeta, SyncStatus } from './db';
import { fetchDocument, FetchDocumentError } from './fetch-document';
import { DELTA_FORMAT, type StoryIndex, type StoryIndexDelta } from './schema';
import {
  applyStoryIndexDelta,
  DeltaConflictError,
  getIndexBase,
  getIndexMeta,
  importStoryIndex,
  patchIndexMeta,
} from './store';
import { validateStoryIndex, validateStoryIndexDelta } from './validate';

export const DEFAULT_SYNC_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_INDEX_BYTES = 50_000_000;

export interface SyncOptions {
  url: string;
  bundled: boolean;
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
  onProgress?: (fraction: number) => void;
  now?: () => Date;
}

export interface SyncResult {
  status: 'updated' | 'not-modified' | 'failed';
  stories: number;
  error: string | null;
}

const EMPTY_STATUS: SyncStatus = {
  sourceUrl: null,
  lastSyncAt: null,
  lastSuccessAt: null,
  lastError: null,
};

class SyncError extends Error {}

// Two syncs on one database (an alarm firing during "Sync now") would each
// validate against the same base; running them one after the other is simpler
// than reasoning about the interleaving.
const queues = new WeakMap<CrosstalkDatabase, Promise<unknown>>();

function serialised<T>(db: CrosstalkDatabase, task: () => Promise<T>): Promise<T> {
  const previous = queues.get(db) ?? Promise.resolve();
  const next = previous.then(task, task);
  queues.set(
    db,
    next.catch(() => undefined),
  );
  return next;
}

export async function getSyncStatus(db: CrosstalkDatabase): Promise<SyncStatus> {
  const row = await db.meta.get('sync');
  return row?.key === 'sync' ? row.value : { ...EMPTY_STATUS };
}

async function recordSync(
  db: CrosstalkDatabase,
  url: string,
  at: Date,
  error: string | null,
): Promise<void> {
  const previous = await getSyncStatus(db);
  const stamp = at.toISOString();
  await db.meta.put({
    key: 'sync',
    value: {
      sourceUrl: url,
      lastSyncAt: stamp,
      lastSuccessAt: error === null ? stamp : previous.lastSuccessAt,
      lastError: error,
    },
  });
}

function messageOf(err: unknown): string {
  if (
    err instanceof FetchDocumentError ||
    err instanceof SyncError ||
    err instanceof DeltaConflictError
  ) {
    return err.message;
  }
  // Anything else is a storage failure (quota, a closed database, an aborted write).
  const text = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
  return `the index could not be stored (${text})`;
}

function isDelta(doc: unknown): boolean {
  return (
    typeof doc === 'object' && doc !== null && (doc as { format?: unknown }).format === DELTA_FORMAT
  );
}

type Checked = { kind: 'index'; index: StoryIndex } | { kind: 'delta'; delta: StoryIndexDelta };

/**
 * Validates the downloaded document and lets go of it: the caller keeps only
 * the validated copy, so a large import does not hold the parsed JSON too.
 */
async function validateDocument(
  db: CrosstalkDatabase,
  fetched: { doc: unknown },
): Promise<Checked> {
  const doc = fetched.doc;
  fetched.doc = null;
  if (isDelta(doc)) {
    const base = await getIndexBase(db);
    if (!base) {
      throw new SyncError('the source sent a delta, but there is no stored index to apply it to');
    }
    const checked = validateStoryIndexDelta(doc, base);
    if (!checked.ok) throw new SyncError(checked.error);
    return { kind: 'delta', delta: checked.value };
  }
  const checked = validateStoryIndex(doc);
  if (!checked.ok) throw new SyncError(checked.error);
  return { kind: 'index', index: checked.value };
}

async function syncOnce(db: CrosstalkDatabase, options: SyncOptions): Promise<SyncResult> {
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const { url } = options;
  let meta: IndexMeta | null = null;
  try {
    meta = await getIndexMeta(db);
    // Validators are only meaningful against the source that issued them.
    const conditional = meta && meta.sourceUrl === url;
    const fetched = await fetchDocument(url, {
      fetch: options.fetch ?? globalThis.fetch.bind(globalThis),
      timeoutMs: options.timeoutMs ?? DEFAULT_SYNC_TIMEOUT_MS,
      maxBytes: options.maxBytes ?? DEFAULT_MAX_INDEX_BYTES,
      etag: conditional ? meta!.etag : null,
      lastModified: conditional ? meta!.lastModified : null,
    });
    if (fetched.kind === 'not-modified') {
      await recordSync(db, url, startedAt, null);
      return { status: 'not-modified', stories: meta?.stories ?? 0, error: null };
    }
    const source = {
      url,
      bundled: options.bundled,
      etag: fetched.etag,
      lastModified: fetched.lastModified,
    };
    const checked = await validateDocument(db, fetched);
    if (checked.kind === 'delta') {
      await applyStoryIndexDelta(db, checked.delta, source, options.onProgress, now);
    } else {
      await importStoryIndex(db, checked.index, source, options.onProgress, now);
    }
    await recordSync(db, url, startedAt, null);
    const after = await getIndexMeta(db);
    return { status: 'updated', stories: after?.stories ?? 0, error: null };
  } catch (err) {
    const error = `${url}: ${messageOf(err)}`;
    await recordSync(db, url, startedAt, error).catch(() => undefined);
    const kept = await getIndexMeta(db).catch(() => meta);
    return { status: 'failed', stories: kept?.stories ?? 0, error };
  }
}

/** Never throws: a failure is a result with `status: 'failed'` and a message. */
export function syncIndex(db: CrosstalkDatabase, options: SyncOptions): Promise<SyncResult> {
  return serialised(db, () => syncOnce(db, options));
}

function isNewer(a: string, b: string): boolean {
  return Date.parse(a) > Date.parse(b);
}

export interface BundledIndexOptions {
  now?: () => Date;
  /**
   * Names this build's bundle, e.g. the extension version. When the stored
   * index came from a bundle with the same tag, the bundle is not read at all:
   * this runs at every service-worker start, and parsing megabytes of JSON
   * there would delay every first answer.
   */
  tag?: string;
}

function bundledGeneratedAt(doc: unknown): string | null {
  const at = (doc as { generatedAt?: unknown } | null)?.generatedAt;
  return typeof at === 'string' ? at : null;
}

/**
 * Loads the index bundled with the extension when there is none stored, or
 * when the stored one came from the bundle and the bundle is now newer (after
 * an update). An index synced from another source is never replaced here.
 * 'not-modified' means the stored index was kept.
 */
export function ensureBundledIndex(
  db: CrosstalkDatabase,
  bundledUrl: string,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
  options: BundledIndexOptions = {},
): Promise<SyncResult> {
  const now = options.now ?? (() => new Date());
  const tag = options.tag ? `bundle:${options.tag}` : null;
  return serialised(db, async () => {
    const meta = await getIndexMeta(db);
    const kept: SyncResult = { status: 'not-modified', stories: meta?.stories ?? 0, error: null };
    if (meta && !meta.bundled) return kept;
    if (meta && tag && meta.etag === tag && meta.sourceUrl === bundledUrl) return kept;
    try {
      const fetched = await fetchDocument(bundledUrl, {
        fetch: fetchImpl,
        timeoutMs: DEFAULT_SYNC_TIMEOUT_MS,
        maxBytes: DEFAULT_MAX_INDEX_BYTES,
      });
      if (fetched.kind !== 'document') throw new SyncError('the bundled index could not be read');
      // Not newer: nothing will be written, so the (costly) validation is skipped.
      const at = bundledGeneratedAt(fetched.doc);
      if (meta && at !== null && !isNewer(at, meta.generatedAt)) {
        // The stored index already covers this bundle: remember that for the next start.
        if (tag && meta.sourceUrl === bundledUrl) await patchIndexMeta(db, { etag: tag });
        return kept;
      }
      const checked = validateStoryIndex(fetched.doc);
      fetched.doc = null;
      if (!checked.ok) throw new SyncError(checked.error);
      await importStoryIndex(
        db,
        checked.value,
        { url: bundledUrl, bundled: true, etag: tag },
        undefined,
        now,
      );
      return { status: 'updated', stories: checked.value.stories.length, error: null };
    } catch (err) {
      const error = `${bundledUrl}: ${messageOf(err)}`;
      await recordSync(db, bundledUrl, now(), error).catch(() => undefined);
      return { status: 'failed', stories: meta?.stories ?? 0, error };
    }
  });
}
