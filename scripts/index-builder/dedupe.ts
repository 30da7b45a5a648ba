/**
 * The same post often comes from several files (the thread dump, the listing,
 * the reshaped JSONL; an arXiv cross-list on several days; an HN story on two
 * daily pages). One copy is kept: the one with most engagement (the latest
 * snapshot), then the earliest date, then the first file.
 */
import type { Post } from './types';

function better(a: Post, b: Post): Post {
  const ea = a.score + a.comments;
  const eb = b.score + b.comments;
  if (ea !== eb) return ea > eb ? a : b;
  if (a.postedAt !== b.postedAt) return a.postedAt < b.postedAt ? a : b;
  return a;
}

export function dedupePosts(posts: Iterable<Post>): Post[] {
  const byId = new Map<string, Post>();
  for (const p of posts) {
    const seen = byId.get(p.id);
    byId.set(p.id, seen ? better(seen, p) : p);
  }
  return [...byId.values()];
}
