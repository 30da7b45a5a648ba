/**
 * Search as you type over every story: titles, summaries, entities, keywords
 * and what each community said. Each query word matches index terms exactly,
 * as a prefix (the word being typed), or with a small typo (one edit for words
 * of four letters or more, two for eight or more); weaker kinds of match count
 * for less. Stories that match more of the query's words rank first, then
 * those that match more of them exactly (so "gpt-5" puts GPT-5 before
 * GPT-5.3-Codex, whose "gpt5.3" only extends the word), then by BM25F times a
 * prior for how much the communities talked (a 2,000-post launch outranks a
 * one-post mention with the same words), then the more recent.
 */
import type { Story } from '../index/schema';
import type { SearchHit } from '../messaging';
import { buildInvertedIndex, type InvertedIndex } from './inverted-index';
import { tokenizeStories, type StoryTerms } from './story-terms';
import { tokenize } from './tokenize';
import { Vocabulary } from './vocabulary';

export interface SearchOptions {
  topic?: string | null;
  community?: string | null;
  limit?: number;
}

export interface StorySearch {
  search(query: string, options?: SearchOptions): SearchHit[];
  readonly size: number;
}

const FIELDS = { title: 3, entities: 2.5, keywords: 2, summary: 1, reactions: 0.7 } as const;
const EXACT = 1;
const PREFIX = 0.75;
const ONE_EDIT = 0.55;
const TWO_EDITS = 0.4;
/** A short prefix ("ll") could mean thousands of terms; the shortest are the likeliest. */
const MAX_EXPANSIONS = 40;
const DEFAULT_LIMIT = 20;
/** Weight of log(1 + posts) in the ranking prior. */
const VOLUME_PRIOR = 0.15;

interface Expansion {
  term: string;
  /** The term's id in the inverted index. */
  t: number;
  factor: number;
}

/**
 * @param terms the stories already tokenised (shared with the matcher); made here when absent.
 */
