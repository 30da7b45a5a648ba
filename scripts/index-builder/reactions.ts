/**
 * One community's reaction to one story, counted from its posts.
 *
 * - posts: root posts and comments of that community in the story;
 * - engagement: the points/upvotes/likes plus the comment counts the platform
 *   reports for the root posts (comments' own votes are not added: they are
 *   part of the thread's engagement already);
 * - sentiment: VADER shares over the posts (sentiment.ts);
 * - timeline: posts per UTC day;
 * - threads: the root posts with the most engagement;
 * - summary and quotes: extractive (quotes.ts).
 */
import { isMarkupFree } from '../../utils/index/schema';
import type { Reaction, Thread } from '../../utils/index/schema';
import { communityFor } from './communities';
import { pickDistinct, rankCandidates, toQuote, QUOTES_PER_COMMUNITY, type Terms } from './quotes';
import { polarityOf, sentimentShares, type Polarity } from './sentiment';
import type { Post } from './types';

export const THREADS_PER_COMMUNITY = 5;
const SUMMARY_SENTENCES = 2;

/** The validator's own markup test: a title that carries "<think>" cannot go in an index as it is. */
export function hasMarkup(s: string): boolean {
  return !isMarkupFree(s);
}

export function engagementOf(p: Post): number {
  return p.isComment ? 0 : p.score + p.comments;
}

export function threadTitle(p: Post): string {
  if (p.title) return p.title;
  const flat = p.text.replace(/\s+/g, ' ').trim();
  if (flat.length <= 120) return flat || p.url;
  const cut = flat.slice(0, 120);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60))}…`;
}

function toThread(p: Post): Thread {
  return {
    title: threadTitle(p),
    url: p.url,
    score: p.score,
    comments: p.comments,
    postedAt: p.postedAt,
  };
}

export function byEngagement(a: Post, b: Post): number {
  return (
    engagementOf(b) - engagementOf(a) ||
    a.postedAt.localeCompare(b.postedAt) ||
    a.id.localeCompare(b.id)
  );
}

function countedSummary(community: string, posts: Post[], roots: Post[]): string {
  const name = communityFor(community).name;
  const top = roots[0];
  const n = posts.length;
  // One post with no text: the thread line already says all there is.
  if (!top || n === 1) return '';
  const what = `${n} post${n === 1 ? '' : 's'} on ${name}`;
  if (!top.score && !top.comments) return `${what}; the first is “${threadTitle(top)}”.`;
  return `${what}; the most discussed is “${threadTitle(top)}” (${top.score} points, ${top.comments} comments).`;
}

export interface PolarityCache {
  get(p: Post): Polarity;
}

export function buildReaction(
  community: string,
  posts: Post[],
  terms: Terms | null,
  polarity: PolarityCache,
): Reaction {
  const roots = posts.filter((p) => !p.isComment && !hasMarkup(threadTitle(p))).sort(byEngagement);
  const counts: Record<Polarity, number> = { positive: 0, neutral: 0, negative: 0 };
  const days = new Map<string, number>();
  let engagement = 0;
  for (const p of posts) {
    counts[polarity.get(p)]++;
    const day = p.postedAt.slice(0, 10);
    days.set(day, (days.get(day) ?? 0) + 1);
    engagement += engagementOf(p);
  }
  const cands = rankCandidates(posts, terms);
  // The summary takes the best sentences and the quotes the next ones, so the
  // row never says the same thing twice; with few candidates the quotes
  // (they carry the link) keep the most, and a lone sentence serves as both.
  const distinct = pickDistinct(cands, SUMMARY_SENTENCES + QUOTES_PER_COMMUNITY);
  const inSummary =
    distinct.length >= 5 ? SUMMARY_SENTENCES : distinct.length >= 2 ? 1 : distinct.length;
  const summaryPicks = distinct.slice(0, inSummary);
  const quotes = distinct.length === 1 ? distinct : distinct.slice(inSummary);
  const summary = summaryPicks.length
    ? summaryPicks.map((c) => c.text).join(' ')
    : countedSummary(community, posts, roots);
  return {
    community,
    posts: posts.length,
    engagement,
    sentiment: sentimentShares(counts),
    summary,
    timeline: [...days.entries()]
      .sort((a, b) => a[0].localeCompare(b[0]))
      .map(([day, n]) => ({ day, posts: n })),
    threads: roots.slice(0, THREADS_PER_COMMUNITY).map(toThread),
    quotes: quotes.map(toQuote),
  };
}

/** VADER is the slowest step; each post is scored once however many stories read it. */
export function polarityCache(): PolarityCache {
  const cache = new Map<string, Polarity>();
  return {
    get(p: Post) {
      let v = cache.get(p.id);
      if (!v) {
        v = polarityOf(p.title ? `${p.title}. ${p.text}` : p.text);
        cache.set(p.id, v);
      }
      return v;
    },
  };
}
