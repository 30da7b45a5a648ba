/**
 * Which story, if any, is the page about?
 *
 * 1. Links: the page's address, its rel=canonical, or the link a forum thread
 *    discusses, in canonical form, equals one of a story's URLs → "linked".
 * 2. Text: the page's title, description and lead are scored against every
 *    story with BM25F (entities weigh most, then title, keywords, summary).
 *    Only a page that reads as AI may match by text, the story must share a
 *    named entity with the page (all of its words, so "GPT-5" is not met by
 *    "GPT-4"), and the score must clear a threshold chosen on the labelled
 *    set (scripts/eval-match.ts) → "likely". Showing the wrong story is worse
 *    than showing none, so anything less gives null.
 */
import type { Story } from '../index/schema';
import type { PageReading } from '../page/types';
import { canonicalUrl } from './canonical-url';
import { buildInvertedIndex, type FieldText } from './inverted-index';
import { memoizedTokenize, tokenize } from './tokenize';

export interface PageClassification {
  ai: boolean;
  score: number;
  topics: string[];
}

export interface StoryMatch {
  storyId: string;
  confidence: 'linked' | 'likely';
  score: number;
  why: string;
}

export interface Matcher {
  match(page: PageReading, classification: PageClassification): StoryMatch | null;
  readonly size: number;
}

export interface MatcherOptions {
  /** Minimum text score for a "likely" match; see DEFAULT_TEXT_THRESHOLD. */
  threshold?: number;
}

/**
 * Chosen on the labelled set (tests/data/match-labels.jsonl) with
 * `npm run eval:match -- --sweep`: the lowest value (in steps of 0.05) at which
 * false matches stay within 1% of non-AI pages and 5% of AI items without a
 * story, both as the extension sees pages and by text alone.
 */
export const DEFAULT_TEXT_THRESHOLD = 0.45;

/** Field weights of the story side. */
const STORY_FIELDS = { entities: 3, title: 2, keywords: 1.5, summary: 1 } as const;
/** Field weights of the page side. */
const PAGE_FIELDS = { title: 3, description: 1.5, lead: 1 } as const;
/** The page terms that say the most about it (by weight × idf); the rest add noise and time. */
const MAX_QUERY_TERMS = 40;
const LEAD_CHARS = 2000;
/** Candidates from BM25 retrieval that the decision rules look at. */
const CANDIDATES = 16;
/** A story without entities matches only when the titles nearly coincide. */
const NO_ENTITY_SCORE = 0.8;
/** A page dated this long before a story began, or after it ended, is about something else. */
const BEFORE_STORY_MS = 7 * 86_400_000;
const AFTER_STORY_MS = 60 * 86_400_000;
/** Scores this close count as a tie, which the more recent story wins. */
const TIE = 0.02;

interface EntityKey {
  name: string;
  terms: string[];
  /** For a versioned model name (gpt5, qwen3coder), its family's letters (gpt, qwen). */
  family: string | null;
  /** Named by so many stories (OpenAI, ChatGPT) that it cannot pick one out alone. */
  common: boolean;
  /** The terms joined, to count stories per entity. */
  id: string;
}

interface StoryEntry {
  id: string;
  firstSeen: number;
  lastSeen: number;
  /** The story title's distinct term ids. */
  titleIds: number[];
  /** Each entity as the terms a page must all hold to name it. */
  entityKeys: EntityKey[];
}

