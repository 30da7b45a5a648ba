/**
 * Mastodon: Status entities (as /api/v1/timelines or /api/v2/search return
 * them). content is HTML and becomes plain text; boosts (reblog ≠ null) are
 * skipped for the same reason as retweets: the words are someone else's.
 */
import { htmlToText } from '../text';
import { isoFromDate, nonNegativeInt, type Post } from '../types';

export const MASTODON_COMMUNITY = 'mastodon';
type Json = Record<string, unknown>;

export function mastodonPostFromStatus(s: Json, source: string): Post | null {
  if (s.reblog) return null;
  const url = typeof s.url === 'string' ? s.url : typeof s.uri === 'string' ? s.uri : '';
  const postedAt = isoFromDate(String(s.created_at ?? ''));
  if (!/^https?:\/\//.test(url) || !postedAt || typeof s.content !== 'string') return null;
  const card = (s.card ?? {}) as Json;
  const link = typeof card.url === 'string' && /^https?:/.test(card.url) ? card.url : undefined;
  return {
    id: `mastodon:${url}`,
    community: MASTODON_COMMUNITY,
    platform: 'mastodon',
    url,
    text: htmlToText(s.content),
    postedAt,
    score: nonNegativeInt(s.favourites_count) + nonNegativeInt(s.reblogs_count),
    comments: nonNegativeInt(s.replies_count),
    ...(link ? { linkUrl: link } : {}),
    isComment: typeof s.in_reply_to_id === 'string',
    lang: typeof s.language === 'string' ? s.language : null,
    source,
  };
}

export function looksLikeMastodon(doc: unknown): boolean {
  const s0 = (Array.isArray(doc) ? doc[0] : doc) as Json | undefined;
  return typeof s0?.content === 'string' && typeof s0?.account === 'object' && 'created_at' in s0;
}

export function parseMastodon(doc: unknown, source: string): Post[] {
  const statuses = (Array.isArray(doc) ? doc : [doc]) as Json[];
  return statuses
    .map((s) => mastodonPostFromStatus(s, source))
    .filter((p): p is Post => p !== null);
}
