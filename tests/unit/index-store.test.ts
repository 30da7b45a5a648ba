import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CrosstalkDatabase,
  openDatabase,
  rederiveStoryRows,
  STORY_INDEXES,
  type StoryRow,
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
  it('stores stories, derived keys and meta', async () => {
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
    // The derived keys answer the lookups matching needs.
    const byUrl = await db.stories
      .where('urlKeys')
      .equals('https://example.com/news/s-4')
      .toArray();
    expect(byUrl.map((r) => r.id)).toEqual(['s-4']);
    const byEntity = await db.stories.where('entityKeys').equals('model-3').primaryKeys();
    expect(byEntity).toEqual(['s-3']);
    expect(await db.stories.where('entityKeys').equals('openai').count()).toBe(5);
    expect(await db.stories.where('communityIds').equals('hackernews').primaryKeys()).toEqual([
      's-1',
      's-4',
    ]);
    expect(await db.stories.where('topics').equals('agents').count()).toBe(2);
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
      await db.transaction('r', db.stories, db.meta, async () => {
        const meta = await getIndexMeta(db);
        const ids = (await db.stories.toCollection().primaryKeys()) as string[];
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
  it('a version(2) upgrade keeps the stored index and re-derives its keys', async () => {
    const name = `upgrade-test-${Date.now()}`;
    const v1 = new CrosstalkDatabase(name);
    await importStoryIndex(v1, makeIndex(3), SOURCE);
    // Spoil a derived key, as a change of canonicalisation would leave it stale.
    await v1.stories.update('s-1', { urlKeys: ['stale'] });
    v1.close();

    class NextDatabase extends CrosstalkDatabase {
      constructor() {
        super(name);
        this.version(2)
          .stores({ stories: `${STORY_INDEXES}, firstSeen` })
          .upgrade((tx) => rederiveStoryRows(tx.table<StoryRow, string>('stories')));
      }
    }
    const v2 = new NextDatabase();
    opened.push(v2);
    await v2.open();
    expect(v2.verno).toBe(2);
    expect(await countStories(v2)).toBe(3);
    expect((await getIndexMeta(v2))!.stories).toBe(3);
    const row = await v2.stories.get('s-1');
    expect(row!.urlKeys).toContain('https://example.com/news/s-1');
    expect(row!.urlKeys).not.toContain('stale');
    // The index added in version 2 is usable.
    expect(await v2.stories.where('firstSeen').equals('2025-08-01T00:00:00Z').count()).toBe(3);
  });
});
