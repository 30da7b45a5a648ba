/**
 * Writing and reading the stored story index.
 *
 * Every write is one read-write transaction over both tables: IndexedDB commits
 * it whole or not at all. So a reader sees the old index or the new one, never
 * a mix, and a service worker stopped mid-import (which aborts the
 * transaction) leaves the old index as it was. The stories are written as
 * pages (db.ts says why); nothing is copied but the arrays of references that
 * make up the pages.
 */
import {
  PAGE_SIZE,
  toPages,
  type CrosstalkDatabase,
  type IndexMeta,
  type MetaRow,
  type StoryPage,
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

/** Stories per bulkPut: each call reports progress; a few pages amortise the call. */
export const IMPORT_CHUNK = 2000;

/** Code-unit order, the order IndexedDB sorts string keys in (the `lastId` lookup relies on it). */
function byId(a: Story, b: Story): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Replaces every stored page with these stories, in the caller's transaction,
 * reporting the fraction written after each bulkPut.
 */
async function writePages(
  db: CrosstalkDatabase,
  sorted: readonly Story[],
  onProgress?: (fraction: number) => void,
): Promise<void> {
  await db.storyPages.clear();
  const pages = toPages(sorted);
  const perPut = Math.max(1, Math.floor(IMPORT_CHUNK / PAGE_SIZE));
  let written = 0;
  for (let i = 0; i < pages.length; i += perPut) {
    const batch = pages.slice(i, i + perPut);
    await db.storyPages.bulkPut(batch);
    for (const page of batch) written += page.stories.length;
    onProgress?.(written / sorted.length);
  }
  if (sorted.length === 0) onProgress?.(1);
}

async function readAllStories(db: CrosstalkDatabase): Promise<Story[]> {
  // Primary-key order is page order, so the stories come back in id order.
  return (await db.storyPages.toArray()).flatMap((page) => page.stories);
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
  const sorted = [...index.stories].sort(byId);
  await db.transaction('rw', db.storyPages, db.meta, async () => {
    await writePages(db, sorted, onProgress);
    await db.meta.put({ key: 'index', value: meta });
  });
}

/** What a delta is validated against: the stored index as it is now. */
export interface IndexBase {
  generatedAt: string;
  communities: IndexMeta['communities'];
  topics: IndexMeta['topics'];
  storyIds: string[];
}

export async function getIndexBase(db: CrosstalkDatabase): Promise<IndexBase | null> {
  return db.transaction('r', db.storyPages, db.meta, async () => {
    const meta = await getIndexMeta(db);
    if (!meta) return null;
    return {
      generatedAt: meta.generatedAt,
      communities: meta.communities,
      topics: meta.topics,
      storyIds: (await readAllStories(db)).map((s) => s.id),
    };
  });
}

/**
 * Applies a validated delta. The base is checked again inside the transaction:
 * another import may have landed between validation and this write. The pages
 * are rewritten whole, which keeps them in id order; a delta saves the
 * download, and writing pages costs little next to it.
 */
export async function applyStoryIndexDelta(
  db: CrosstalkDatabase,
  delta: StoryIndexDelta,
  source?: IndexSource,
  onProgress?: (fraction: number) => void,
  now: () => Date = () => new Date(),
): Promise<void> {
  await db.transaction('rw', db.storyPages, db.meta, async () => {
    const meta = await getIndexMeta(db);
    if (!meta) throw new DeltaConflictError('there is no stored index for the delta to apply to');
    if (meta.generatedAt !== delta.baseGeneratedAt) {
      throw new DeltaConflictError(
        `baseGeneratedAt: ${delta.baseGeneratedAt} does not match the stored index (${meta.generatedAt})`,
      );
    }
    const stored = await readAllStories(db);
    const dangling = findDanglingReference(stored, delta);
    if (dangling) throw new DeltaConflictError(dangling);
    const byIdMap = new Map(stored.map((s) => [s.id, s]));
    for (const id of delta.deletes) byIdMap.delete(id);
    for (const story of delta.upserts) byIdMap.set(story.id, story);
    const next = [...byIdMap.values()].sort(byId);
    await writePages(db, next, onProgress);
    const nextMeta: IndexMeta = {
      ...meta,
      generatedAt: delta.generatedAt,
      communities: delta.communities ?? meta.communities,
      topics: delta.topics ?? meta.topics,
      provenance: delta.provenance ?? meta.provenance,
      stories: next.length,
      importedAt: now().toISOString(),
      ...(source && {
        sourceUrl: source.url,
        bundled: source.bundled,
        etag: source.etag ?? null,
        lastModified: source.lastModified ?? null,
      }),
    };
    await db.meta.put({ key: 'index', value: nextMeta });
  });
}

/**
 * The delta was validated against the stored ids, not the stored stories. So
 * the kept stories are checked here: none may point at a deleted story, nor
 * react from a community (or sit in a topic) that the delta stops declaring.
 */
function findDanglingReference(stored: readonly Story[], delta: StoryIndexDelta): string | null {
  const replaced = new Set(delta.upserts.map((s) => s.id));
  const deleted = new Set(delta.deletes.filter((id) => !replaced.has(id)));
  const communities = delta.communities ? new Set(delta.communities.map((c) => c.id)) : null;
  const topics = delta.topics ? new Set(delta.topics.map((t) => t.id)) : null;
  if (deleted.size === 0 && !communities && !topics) return null;
  for (const story of stored) {
    if (replaced.has(story.id) || deleted.has(story.id)) continue;
    const gone = story.related.find((id) => deleted.has(id));
    if (gone !== undefined) {
      return `deletes[${delta.deletes.indexOf(gone)}]: '${gone}' is still in related of story '${story.id}'`;
    }
    const community =
      communities && story.reactions.find((r) => !communities.has(r.community))?.community;
    if (community) {
      return `communities: '${community}' is no longer declared, but story '${story.id}' still has its reaction`;
    }
    const topic = topics && story.topics.find((id) => !topics.has(id));
    if (topic)
      return `topics: '${topic}' is no longer declared, but story '${story.id}' is still in it`;
  }
  return null;
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
  return readAllStories(db);
}

/** The page that holds this id if any story does: the first whose last id is not below it. */
async function pageFor(db: CrosstalkDatabase, id: string): Promise<StoryPage | undefined> {
  return db.storyPages.where('lastId').aboveOrEqual(id).first();
}

export async function getStory(db: CrosstalkDatabase, id: string): Promise<Story | null> {
  const page = await pageFor(db, id);
  return page?.stories.find((s) => s.id === id) ?? null;
}

/** The stories with these ids, in the order asked, skipping ids not stored. */
export async function getStories(db: CrosstalkDatabase, ids: readonly string[]): Promise<Story[]> {
  return db.transaction('r', db.storyPages, async () => {
    const found: Story[] = [];
    for (const id of ids) {
      const story = (await pageFor(db, id))?.stories.find((s) => s.id === id);
      if (story) found.push(story);
    }
    return found;
  });
}

/** The number of stored stories, as recorded with them in the same transaction. */
export async function countStories(db: CrosstalkDatabase): Promise<number> {
  return (await getIndexMeta(db))?.stories ?? 0;
}

/** Removes the index (stories and its meta) at once; the sync status is kept. */
export async function clearIndex(db: CrosstalkDatabase): Promise<void> {
  await db.transaction('rw', db.storyPages, db.meta, async () => {
    await db.storyPages.clear();
    await db.meta.delete('index');
  });
}