export function createStorySearch(stories: readonly Story[], terms?: StoryTerms): StorySearch {
  // The index (with the reactions' text, which only the search reads) and the
  // sorted vocabulary are built by the first search, not when the service worker
  // starts: a restart must first be ready to match the page in front of the reader.
  let built: { index: InvertedIndex; vocabulary: Vocabulary } | null = null;
  const state = () => {
    if (!built) {
      const index = buildInvertedIndex(terms ?? tokenizeStories(stories), FIELDS);
      built = { index, vocabulary: new Vocabulary(index.termIds.keys()) };
    }
    return built;
  };
  // Each story's date, ranking prior and communities are worked out when a search
  // first needs them (NaN, undefined: not yet), not for every story at a restart.
  const lastSeens = new Float64Array(stories.length).fill(NaN);
  const lastSeen = (at: number): number => {
    let value = lastSeens[at] as number;
    if (Number.isNaN(value)) {
      value = Date.parse((stories[at] as Story).lastSeen) || 0;
      lastSeens[at] = value;
    }
    return value;
  };
  const priors = new Float64Array(stories.length).fill(NaN);
  // BM25 favours short documents; the biggest stories have the longest text.
  const prior = (at: number): number => {
    let value = priors[at] as number;
    if (Number.isNaN(value)) {
      const posts = (stories[at] as Story).reactions.reduce((n, r) => n + r.posts, 0);
      value = 1 + VOLUME_PRIOR * Math.log1p(posts);
      priors[at] = value;
    }
    return value;
  };
  const communityLists: (string[] | undefined)[] = [];
  const communities = (at: number): string[] =>
    (communityLists[at] ??= [...new Set((stories[at] as Story).reactions.map((r) => r.community))]);

  const total = new Float64Array(stories.length);
  const matched = new Int32Array(stories.length);
  const exact = new Int32Array(stories.length);
  const wordScore = new Float64Array(stories.length);
  const wordExact = new Uint8Array(stories.length);
  const touched = new Int32Array(stories.length);
  const wordTouched = new Int32Array(stories.length);

  function expand(word: string, typing: boolean): Expansion[] {
    const { index, vocabulary } = state();
    const found = new Map<string, number>();
    const offer = (term: string, factor: number) => {
      if ((found.get(term) ?? 0) < factor) found.set(term, factor);
    };
    if (index.termIds.has(word)) offer(word, EXACT);
    if (word.length >= 2 && (typing || word.length >= 3)) {
      const prefixed = vocabulary.withPrefix(word).filter((t) => t !== word);
      prefixed.sort((a, b) => a.length - b.length);
      for (const term of prefixed.slice(0, MAX_EXPANSIONS)) offer(term, PREFIX);
    }
    const maxEdits = word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
    if (maxEdits > 0) {
      for (const { term, distance } of vocabulary.near(word, maxEdits)) {
        if (distance > 0) offer(term, distance === 1 ? ONE_EDIT : TWO_EDITS);
      }
    }
    const out: Expansion[] = [];
    for (const [term, factor] of found) {
      const t = index.termIds.get(term);
      if (t !== undefined) out.push({ term, t, factor });
    }
    return out;
  }

  function passes(at: number, options: SearchOptions): boolean {
    const story = stories[at];
    if (!story) return false;
    if (options.topic && !story.topics.includes(options.topic)) return false;
    if (options.community && !communities(at).includes(options.community)) return false;
    return true;
  }

  function hit(at: number, score: number, terms: string[]): SearchHit {
    const story = stories[at] as Story;
    return {
      id: story.id,
      title: story.title,
      summary: story.summary,
      lastSeen: story.lastSeen,
      communities: communities(at),
      topics: story.topics,
      score: Math.round(score * 1000) / 1000,
      terms,
    };
  }

  function recent(options: SearchOptions, limit: number): SearchHit[] {
    const order = stories.map((_, i) => i).filter((i) => passes(i, options));
    order.sort((a, b) => lastSeen(b) - lastSeen(a));
    return order.slice(0, limit).map((i) => hit(i, 0, []));
  }

  return {
    size: stories.length,
    search(query, options = {}) {
      const limit = Math.max(1, Math.min(options.limit ?? DEFAULT_LIMIT, 200));
      // The word being typed is the last one, unless the query ends in a space.
      const typingLast = !/\s$/.test(query);
      const words = [...new Set(tokenize(query))];
      if (words.length === 0) {
        // Nothing searchable typed ("the", "?"): with a filter, show its stories; else nothing.
        return query.trim() === '' || options.topic || options.community
          ? recent(options, limit)
          : [];
      }
      const lastWord = tokenize(query).at(-1);
      const { index } = state();
      const expansions = words.map((w) => expand(w, typingLast && w === lastWord));

      let count = 0;
      for (const wordExpansions of expansions) {
        // Within one query word the best of its expansions counts, not their sum.
        let wordCount = 0;
        for (const { t, factor } of wordExpansions) {
          const end = index.offsets[t + 1] as number;
          for (let i = index.offsets[t] as number; i < end; i++) {
            const d = index.docs[i] as number;
            const s = factor * (index.weights[i] as number);
            if (wordScore[d] === 0) wordTouched[wordCount++] = d;
            if (s > (wordScore[d] as number)) wordScore[d] = s;
            if (factor === EXACT) wordExact[d] = 1;
          }
        }
        for (let i = 0; i < wordCount; i++) {
          const d = wordTouched[i] as number;
          if (total[d] === 0) touched[count++] = d;
          total[d] = (total[d] as number) + (wordScore[d] as number);
          matched[d] = (matched[d] as number) + 1;
          exact[d] = (exact[d] as number) + (wordExact[d] as number);
          wordScore[d] = 0;
          wordExact[d] = 0;
        }
      }

      const ranked: {
        at: number;
        score: number;
        matched: number;
        exact: number;
        /** lastSeen, read once here rather than in every comparison of the sort. */
        recency: number;
      }[] = [];
      for (let i = 0; i < count; i++) {
        const d = touched[i] as number;
        if (passes(d, options)) {
          ranked.push({
            at: d,
            score: (total[d] as number) * prior(d),
            matched: matched[d] as number,
            exact: exact[d] as number,
            recency: lastSeen(d),
          });
        }
        total[d] = 0;
        matched[d] = 0;
        exact[d] = 0;
      }
      ranked.sort(
        (a, b) =>
          b.matched - a.matched || b.exact - a.exact || b.score - a.score || b.recency - a.recency,
      );
      return ranked.slice(0, limit).map(({ at, score, matched: m }) => {
        const terms: string[] = [];
        for (const wordExpansions of expansions) {
          for (const { term, t } of wordExpansions) {
            if (index.holds(t, at)) terms.push(term);
          }
        }
        return hit(at, score * (m / words.length), terms);
      });
    },
  };
}

/**
 * Where the matched terms occur in a text, as [start, end) ranges, for the UI
 * to highlight. A word counts when any of its index terms is one of `terms`.
 */
export function highlightRanges(text: string, terms: readonly string[]): [number, number][] {
  if (terms.length === 0) return [];
  const wanted = new Set(terms);
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}]+(?:[-_.'’][\p{L}\p{N}]+)*/gu)) {
    const start = match.index ?? 0;
    if (tokenize(match[0], { keepStopWords: true }).some((t) => wanted.has(t))) {
      ranges.push([start, start + match[0].length]);
    }
  }
  return ranges;
}
