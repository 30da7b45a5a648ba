/**
 * Writing and reading the stored story index.
 *
 * Every write is one read-write transaction over both tables: IndexedDB commits
 * it whole or not at all. So a reader sees the old index or the new one, never
 * a mix, and a service worker stopped mid-import (which aborts the
 * transaction) leaves the old index as it was.
 */
import {
  fromStoryRow,
  toStoryRow,
  type CrosstalkDatabase,
  type IndexMeta,
  type MetaRow,
  type StoryRow,
} from './db';
import type { Story, StoryIndex, StoryIndexDelta } from './schema';

export interface IndexSource {
  url: string;
  etag?: string | null;
  lastModified?: string | null;
  bundled: boolean;
}

/** A delta that does not fit the stored index; its message names the path, like a validation error. */
export class DeltaConflictError extends Error {}

/** Rows per bulkPut: large enough to amortise the call, small enough to report progress. */
export const IMPORT_CHUNK = 2000;

function* chunks<T>(items: readonly T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export async function importStoryIndex(
  db: CrosstalkDatabase,
  index: StoryIndex,
  source: IndexSource,
  onProgress?: (fraction: number) => void,
  now: () => Date = () => new Date(),
): Promise<void> {
  const meta: IndexMeta = {
    generatedAt: index.generatedAt,
    sourceUrl: source.url,
    bundled: source.bundled,
    communities: index.communities,
    topics: index.topics,
    provenance: index.provenance ?? null,
    stories: index.stories.length,
    etag: source.etag ?? null,
    lastModified: source.lastModified ?? null,
    importedAt: now().toISOString(),
  };
  const total = index.stories.length;
  await db.transaction('rw', db.stories, db.meta, async () => {
    await db.stories.clear();
    let written = 0;
    // Rows are derived one chunk at a time so a 100,000-story import does not
    // hold a second full copy of the index in memory.
    for (const chunk of chunks(index.stories, IMPORT_CHUNK)) {
      await db.stories.bulkPut(chunk.map(toStoryRow));
      written += chunk.length;
      onProgress?.(written / total);
    }
    await db.meta.put({ key: 'index', value: meta });
  });
  if (total === 0) onProgress?.(1);
}

/** What a delta is validated against: the stored index as it is now. */
export interface IndexBase {
  generatedAt: string;
  communities: IndexMeta['communities'];
  topics: IndexMeta['topics'];
  storyIds: string[];
}

export async function getIndexBase(db: CrosstalkDatabase): Promise<IndexBase | null> {
  return db.transaction('r', db.stories, db.meta, async () => {
    const meta = await getIndexMeta(db);
    if (!meta) return null;
    const storyIds = (await db.stories.toCollection().primaryKeys()) as string[];
    return {
      generatedAt: meta.generatedAt,
      communities: meta.communities,
      topics: meta.topics,
      storyIds,
    };
  });
}

/**
 * Applies a validated delta. The base is checked again inside the transaction:
 * another import may have landed between validation and this write.
 */
export async function applyStoryIndexDelta(
  db: CrosstalkDatabase,
  delta: StoryIndexDelta,
  source?: IndexSource,
  onProgress?: (fraction: number) => void,
  now: () => Date = () => new Date(),
): Promise<void> {
  await db.transaction('rw', db.stories, db.meta, async () => {
    const meta = await getIndexMeta(db);
    if (!meta) throw new DeltaConflictError('there is no stored index for the delta to apply to');
    if (meta.generatedAt !== delta.baseGeneratedAt) {
      throw new DeltaConflictError(
        `baseGeneratedAt: ${delta.baseGeneratedAt} does not match the stored index (${meta.generatedAt})`,
      );
    }
    const dangling = await findDanglingReference(db, delta);
    if (dangling) throw new DeltaConflictError(dangling);
    if (delta.deletes.length > 0) await db.stories.bulkDelete(delta.deletes);
    let written = 0;
    for (const chunk of chunks(delta.upserts, IMPORT_CHUNK)) {
      await db.stories.bulkPut(chunk.map(toStoryRow));
      written += chunk.length;
      onProgress?.(written / delta.upserts.length);
    }
    const next: IndexMeta = {
      ...meta,
      generatedAt: delta.generatedAt,
      communities: delta.communities ?? meta.communities,
      topics: delta.topics ?? meta.topics,
      provenance: delta.provenance ?? meta.provenance,
      stories: await db.stories.count(),
      importedAt: now().toISOString(),
      ...(source && {
        sourceUrl: source.url,
        bundled: source.bundled,
        etag: source.etag ?? null,
        lastModified: source.lastModified ?? null,
      }),
    };
    await db.meta.put({ key: 'index', value: next });
  });
}

/**
 * The delta was validated against the stored ids, not the stored stories. So
 * the kept stories are checked here: none may point at a deleted story, nor
 * react from a community (or sit in a topic) that the delta stops declaring.
 */
async function findDanglingReference(
  db: CrosstalkDatabase,
  delta: StoryIndexDelta,
): Promise<string | null> {
  const replaced = new Set(delta.upserts.map((s) => s.id));
  const deleted = new Set(delta.deletes.filter((id) => !replaced.has(id)));
  const communities = delta.communities ? new Set(delta.communities.map((c) => c.id)) : null;
  const topics = delta.topics ? new Set(delta.topics.map((t) => t.id)) : null;
  if (deleted.size === 0 && !communities && !topics) return null;
  let found: string | null = null;
  await db.stories.each((row) => {
    if (found || replaced.has(row.id) || deleted.has(row.id)) return;
    const gone = row.related.find((id) => deleted.has(id));
    if (gone !== undefined) {
      found = `deletes[${delta.deletes.indexOf(gone)}]: '${gone}' is still in related of story '${row.id}'`;
      return;
    }
    const community = communities && row.communityIds.find((id) => !communities.has(id));
    if (community) {
      found = `communities: '${community}' is no longer declared, but story '${row.id}' still has its reaction`;
      return;
    }
    const topic = topics && row.topics.find((id) => !topics.has(id));
    if (topic)
      found = `topics: '${topic}' is no longer declared, but story '${row.id}' is still in it`;
  });
  return found;
}

export async function getIndexMeta(db: CrosstalkDatabase): Promise<IndexMeta | null> {
  const row = (await db.meta.get('index')) as Extract<MetaRow, { key: 'index' }> | undefined;
  return row?.value ?? null;
}

/** Changes fields of the stored index meta (not the stories); a no-op when nothing is stored. */
export async function patchIndexMeta(
  db: CrosstalkDatabase,
  patch: Partial<Pick<IndexMeta, 'etag' | 'lastModified'>>,
): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const meta = await getIndexMeta(db);
    if (meta) await db.meta.put({ key: 'index', value: { ...meta, ...patch } });
  });
}

export async function getAllStories(db: CrosstalkDatabase): Promise<Story[]> {
  return (await db.stories.toArray()).map(fromStoryRow);
}

/** The stored rows with their derived keys, for matching and search. */
export async function getAllStoryRows(db: CrosstalkDatabase): Promise<StoryRow[]> {
  return db.stories.toArray();
}

export async function getStory(db: CrosstalkDatabase, id: string): Promise<Story | null> {
  const row = await db.stories.get(id);
  return row ? fromStoryRow(row) : null;
}

/** The stories with these ids, in the order asked, skipping ids not stored. */
export async function getStories(db: CrosstalkDatabase, ids: readonly string[]): Promise<Story[]> {
  const rows = await db.stories.bulkGet([...ids]);
  return rows.filter((r): r is StoryRow => r !== undefined).map(fromStoryRow);
}

export async function countStories(db: CrosstalkDatabase): Promise<number> {
  return db.stories.count();
}

/** Removes the index (stories and its meta) at once; the sync status is kept. */
export async function clearIndex(db: CrosstalkDatabase): Promise<void> {
  await db.transaction('rw', db.stories, db.meta, async () => {
    await db.stories.clear();
    await db.meta.delete('index');
  });
}
