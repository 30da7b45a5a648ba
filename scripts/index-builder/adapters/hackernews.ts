/**
 * Hacker News: Algolia search responses (`{hits: [...]}`, fields as documented
 * by the HN Search API: objectID, title, url, points, num_comments, created_at,
 * story_text / comment_text, story_id, parent_id) and the corpus's
 * hn_stories.jsonl (kb_date, hn_id, title, url, points, num_comments).
 */
import { htmlToText } from '../text';
import { isoFromDate, nonNegativeInt, type Post } from '../types';

export const HN_COMMUNITY = 'hackernews';
type Json = Record<string, unknown>;

export function hnItemUrl(id: string | number): string {
  return `https://news.ycombinator.com/item?id=${id}`;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

function httpUrl(v: unknown): string | undefined {
  const s = str(v);
  return /^https?:\/\//i.test(s) ? s : undefined;
}

/** One Algolia hit: a story, or a comment when it carries comment_text. */
export function hnPostFromAlgoliaHit(hit: Json, source: string): Post | null {
  const id = str(hit.objectID);
  const postedAt =
    isoFromDate(str(hit.created_at)) ??
    (typeof hit.created_at_i === 'number'
      ? isoFromDate(new Date(hit.created_at_i * 1000).toISOString())
      : null);
  if (!id || !postedAt) return null;
  if (typeof hit.comment_text === 'string') {
    const storyId = str(hit.story_id);
    const parentId = str(hit.parent_id);
    return {
      id: `hn:${id}`,
      community: HN_COMMUNITY,
      platform: 'hackernews',
      url: hnItemUrl(id),
      text: htmlToText(hit.comment_text),
      postedAt,
      score: nonNegativeInt(hit.points),
      comments: 0,
      ...(storyId ? { threadUrl: hnItemUrl(storyId) } : {}),
      ...(parentId ? { parentUrl: hnItemUrl(parentId) } : {}),
      isComment: true,
      source,
    };
  }
  const title = str(hit.title);
  if (!title) return null;
  const link = httpUrl(hit.url);
  return {
    id: `hn:${id}`,
    community: HN_COMMUNITY,
    platform: 'hackernews',
    url: hnItemUrl(id),
    title,
    text: typeof hit.story_text === 'string' ? htmlToText(hit.story_text) : '',
    postedAt,
    score: nonNegativeInt(hit.points),
    comments: nonNegativeInt(hit.num_comments),
    ...(link ? { linkUrl: link } : {}),
    isComment: false,
    source,
  };
}

export function parseHnAlgolia(doc: Json, source: string): Post[] {
  const out: Post[] = [];
  for (const hit of (doc.hits ?? []) as Json[]) {
    const p = hnPostFromAlgoliaHit(hit, source);
    if (p) out.push(p);
  }
  return out;
}

/**
 * A row of hn_stories.jsonl. It has no timestamp, only the day the upstream
 * job listed the story (kb_date), so postedAt is that day at 00:00 UTC.
 */
export function hnPostFromStoryRow(row: Json, source: string): Post | null {
  const id = str(row.hn_id);
  const title = str(row.title);
  const day = str(row.kb_date);
  if (!id || !title || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const link = httpUrl(row.url);
  return {
    id: `hn:${id}`,
    community: HN_COMMUNITY,
    platform: 'hackernews',
    url: hnItemUrl(id),
    title,
    text: '',
    postedAt: `${day}T00:00:00Z`,
    score: nonNegativeInt(row.points),
    comments: nonNegativeInt(row.num_comments),
    ...(link ? { linkUrl: link } : {}),
    isComment: false,
    source,
  };
}

export function looksLikeHnAlgolia(doc: unknown): doc is Json {
  return typeof doc === 'object' && doc !== null && Array.isArray((doc as Json).hits);
}

export function looksLikeHnStoryRow(row: Json): boolean {
  return 'hn_id' in row && 'title' in row;
}
