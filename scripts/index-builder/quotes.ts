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

/** A story's terms, lower-cased, for a fast scan of many sentences. */
export interface Terms {
  words: string[];
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isBoundary(s: string, i: number): boolean {
  return i < 0 || i >= s.length || !WORD_CHAR.test(s[i]!);
}

/** How many different story terms a sentence names (whole words, any case). */
function relevance(sentence: string, terms: Terms | null): number {
  if (!terms) return 0;
  const lower = sentence.toLowerCase();
  let n = 0;
  for (const w of terms.words) {
    for (let at = lower.indexOf(w); at >= 0; at = lower.indexOf(w, at + 1)) {
      if (isBoundary(lower, at - 1) && isBoundary(lower, at + w.length)) {
        n++;
        break;
      }
    }
  }
  return n;
}

export function termPatterns(terms: string[]): Terms | null {
  const words = [...new Set(terms.filter((t) => t.length >= 3).map((t) => t.toLowerCase()))].sort();
  return words.length ? { words } : null;
}

/** All candidates of a community's posts, best first (ties: earlier post, then earlier in text). */
export function rankCandidates(posts: Post[], terms: Terms | null): Candidate[] {
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