export function createMatcher(stories: readonly Story[], options: MatcherOptions = {}): Matcher {
  const threshold = options.threshold ?? DEFAULT_TEXT_THRESHOLD;
  const entries: StoryEntry[] = [];
  const documents: FieldText[][] = [];
  const byUrl = new Map<string, number>();

  // Entities and keywords repeat across stories ("OpenAI"); tokenise each once.
  const tokenizeShort = memoizedTokenize();

  // One key object per distinct entity name, shared by the stories naming it.
  const entityCache = new Map<string, EntityKey | null>();

  for (const story of stories) {
    const index = entries.length;
    const titleTerms = tokenize(story.title);
    const entityTerms: string[] = [];
    const entityKeys: StoryEntry['entityKeys'] = [];
    for (const entity of story.entities) {
      const terms = tokenizeShort(entity);
      for (const term of terms) entityTerms.push(term);
      let key = entityCache.get(entity);
      if (key === undefined) {
        key = makeEntityKey(entity, terms);
        entityCache.set(entity, key);
      }
      if (key) entityKeys.push(key);
    }
    const keywordTerms: string[] = [];
    for (const keyword of story.keywords) {
      for (const term of tokenizeShort(keyword)) keywordTerms.push(term);
    }
    documents.push([
      { terms: titleTerms, weight: STORY_FIELDS.title },
      { terms: entityTerms, weight: STORY_FIELDS.entities },
      { terms: keywordTerms, weight: STORY_FIELDS.keywords },
      { terms: tokenize(story.summary), weight: STORY_FIELDS.summary },
    ]);
    const lastSeen = Date.parse(story.lastSeen);
    const firstSeen = Date.parse(story.firstSeen);
    entries.push({
      id: story.id,
      firstSeen: Number.isNaN(firstSeen) ? 0 : firstSeen,
      lastSeen: Number.isNaN(lastSeen) ? 0 : lastSeen,
      titleIds: [],
      entityKeys,
    });
    for (const url of story.urls) {
      const canonical = canonicalUrl(url);
      if (!canonical || isSiteRoot(canonical)) continue;
      const previous = byUrl.get(canonical);
      // Two stories sharing a link: the more recent one is the live discussion.
      if (
        previous === undefined ||
        (entries[previous]?.lastSeen ?? 0) < (entries[index]?.lastSeen ?? 0)
      ) {
        byUrl.set(canonical, index);
      }
    }
  }

  markCommonEntities(entries);
  const index = buildInvertedIndex(documents);
  const titleTerms = documents.map((fields) => fields[0]?.terms ?? []);
  entries.forEach((entry, i) => {
    const ids = new Set<number>();
    for (const term of titleTerms[i] ?? []) {
      const t = index.termIds.get(term);
      if (t !== undefined) ids.add(t);
    }
    entry.titleIds = [...ids];
  });
  const scores = new Float64Array(entries.length);
  const touched = new Int32Array(entries.length);

  function matchByUrl(page: PageReading): StoryMatch | null {
    const candidates: [string, string | null][] = [
      ['address', page.url],
      ['canonical link', page.canonicalUrl],
      ['discussed link', page.discussedUrl],
    ];
    for (const [what, url] of candidates) {
      if (!url) continue;
      const canonical = canonicalUrl(url);
      if (!canonical) continue;
      const at = byUrl.get(canonical);
      if (at === undefined) continue;
      const entry = entries[at];
      if (!entry) continue;
      return {
        storyId: entry.id,
        confidence: 'linked',
        score: 1,
        why: `The page's ${what} is one of the story's links (${canonical}).`,
      };
    }
    return null;
  }

  function queryTerms(page: PageReading): Map<string, number> {
    const raw = new Map<string, number>();
    const add = (text: string, weight: number) => {
      for (const term of tokenize(text)) raw.set(term, (raw.get(term) ?? 0) + weight);
    };
    add(page.title, PAGE_FIELDS.title);
    add(page.description, PAGE_FIELDS.description);
    add(page.lead.slice(0, LEAD_CHARS), PAGE_FIELDS.lead);
    return raw;
  }

  function matchByText(page: PageReading): StoryMatch | null {
    const raw = queryTerms(page);
    const weighted: [number, number, number][] = [];
    for (const [term, weight] of raw) {
      const t = index.termIds.get(term);
      if (t === undefined) continue;
      // Repeats help, but with diminishing returns, so a long lead cannot drown the title.
      const queryWeight = 1 + Math.log(weight);
      weighted.push([t, queryWeight, queryWeight * (index.idf[t] as number)]);
    }
    if (weighted.length === 0) return null;
    weighted.sort((a, b) => b[2] - a[2]);
    const kept = weighted.slice(0, MAX_QUERY_TERMS);

    // Retrieval: BM25F over the inverted index gives the few stories worth a closer look.
    const count = index.accumulate(
      kept.map(([t, weight]) => [t, weight]),
      scores,
      touched,
    );
    const best = topCandidates(count);
    for (let i = 0; i < count; i++) scores[touched[i] as number] = 0;

    // Decision: each candidate must pass the rules, then is scored by how much of
    // the story's title the page holds and how much of the page's title the story holds.
    const pageTerms = new Set(raw.keys());
    const pageTitleIds = distinctIds(tokenize(page.title || page.description));
    const published = page.publishedAt ? Date.parse(page.publishedAt) : NaN;
    let chosen: { at: number; score: number; entities: string[] } | null = null;
    for (const { at } of best) {
      const entry = entries[at];
      if (!entry) continue;
      if (!withinStoryTime(entry, published)) continue;
      const named = entry.entityKeys.filter((key) => key.terms.every((t) => pageTerms.has(t)));
      if (namesOtherVersion(entry, named, pageTerms)) continue;
      const storyCover = cover(entry.titleIds, (t) => pageTerms.has(index.terms[t] as string));
      const pageCover = cover(pageTitleIds, (t) => index.holds(t, at));
      const score =
        storyCover + pageCover > 0 ? (2 * storyCover * pageCover) / (storyCover + pageCover) : 0;
      // A distinctive entity is required; a story that names none (many single
      // posts) may match only when the two titles nearly coincide.
      const distinctive = named.some((key) => !key.common);
      if (!distinctive && !(entry.entityKeys.length === 0 && score >= NO_ENTITY_SCORE)) continue;
      const better =
        !chosen ||
        score > chosen.score * (1 + TIE) ||
        (score >= chosen.score * (1 - TIE) && entry.lastSeen > (entries[chosen.at]?.lastSeen ?? 0));
      if (better) chosen = { at, score, entities: named.map((key) => key.name) };
    }
    if (!chosen || chosen.score < threshold) return null;
    const entry = entries[chosen.at] as StoryEntry;
    const names = chosen.entities.length > 0 ? `names ${listNames(chosen.entities)} and ` : '';
    return {
      storyId: entry.id,
      confidence: 'likely',
      score: round(chosen.score),
      why: `The page ${names}shares the story's key words (score ${round(chosen.score)}).`,
    };
  }

  function distinctIds(terms: string[]): number[] {
    const ids = new Set<number>();
    for (const term of terms) {
      const t = index.termIds.get(term);
      if (t !== undefined) ids.add(t);
    }
    return [...ids];
  }

  /** The idf-weighted share of `ids` for which `has` holds. */
  function cover(ids: readonly number[], has: (t: number) => boolean): number {
    let total = 0;
    let held = 0;
    for (const t of ids) {
      const w = index.idf[t] as number;
      total += w;
      if (has(t)) held += w;
    }
    return total > 0 ? held / total : 0;
  }

  function topCandidates(count: number): { at: number; score: number }[] {
    const best: { at: number; score: number }[] = [];
    for (let i = 0; i < count; i++) {
      const at = touched[i] as number;
      const score = scores[at] as number;
      if (best.length < CANDIDATES) {
        best.push({ at, score });
        best.sort((a, b) => b.score - a.score);
      } else if (score > (best[CANDIDATES - 1]?.score ?? 0)) {
        best[CANDIDATES - 1] = { at, score };
        best.sort((a, b) => b.score - a.score);
      }
    }
    return best;
  }

  return {
    size: entries.length,
    match(page, classification) {
      const linked = matchByUrl(page);
      if (linked) return linked;
      if (!classification.ai) return null;
      return matchByText(page);
    },
  };
}

