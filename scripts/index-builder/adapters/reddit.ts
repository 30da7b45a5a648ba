/**
 * Reddit: listing JSON (`/r/x/top.json`), thread JSON (`/comments/<id>.json`,
 * `[Listing(t3), Listing(t1…)]`) and the corpus's posts_with_comments JSONL
 * (one post per line with its comments flattened). Text comes from Reddit's
 * JSON where it is HTML-escaped (`&amp;`, `&gt;`): it is entity-decoded here.
 */
import { decodeEntities } from '../text';
import { isoFromUnix, nonNegativeInt, type Post } from '../types';

const REDDIT = 'https://www.reddit.com';
const REDDIT_HOSTED = /(^|\.)(redd\.it|reddit\.com|redditmedia\.com)$/i;

type Json = Record<string, unknown>;

export function redditCommunityId(subreddit: string): string {
  return `r-${subreddit.toLowerCase()}`;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

function absolute(permalink: string): string {
  return permalink.startsWith('http') ? permalink : REDDIT + permalink;
}

/** A link post's target, unless it is Reddit's own media or the thread itself. */
function externalLink(url: string): string | undefined {
  try {
    const u = new URL(url);
    return REDDIT_HOSTED.test(u.hostname) ? undefined : url;
  } catch {
    return undefined;
  }
}

export function redditPostFromData(d: Json, source: string): Post | null {
  const id = str(d.id);
  const subreddit = str(d.subreddit);
  const permalink = str(d.permalink);
  if (!id || !subreddit || !permalink || typeof d.created_utc !== 'number') return null;
  const url = absolute(permalink);
  const link = d.is_self ? undefined : externalLink(str(d.url));
  return {
    id: `reddit:${id}`,
    community: redditCommunityId(subreddit),
    platform: 'reddit',
    url,
    title: decodeEntities(str(d.title)),
    text: decodeEntities(str(d.selftext)),
    postedAt: isoFromUnix(d.created_utc),
    score: nonNegativeInt(d.score),
    comments: nonNegativeInt(d.num_comments),
    ...(link ? { linkUrl: link } : {}),
    isComment: false,
    source,
  };
}

function isRemoved(body: string): boolean {
  return body === '[deleted]' || body === '[removed]' || body.trim() === '';
}

interface CommentFields {
  id: string;
  parent_id: string;
  body: string;
  created_utc: number;
  score: unknown;
}

function redditComment(c: CommentFields, thread: Post, permalink: string, source: string): Post {
  const threadUrl = thread.url;
  const parent = c.parent_id.startsWith('t1_') ? `${threadUrl}${c.parent_id.slice(3)}/` : threadUrl;
  return {
    id: `reddit:${c.id}`,
    community: thread.community,
    platform: 'reddit',
    url: permalink,
    text: decodeEntities(c.body),
    postedAt: isoFromUnix(c.created_utc),
    score: nonNegativeInt(c.score),
    comments: 0,
    parentUrl: parent,
    threadUrl,
    isComment: true,
    source,
  };
}

/** A Listing of t3 children (a subreddit page). */
export function parseRedditListing(doc: Json, source: string): Post[] {
  const children = ((doc.data as Json | undefined)?.children ?? []) as Json[];
  const out: Post[] = [];
  for (const child of children) {
    if (child.kind !== 't3') continue;
    const p = redditPostFromData(child.data as Json, source);
    if (p) out.push(p);
  }
  return out;
}

function walkComments(children: Json[], thread: Post, source: string, out: Post[]): void {
  for (const child of children) {
    if (child.kind !== 't1') continue; // "more" stubs carry no text
    const d = child.data as Json;
    const body = str(d.body);
    if (!isRemoved(body) && typeof d.created_utc === 'number') {
      const permalink = str(d.permalink)
        ? absolute(str(d.permalink))
        : `${thread.url}${str(d.id)}/`;
      out.push(
        redditComment(
          {
            id: str(d.id),
            parent_id: str(d.parent_id),
            body,
            created_utc: d.created_utc,
            score: d.score,
          },
          thread,
          permalink,
          source,
        ),
      );
    }
    const replies = d.replies as Json | string | undefined;
    if (replies && typeof replies === 'object') {
      walkComments(((replies.data as Json)?.children ?? []) as Json[], thread, source, out);
    }
  }
}

/** `[Listing(t3), Listing(t1…)]`: the post, then its comment tree. */
export function parseRedditThread(doc: Json[], source: string): Post[] {
  const root = parseRedditListing(doc[0] as Json, source)[0];
  if (!root) return [];
  const out: Post[] = [root];
  const comments = (((doc[1] as Json | undefined)?.data as Json | undefined)?.children ??
    []) as Json[];
  walkComments(comments, root, source, out);
  return out;
}

/** One line of posts_with_comments.jsonl: the post fields plus `comments: [...]`. */
export function parseRedditPostWithComments(row: Json, source: string): Post[] {
  const root = redditPostFromData(row, source);
  if (!root) return [];
  const out: Post[] = [root];
  for (const c of (row.comments ?? []) as Json[]) {
    const body = str(c.body);
    if (isRemoved(body) || typeof c.created_utc !== 'number' || !str(c.id)) continue;
    out.push(
      redditComment(
        {
          id: str(c.id),
          parent_id: str(c.parent_id),
          body,
          created_utc: c.created_utc,
          score: c.score,
        },
        root,
        `${root.url}${str(c.id)}/`,
        source,
      ),
    );
  }
  return out;
}

export function looksLikeRedditThread(doc: unknown): doc is Json[] {
  return (
    Array.isArray(doc) &&
    doc.length >= 1 &&
    (doc[0] as Json)?.kind === 'Listing' &&
    ((((doc[0] as Json).data as Json)?.children as Json[] | undefined)?.[0]?.kind ?? '') === 't3'
  );
}

export function looksLikeRedditListing(doc: unknown): doc is Json {
  return (
    typeof doc === 'object' &&
    doc !== null &&
    !Array.isArray(doc) &&
    (doc as Json).kind === 'Listing'
  );
}

export function looksLikeRedditRow(row: Json): boolean {
  return typeof row.permalink === 'string' && typeof row.subreddit === 'string';
}
