/**
 * Quotes and community summaries, both extractive: whole sentences from the
 * community's own posts (Reddit comments and self-text, arXiv abstracts,
 * tweets, feed descriptions), chosen, never written.
 *
 * A sentence is a candidate when it is quotable (sentences.ts) and names at
 * least one of the story's terms (its entities and keywords), so that it is
 * about the story and not about something else said in the same thread.
 * Candidates rank by relevance × (1 + log(1 + post score)): what the
 * community upvoted, among what is on topic.
 */
import type { Quote } from '../../utils/index/schema';
import { quotableSentences } from './sentences';
import type { Post } from './types';

export interface Candidate {
  text: string;
  post: Post;
  rank: number;
}

export const QUOTES_PER_COMMUNITY = 3;

/** How many different story terms a sentence names. */
function relevance(sentence: string, terms: RegExp | null): number {
  if (!terms) return 0;
  const found = new Set<string>();
  for (const m of sentence.matchAll(terms)) found.add(m[0].toLowerCase());
  return found.size;
}

/** One pattern for all of a story's terms (one pass per sentence, not one per term). */
export function termPatterns(terms: string[]): RegExp | null {
  const alts = [...new Set(terms.filter((t) => t.length >= 3))]
    .sort((a, b) => b.length - a.length || a.localeCompare(b))
    .map((t) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (!alts.length) return null;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** All candidates of a community's posts, best first (ties: earlier post, then earlier in text). */
export function rankCandidates(posts: Post[], terms: RegExp | null): Candidate[] {
  const out: Candidate[] = [];
  for (const post of posts) {
    if (!post.text) continue;
    for (const text of quotableSentences(post.text)) {
      const rel = relevance(text, terms);
      if (rel === 0) continue;
      out.push({ text, post, rank: rel * (1 + Math.log1p(post.score)) });
    }
  }
  return out.sort(
    (a, b) =>
      b.rank - a.rank ||
      a.post.postedAt.localeCompare(b.post.postedAt) ||
      a.post.id.localeCompare(b.post.id),
  );
}

/** The best candidates, one per post and no sentence twice. */
export function pickDistinct(
  cands: Candidate[],
  n: number,
  skip: Set<string> = new Set(),
): Candidate[] {
  const usedPosts = new Set<string>();
  const usedText = new Set(skip);
  const out: Candidate[] = [];
  for (const c of cands) {
    if (out.length >= n) break;
    if (usedPosts.has(c.post.id) || usedText.has(c.text)) continue;
    usedPosts.add(c.post.id);
    usedText.add(c.text);
    out.push(c);
  }
  return out;
}

export function toQuote(c: Candidate): Quote {
  return { text: c.text, url: c.post.url, score: c.post.score, postedAt: c.post.postedAt };
}