/**
 * The terms that name an entity: its joined model-name form when it has one
 * ("GPT-5" → gpt5), otherwise all of its words ("Lilian Weng" → lilian, weng).
 */
function makeEntityKey(name: string, terms: string[]): EntityKey | null {
  if (terms.length === 0) return null;
  const joined = terms.filter((t) => /\d/.test(t) && !terms.every((o) => o === t));
  const key =
    joined.length > 0
      ? [joined.reduce((a, b) => (b.length > a.length ? b : a))]
      : [...new Set(terms)];
  const versioned = key.length === 1 && /\d/.test(key[0] ?? '') ? (key[0] as string) : null;
  const family = versioned ? (/^\p{L}+/u.exec(versioned)?.[0] ?? null) : null;
  return { name, terms: key, family, common: false, id: key.join(' ') };
}

/** Whether a page published at `published` (NaN when unknown) can be about the story. */
function withinStoryTime(entry: StoryEntry, published: number): boolean {
  if (Number.isNaN(published) || entry.firstSeen === 0) return true;
  return (
    published >= entry.firstSeen - BEFORE_STORY_MS && published <= entry.lastSeen + AFTER_STORY_MS
  );
}

/**
 * An entity named by more than 1% of stories (and by at least three) is common:
 * it may add to a match but cannot make one alone.
 */
function markCommonEntities(entries: StoryEntry[]): void {
  const counts = new Map<string, number>();
  for (const entry of entries) {
    for (const key of new Set(entry.entityKeys.map((k) => k.id))) {
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  const limit = Math.max(2, entries.length * 0.01);
  for (const entry of entries) {
    // Keys are shared between stories, so this sets each once per story naming it: same value.
    for (const key of entry.entityKeys) key.common = (counts.get(key.id) ?? 0) > limit;
  }
}

/**
 * The page names another version of one of the story's models and not the
 * story's own (GPT-4 on a page, GPT-5 in the story): a different story.
 */
function namesOtherVersion(entry: StoryEntry, named: EntityKey[], pageTerms: Set<string>): boolean {
  // A family counts once: a story about GPT-5 that also mentions GPT-4o is not
  // contradicted by a page naming GPT-5, only by one naming GPT-4 (or 5.5) and never GPT-5.
  const namedFamilies = new Set(named.map((key) => key.family).filter((f) => f !== null));
  const checked = new Set<string>();
  for (const key of entry.entityKeys) {
    const family = key.family;
    if (!family || namedFamilies.has(family) || checked.has(family)) continue;
    checked.add(family);
    const owns = entry.entityKeys.filter((k) => k.family === family).map((k) => k.terms[0] ?? '');
    for (const term of pageTerms) {
      if (
        term.length > family.length &&
        term.startsWith(family) &&
        /\d/.test(term[family.length] ?? '')
      ) {
        // gpt5mini is a variant of gpt5; gpt5.5 and gpt4 are other versions.
        const fits = owns.some(
          (own) =>
            own.startsWith(term) ||
            (term.startsWith(own) && !/^[.\d]/.test(term.slice(own.length))),
        );
        if (!fits) return true;
      }
    }
  }
  return false;
}

/** A canonical URL with nothing after its host (canonicalUrl drops the root's slash). */
function isSiteRoot(canonical: string): boolean {
  return canonical.indexOf('/', 'https://'.length) < 0;
}

function listNames(names: string[]): string {
  const shown = names.slice(0, 3).map((n) => `"${n}"`);
  return shown.length <= 1
    ? (shown[0] ?? '')
    : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
