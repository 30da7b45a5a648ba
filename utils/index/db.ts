/**
 * The IndexedDB database that holds the story index, through Dexie.
 *
 * Only the background and extension pages open it (a content script's
 * IndexedDB belongs to the web page's origin). Matching and search run in
 * memory over every story (the background reads the whole index at start and
 * after each import), and a story is looked up by id in that memory too; no
 * query ever asks IndexedDB for stories by entity, keyword, URL, topic or
 * community. So the stories are stored as pages: a few hundred stories per
 * record, in id order, with no secondary index. IndexedDB's cost is per record
 * and per index entry far more than per byte: one put per story with the
 * multi-entry indexes of version 1 took about 4 times as long as one put per
 * story without them, and pages of 250 about a sixth of the plain puts
 * (docs/index-format.md has the figures).
 */
import { Dexie, type Table, type Transaction } from 'dexie';
import type { Community, Provenance, Story, Topic } from './schema';

/** Stories per stored page: measured in Chromium, 100 to 500 cost about the same. */
export const PAGE_SIZE = 250;

/**
 * A stored page of the index: `stories` in id order; page `n` holds the n-th
 * run of them. `lastId` (the id of its last story) is indexed, one entry per
 * page, so a story is found by id in one lookup: the first page whose
 * `lastId` is not below it.
 */
export interface StoryPage {
  n: number;
  lastId: string;
  stories: Story[];
}

/** What the stored index is and where it came from; swapped with the stories. */
export interface IndexMeta {
  generatedAt: string;
  sourceUrl: string;
  bundled: boolean;
  communities: Community[];
  topics: Topic[];
  provenance: Provenance | null;
  stories: number;
  etag: string | null;
  lastModified: string | null;
  importedAt: string;
}

/** The outcome of the latest sync attempts; kept apart from the index itself. */
export interface SyncStatus {
  sourceUrl: string | null;
  lastSyncAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
}

export type MetaRow = { key: 'index'; value: IndexMeta } | { key: 'sync'; value: SyncStatus };

/** Stories, already in id order, cut into pages numbered from 0. */
export function toPages(sorted: readonly Story[]): StoryPage[] {
  const pages: StoryPage[] = [];
  for (let i = 0; i < sorted.length; i += PAGE_SIZE) {
    const stories = sorted.slice(i, i + PAGE_SIZE);
    pages.push({ n: pages.length, lastId: stories[stories.length - 1]!.id, stories });
  }
  return pages;
}

/** The version 1 schema: one row per story, with derived keys and indexes no query used. */
export const V1_STORY_INDEXES =
  'id, *urlKeys, *entityKeys, *keywordKeys, *topics, *communityIds, lastSeen';

/** A version 1 row back to the Story as published: the derived keys dropped. */
export function storyOfV1Row(row: Story & Record<string, unknown>): Story {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { urlKeys, entityKeys, keywordKeys, communityIds, ...story } = row;
  return story as Story;
}

/**
 * Version 1 to 2: the story rows move into pages inside the upgrade
 * transaction, and the old table goes only once they are written; an
 * interrupted upgrade leaves version 1 as it was.
 */
export async function moveRowsToPages(tx: Transaction): Promise<void> {
  // Primary-key order is id order, the order pages keep.
  const rows = await tx.table<Story & Record<string, unknown>, string>('stories').toArray();
  await tx.table<StoryPage, number>('storyPages').bulkPut(toPages(rows.map(storyOfV1Row)));
}

export class CrosstalkDatabase extends Dexie {
  storyPages!: Table<StoryPage, number>;
  meta!: Table<MetaRow, string>;

  constructor(name = 'crosstalk') {
    super(name);
    // Each schema change adds a version here with an upgrade(); never edit a
    // shipped version, since installed databases are already at it.
    this.version(1).stores({
      stories: V1_STORY_INDEXES,
      meta: 'key',
    });
    this.version(2)
      .stores({ stories: null, storyPages: 'n, lastId' })
      .upgrade((tx) => moveRowsToPages(tx));
  }
}

export function openDatabase(name = 'crosstalk'): CrosstalkDatabase {
  return new CrosstalkDatabase(name);
}
