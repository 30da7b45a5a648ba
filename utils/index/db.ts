/**
 * The IndexedDB database that holds the story index, through Dexie.
 *
 * Only the background and extension pages open it (a content script's
 * IndexedDB belongs to the web page's origin). Each story row is the Story as
 * published plus derived, lower-cased multi-entry keys, so that matching and
 * search are index lookups rather than scans.
 */
import { Dexie, type Table } from 'dexie';
import type { Community, Provenance, Story, Topic } from './schema';
import { urlKey } from './url-key';

/** A stored story: the published Story plus keys derived from it at import. */
export interface StoryRow extends Story {
  urlKeys: string[];
  entityKeys: string[];
  keywordKeys: string[];
  communityIds: string[];
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

export const STORY_INDEXES =
  'id, *urlKeys, *entityKeys, *keywordKeys, *topics, *communityIds, lastSeen';

function uniqueLower(values: readonly string[]): string[] {
  return [...new Set(values.map((s) => s.trim().toLowerCase()).filter((s) => s.length > 0))];
}

export function toStoryRow(story: Story): StoryRow {
  return {
    ...story,
    urlKeys: [...new Set(story.urls.map(urlKey))],
    entityKeys: uniqueLower(story.entities),
    keywordKeys: uniqueLower(story.keywords),
    communityIds: [...new Set(story.reactions.map((r) => r.community))],
  };
}

export function fromStoryRow(row: StoryRow): Story {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { urlKeys, entityKeys, keywordKeys, communityIds, ...story } = row;
  return story;
}

/**
 * For a later version(n).upgrade: recompute every row's derived keys (for
 * example after the URL canonicalisation changes) inside the upgrade
 * transaction, so an interrupted upgrade leaves version n-1 intact.
 */
export async function rederiveStoryRows(stories: Table<StoryRow, string>): Promise<void> {
  await stories.toCollection().modify((row) => {
    const next = toStoryRow(fromStoryRow(row));
    row.urlKeys = next.urlKeys;
    row.entityKeys = next.entityKeys;
    row.keywordKeys = next.keywordKeys;
    row.communityIds = next.communityIds;
  });
}

export class CrosstalkDatabase extends Dexie {
  stories!: Table<StoryRow, string>;
  meta!: Table<MetaRow, string>;

  constructor(name = 'crosstalk') {
    super(name);
    // Each schema change adds a version here with an upgrade(); never edit a
    // shipped version, since installed databases are already at it.
    this.version(1).stores({
      stories: STORY_INDEXES,
      meta: 'key',
    });
  }
}

export function openDatabase(name = 'crosstalk'): CrosstalkDatabase {
  return new CrosstalkDatabase(name);
}
