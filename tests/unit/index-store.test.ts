import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CrosstalkDatabase,
  moveRowsToPages,
  openDatabase,
  PAGE_SIZE,
  V1_STORY_INDEXES,
} from '../../utils/index/db';
import {
  applyStoryIndexDelta,
  clearIndex,
  countStories,
  getAllStories,
  getIndexMeta,
  getStories,
  getStory,
  IMPORT_CHUNK,
  importStoryIndex,
} from '../../utils/index/store';
import type { Story } from '../../utils/index/schema';
import { clone, makeDelta, makeIndex, makeStory } from './index-fixtures';

const opened: Dexie[] = [];
let counter = 0;
function freshDb(): CrosstalkDatabase {
  const db = openDatabase(`store-test-${Date.now()}-${counter++}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const SOURCE = { url: 'https://example.org/index.json', bundled: false, etag: '"v1"' };

describe('importStoryIndex', () => {
  it('stores stories and meta', async () => {
    const db = freshDb();
    const index = makeIndex(5);
    const progress: number[] = [];
    await importStoryIndex(db, index, SOURCE, (f) => progress.push(f));
    expect(await countStories(db)).toBe(5);
    expect(progress.at(-1)).toBe(1);
    const meta = await getIndexMeta(db);
    expect(meta).toMatchObject({
      generatedAt: index.generatedAt,
      sourceUrl: SOURCE.url,
      bundled: false,
      stories: 5,
      etag: '"v1"',
      lastModified: null,
    });
    expect(meta!.communities).toEqual(index.communities);
    expect(await getStory(db, 's-2')).toEqual(index.stories[2]);
    expect((await getStories(db, ['s-3', 'missing', 's-1'])).map((s) => s.id)).toEqual([
      's-3',
      's-1',
    ]);
    expect(await getAllStories(db)).toHaveLength(5);
  });

  it('stores pages in id order, whatever the document order, and finds each story by id', async () => {
    const db = freshDb();
    const index = makeIndex(PAGE_SIZE * 2 + 3);
    // The document order is not id order: reversed here.
    const shuffled = { ...index, stories: [...index.stories].reverse() };
    await importStoryIndex(db, shuffled, SOURCE);
    const pages = await db.storyPages.toArray();
    expect(pages.map((p) => p.stories.length)).toEqual([PAGE_SIZE, PAGE_SIZE, 3]);
    const ids = index.stories.map((s) => s.id).sort();
    expect(pages.flatMap((p) => p.stories.map((s) => s.id))).toEqual(ids);
    expect(pages.map((p) => p.lastId)).toEqual([
      ids[PAGE_SIZE - 1],
      ids[PAGE_SIZE * 2 - 1],
      ids.at(-1),
    ]);
    expect((await getAllStories(db)).map((s) => s.id)).toEqual(ids);
    // Stories at the edges of each page are found, and some from within (each lookup reads a page).
    const edges = [0, 1, PAGE_SIZE - 1, PAGE_SIZE, PAGE_SIZE + 1, PAGE_SIZE * 2 - 1, PAGE_SIZE * 2];
    for (const at of [...edges, ids.length - 1, 100, 300]) {
      expect((await getStory(db, ids[at]!))?.id).toBe(ids[at]);
    }
    expect(await getStory(db, 's-0a')).toBeNull(); // between two stored ids
    expect(await getStory(db, 'zzz')).toBeNull(); // after the last page
    expect(await getStory(db, '')).toBeNull(); // before the first
    const picked = [ids[PAGE_SIZE]!, 'nope', ids[0]!, ids.at(-1)!];
    expect((await getStories(db, picked)).map((s) => s.id)).toEqual([
      ids[PAGE_SIZE],
      ids[0],
      ids.at(-1),
    ]);
    expect(await getStory(db, ids[7]!)).toEqual(index.stories.find((s) => s.id === ids[7]));
  });

  it('replaces the previous index whole', async () => {
    const db = freshDb();
    await importStoryIndex(db, makeIndex(4, 'old'), SOURCE);
    await importStoryIndex(db, makeIndex(2, 'new', '2025-09-01T00:00:00Z'), SOURCE);
    expect((await getAllStories(db)).map((s) => s.id).sort()).toEqual(['new-0', 'new-1']);
    expect((await getIndexMeta(db))!.generatedAt).toBe('2025-09-01T00:00:00Z');
  });

  it('leaves the old index whole when the import is aborted midway', async () => {
    const db = freshDb();
    const old = makeIndex(3, 'old');
    await importStoryIndex(db, old, SOURCE);
    const big = makeIndex(IMPORT_CHUNK * 3, 'new', '2025-09-01T00:00:00Z');
    let calls = 0;
    // Abort the transaction itself after the first chunk is written, as a
    // stopped service worker would.
    const run = importStoryIndex(db, big, SOURCE, () => {
      calls++;
      if (calls === 1) Dexie.currentTransaction!.abort();
    });
    await expect(run).rejects.toThrow();
    expect(calls).toBe(1);
    expect((await getAllStories(db)).map((s) => s.id).sort()).toEqual(['old-0', 'old-1', 'old-2']);
    expect((await getIndexMeta(db))!.generatedAt).toBe(old.generatedAt);
  });

  it('leaves the old index whole when the import throws midway', async () => {
    const db = freshDb();
    await importStoryIndex(db, makeIndex(3, 'old'), SOURCE);
    const big = makeIndex(IMPORT_CHUNK * 2 + 1, 'new', '2025-09-01T00:00:00Z');
    const run = importStoryIndex(db, big, SOURCE, (f) => {
      if (f > 0.5) throw new Error('stopped');
    });
    await expect(run).rejects.toThrow('stopped');
    expect(await countStories(db)).toBe(3);
    expect((await getIndexMeta(db))!.stories).toBe(3);
  });

  it('never lets a reader see half an old and half a new index', async () => {
    const db = freshDb();
    await importStoryIndex(db, makeIndex(IMPORT_CHUNK + 500, 'a', '2025-08-01T00:00:00Z'), SOURCE);
    const next = makeIndex(IMPORT_CHUNK * 2 + 100, 'b', '2025-09-01T00:00:00Z');
    const prefixOf: Record<string, string> = {
      '2025-08-01T00:00:00Z': 'a',
      '2025-09-01T00:00:00Z': 'b',
    };
    const seen = new Set<string>();
    let importing = true;
    const reads: Promise<void>[] = [];
    const importing$ = importStoryIndex(db, next, SOURCE, () => {
      // Readers start while the write is in flight, in their own transaction
      // (not nested inside the import's, which Dexie would otherwise do).
      reads.push(Dexie.ignoreTransaction(() => snapshot()));
    }).finally(() => {
      importing = false;
    });
    async function snapshot(): Promise<void> {
      await db.transaction('r', db.storyPages, db.meta, async () => {
        const meta = await getIndexMeta(db);
        const ids = (await db.storyPages.toArray()).flatMap((p) => p.stories.map((s) => s.id));
        const prefix = prefixOf[meta!.generatedAt]!;
        seen.add(prefix);
        expect(ids.length).toBe(meta!.stories);
        expect(ids.every((id) => id.startsWith(`${prefix}-`))).toBe(true);
      });
    }
    reads.push(snapshot());
    await importing$;
    reads.push(snapshot());
    await Promise.all(reads);
    expect(importing).toBe(false);
    expect(seen.has('b')).toBe(true);
    expect(reads.length).toBeGreaterThanOrEqual(4);
  });
});

describe('applyStoryIndexDelta', () => {
  it('upserts, deletes and moves the meta on', async () => {
    const db = freshDb();
    const base = makeIndex(4);
    await importStoryIndex(db, base, SOURCE);
    const changed = { ...clone(base.stories[1]!), title: 'Changed title' };
    await applyStoryIndexDelta(db, makeDelta(base, [changed, makeStory('s-9', 9)], ['s-0']));
    expect((await getAllStories(db)).map((s) => s.id).sort()).toEqual(['s-1', 's-2', 's-3', 's-9']);
    expect((await getStory(db, 's-1'))!.title).toBe('Changed title');
    const meta = await getIndexMeta(db);
    expect(meta).toMatchObject({ generatedAt: '2025-08-10T00:00:00Z', stories: 4 });
  });

  it('keeps the pages in id order and every story findable after a delta', async () => {
    const db = freshDb();
    const base = makeIndex(PAGE_SIZE + 10);
    await importStoryIndex(db, base, SOURCE);
    const last = base.stories.at(-1)!.id;
    // 's-1a' sorts among the stored ids (after 's-1'), not at the end.
    const delta = makeDelta(base, [makeStory('s-1a', 1)], [last]);
    const progress: number[] = [];
    await applyStoryIndexDelta(db, delta, undefined, (f) => progress.push(f));
    expect(progress.at(-1)).toBe(1);
    const ids = [...base.stories.map((s) => s.id).filter((id) => id !== last), 's-1a'].sort();
    expect((await getAllStories(db)).map((s) => s.id)).toEqual(ids);
    expect(await countStories(db)).toBe(ids.length);
    for (const id of ['s-1', 's-1a', 's-10', ids[PAGE_SIZE - 1]!, ids[PAGE_SIZE]!, ids.at(-1)!]) {
      expect((await getStory(db, id))?.id).toBe(id);
    }
    expect(await getStory(db, last)).toBeNull();
  });

  it('refuses a delta whose base is not the stored index, writing nothing', async () => {
    const db = freshDb();
    const base = makeIndex(2);
    await importStoryIndex(db, base, SOURCE);
    const delta = { ...makeDelta(base, [], ['s-0']), baseGeneratedAt: '2025-01-01T00:00:00Z' };
    await expect(applyStoryIndexDelta(db, delta)).rejects.toThrow(/baseGeneratedAt/);
    expect(await countStories(db)).toBe(2);
  });

  it('refuses a delete that leaves a kept story pointing at it', async () => {
    const db = freshDb();
    const base = makeIndex(3); // s-1 relates to s-0
    await importStoryIndex(db, base, SOURCE);
    await expect(applyStoryIndexDelta(db, makeDelta(base, [], ['s-0']))).rejects.toThrow(
      "deletes[0]: 's-0' is still in related of story 's-1'",
    );
    expect(await countStories(db)).toBe(3);
    expect((await getIndexMeta(db))!.generatedAt).toBe(base.generatedAt);
  });
});

describe('applyStoryIndexDelta, declarations', () => {
  it('refuses to stop declaring a community that a kept story still reacts from', async () => {
    const db = freshDb();
    const base = makeIndex(3); // s-1 has a hackernews reaction
    await importStoryIndex(db, base, SOURCE);
    const delta = {
      ...makeDelta(base, [], []),
      communities: base.communities.filter((c) => c.id !== 'hackernews'),
    };
    await expect(applyStoryIndexDelta(db, delta)).rejects.toThrow(
      "communities: 'hackernews' is no longer declared, but story 's-1' still has its reaction",
    );
    expect((await getIndexMeta(db))!.communities).toHaveLength(3);
  });

  it('refuses to stop declaring a topic that a kept story is in', async () => {
    const db = freshDb();
    const base = makeIndex(2);
    await importStoryIndex(db, base, SOURCE);
    const delta = { ...makeDelta(base, [], []), topics: [base.topics[0]!] };
    await expect(applyStoryIndexDelta(db, delta)).rejects.toThrow(
      "topics: 'agents' is no longer declared",
    );
  });

  it('accepts dropping a community once its stories are deleted or replaced', async () => {
    const db = freshDb();
    const base = makeIndex(3);
    await importStoryIndex(db, base, SOURCE);
    const communities = base.communities.filter((c) => c.id !== 'hackernews');
    const s1 = {
      ...clone(base.stories[1]!),
      reactions: [{ ...clone(base.stories[0]!.reactions[0]!) }],
    };
    await applyStoryIndexDelta(db, { ...makeDelta(base, [s1], []), communities });
    expect((await getIndexMeta(db))!.communities.map((c) => c.id)).toEqual([
      'r-localllama',
      'arxiv-cs-cl',
    ]);
  });
});

describe('clearIndex', () => {
  it('removes the stories and the index meta together', async () => {
    const db = freshDb();
    await importStoryIndex(db, makeIndex(3), SOURCE);
    await clearIndex(db);
    expect(await countStories(db)).toBe(0);
    expect(await getIndexMeta(db)).toBeNull();
  });
});

describe('schema upgrades', () => {
  /** A database as version 1 of the extension left it: one row per story, with derived keys. */
  async function makeV1(name: string, stories: Story[]): Promise<void> {
    const v1 = new Dexie(name);
    v1.version(1).stores({ stories: V1_STORY_INDEXES, meta: 'key' });
    await v1.table('stories').bulkPut(
      stories.map((s) => ({
        ...s,
        urlKeys: s.urls,
        entityKeys: s.entities.map((e) => e.toLowerCase()),
        keywordKeys: s.keywords,
        communityIds: s.reactions.map((r) => r.community),
      })),
    );
    await v1
      .table('meta')
      .put({ key: 'index', value: { generatedAt: 'v1', stories: stories.length } });
    v1.close();
  }

  it('version 2 moves the version 1 rows into pages, keeping the index and dropping the derived keys', async () => {
    const name = `upgrade-test-${Date.now()}-${counter++}`;
    const index = makeIndex(PAGE_SIZE + 7);
    await makeV1(name, index.stories);

    const v2 = new CrosstalkDatabase(name);
    opened.push(v2);
    await v2.open();
    expect(v2.verno).toBe(2);
    expect([...v2.backendDB().objectStoreNames].sort()).toEqual(['meta', 'storyPages']);
    expect((await getIndexMeta(v2))!.generatedAt).toBe('v1');
    const stored = await getAllStories(v2);
    expect(stored).toEqual([...index.stories].sort((a, b) => (a.id < b.id ? -1 : 1)));
    expect(stored.every((s) => !('urlKeys' in s) && !('communityIds' in s))).toBe(true);
    expect((await v2.storyPages.toArray()).map((p) => p.stories.length)).toEqual([PAGE_SIZE, 7]);
    expect(await getStory(v2, 's-5')).toEqual(index.stories[5]);
  });

  it('an upgrade that fails midway leaves version 1 as it was', async () => {
    const name = `upgrade-fail-test-${Date.now()}-${counter++}`;
    const index = makeIndex(5);
    await makeV1(name, index.stories);

    const failing = new Dexie(name);
    failing.version(1).stores({ stories: V1_STORY_INDEXES, meta: 'key' });
    failing
      .version(2)
      .stores({ stories: null, storyPages: 'n, lastId' })
      .upgrade(async (tx) => {
        await moveRowsToPages(tx);
        throw new Error('worker stopped');
      });
    await expect(failing.open()).rejects.toThrow();
    failing.close();

    const again = new Dexie(name);
    opened.push(again);
    again.version(1).stores({ stories: V1_STORY_INDEXES, meta: 'key' });
    await again.open();
    expect(again.verno).toBe(1);
    expect([...again.backendDB().objectStoreNames].sort()).toEqual(['meta', 'stories']);
    expect(await again.table('stories').count()).toBe(5);
  });
});
