/**
 * Bluesky: post views as app.bsky.feed.searchPosts returns them
 * (`{posts: PostView[]}`, PostView from app.bsky.feed.defs: uri, cid, author,
 * record, embed, replyCount, repostCount, likeCount, indexedAt). The record is
 * an app.bsky.feed.post: text, createdAt, langs, reply.
 */
import { isoFromDate, nonNegativeInt, type Post } from '../types';

export const BLUESKY_COMMUNITY = 'bluesky';
type Json = Record<string, unknown>;

/** at://did:plc:x/app.bsky.feed.post/rkey → https://bsky.app/profile/<handle|did>/post/rkey */
export function bskyWebUrl(atUri: string, handle?: string): string | null {
  const m = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([^/]+)$/.exec(atUri);
  return m ? `https://bsky.app/profile/${handle || m[1]}/post/${m[2]}` : null;
}

export function blueskyPostFromView(view: Json, source: string): Post | null {
  const record = (view.record ?? {}) as Json;
  const author = (view.author ?? {}) as Json;
  const handle = typeof author.handle === 'string' ? author.handle : undefined;
  const uri = typeof view.uri === 'string' ? view.uri : '';
  const url = bskyWebUrl(uri, handle);
  const postedAt =
    isoFromDate(String(record.createdAt ?? '')) ?? isoFromDate(String(view.indexedAt ?? ''));
  if (!url || !postedAt || typeof record.text !== 'string') return null;
  const embed = (view.embed ?? {}) as Json;
  const external = (embed.external ?? {}) as Json;
  const link =
    typeof external.uri === 'string' && /^https?:/.test(external.uri) ? external.uri : undefined;
  const reply = record.reply as Json | undefined;
  const parentUri = ((reply?.parent ?? {}) as Json).uri;
  const rootUri = ((reply?.root ?? {}) as Json).uri;
  const langs = Array.isArray(record.langs) ? (record.langs as string[]) : [];
  return {
    id: `bluesky:${uri}`,
    community: BLUESKY_COMMUNITY,
    platform: 'bluesky',
    url,
    text: record.text,
    postedAt,
    score: nonNegativeInt(view.likeCount) + nonNegativeInt(view.repostCount),
    comments: nonNegativeInt(view.replyCount),
    ...(typeof parentUri === 'string' && bskyWebUrl(parentUri)
      ? { parentUrl: bskyWebUrl(parentUri)! }
      : {}),
    ...(typeof rootUri === 'string' && bskyWebUrl(rootUri)
      ? { threadUrl: bskyWebUrl(rootUri)! }
      : {}),
    ...(link ? { linkUrl: link } : {}),
    isComment: Boolean(reply),
    lang: langs[0] ?? null,
    source,
  };
}

export function looksLikeBluesky(doc: unknown): boolean {
  const views = Array.isArray(doc) ? doc : (doc as Json | null)?.posts;
  const v0 = Array.isArray(views) ? (views[0] as Json | undefined) : (doc as Json | null);
  return typeof v0?.uri === 'string' && String(v0.uri).startsWith('at://') && 'record' in v0;
}

export function parseBluesky(doc: unknown, source: string): Post[] {
  const views = (
    Array.isArray(doc) ? doc : Array.isArray((doc as Json).posts) ? (doc as Json).posts : [doc]
  ) as Json[];
  return views.map((v) => blueskyPostFromView(v, source)).filter((p): p is Post => p !== null);
}
