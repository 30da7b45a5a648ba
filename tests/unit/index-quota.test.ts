/**
 * Storage full during an import (issue 10): the browser refuses a write with a
 * QuotaExceededError partway through a large index. fake-indexeddb has no quota, so the
 * story pages' bulkPut is wrapped to fail the way a full disk does, on a chosen chunk.
 * The old index must stay whole (stories and meta), and a sync must say so in words.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type CrosstalkDatabase } from '../../utils/index/db';
import {
  countStories,
  getAllStories,
  getIndexMeta,
  IMPORT_CHUNK,
  importStoryIndex,
} from '../../utils/index/store';
import { getSyncStatus, syncIndex } from '../../utils/index/sync';
import { makeIndex } from './index-fixtures';

const opened: CrosstalkDatabase[] = [];
let counter = 0;
function freshDb(): CrosstalkDatabase {
  const db = openDatabase(`quota-test-${Date.now()}-${counter++}`);
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const OLD_SOURCE = { url: 'https://index.example/old.json', bundled: false };

function quotaError(): DOMException {
  return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
}

/** Makes the nth bulkPut on the story pages (1-based) fail as a full disk would. */
function fillDiskOnChunk(db: CrosstalkDatabase, failing: number): { calls: () => number } {
  let calls = 0;
  const table = db.storyPages;
  const original = table.bulkPut.bind(table);
  table.bulkPut = ((...args: Parameters<typeof original>) => {
    calls++;
    if (calls === failing) return Promise.reject(quotaError());
    return original(...args);
  }) as typeof table.bulkPut;
  return { calls: () => calls };
}

async function snapshot(db: CrosstalkDatabase) {
  return {
    ids: (await getAllStories(db)).map((s) => s.id).sort(),
    meta: await getIndexMeta(db),
    count: await countStories(db),
  };
}

describe('storage full during an import', () => {
  it('importStoryIndex rejects with the QuotaExceededError and leaves the old index whole', async () => {
    const db = freshDb();
    await importStoryIndex(db, makeIndex(5, 'old'), OLD_SOURCE);
    const before = await snapshot(db);
    expect(before.count).toBe(5);

    const disk = fillDiskOnChunk(db, 2);
    const big = makeIndex(IMPORT_CHUNK * 2 + 10, 'new', '2025-09-01T00:00:00Z');
    await expect(
      importStoryIndex(db, big, { url: 'https://index.example/new.json', bundled: false }),
    ).rejects.toMatchObject({ name: 'QuotaExceededError' });
    // The first chunk was written inside the transaction before the disk filled up.
    expect(disk.calls()).toBe(2);

    const after = await snapshot(db);
    expect(after).toEqual(before);
    expect(after.meta?.sourceUrl).toBe(OLD_SOURCE.url);
  });

  it('a sync that fills the disk keeps the old index and says why in words', async () => {
    const db = freshDb();
    const old = makeIndex(4, 'old');
    await importStoryIndex(db, old, OLD_SOURCE);
    const before = await snapshot(db);

    fillDiskOnChunk(db, 1);
    const url = 'https://index.example/story-index.json';
    const big = makeIndex(IMPORT_CHUNK + 1, 'new', '2025-09-01T00:00:00Z');
    const fakeFetch = (async () =>
      new Response(JSON.stringify(big), {
        status: 200,
        headers: { 'content-type': 'application/json' },
      })) as typeof fetch;
    const result = await syncIndex(db, { url, bundled: false, fetch: fakeFetch });

    expect(result.status).toBe('failed');
    expect(result.stories).toBe(4);
    expect(result.error).toContain(url);
    expect(result.error).toMatch(/could not be stored/);
    expect(result.error).toMatch(/QuotaExceededError/);
    const status = await getSyncStatus(db);
    expect(status.lastError).toBe(result.error);
    expect(await snapshot(db)).toEqual(before);
    // The old index still answers and a later sync (disk freed) goes through.
    expect((await getAllStories(db)).map((s) => s.title)).toEqual(old.stories.map((s) => s.title));
  });

  it('once the disk has room again, the same import succeeds whole', async () => {
    const db = freshDb();
    await importStoryIndex(db, makeIndex(3, 'old'), OLD_SOURCE);
    const disk = fillDiskOnChunk(db, 1);
    const big = makeIndex(IMPORT_CHUNK + 5, 'new', '2025-09-01T00:00:00Z');
    const source = { url: 'https://index.example/new.json', bundled: false };
    await expect(importStoryIndex(db, big, source)).rejects.toThrow();
    // Only the first call fails: the retry writes every chunk.
    await importStoryIndex(db, big, source);
    expect(disk.calls()).toBeGreaterThanOrEqual(3);
    expect(await countStories(db)).toBe(IMPORT_CHUNK + 5);
    expect((await getIndexMeta(db))?.sourceUrl).toBe(source.url);
  });
});
