/**
 * Groups the AI root posts (stories, threads, papers, tweets, feed items) into
 * stories. Three signals join two posts, each from the data:
 *
 *  1. they link the same page (same linkKey, or one is the other's page), within 30 days;
 *  2. they name the same event entity (a versioned model or launch, see
 *     entities.ts): in the title, else in the linked URL's path, else in most
 *     of the thread's comments; and fall in the same burst: a run of posts with gaps of at most
 *     4 days and a span of at most 21 days, so "GPT-5" in January and in August
 *     are two stories;
 *  3. their titles are near-duplicates (Jaccard ≥ 0.5 over title words, at
 *     least 3 words shared, one of them in at most 30 titles) within 3 days.
 *
 * arXiv titles take no part in (2): a paper names models it evaluates, which
 * is no launch; papers join stories by their link or their title.
 *
 * A join that would put two different event entities (or two bursts of one)
 * in one story is refused, so "gpt-oss" and "GPT-5" stay apart even when a
 * post compares them. Each story carries at most one event.
 */
import { linkKey } from './urls';
import { findEntities, isEventEntity, primaryEvent } from './entities';
import { titleTokens } from './tokens';
import type { Post } from './types';

const DAY = 86_400_000;
export const GROUPING = {
  linkWindowDays: 30,
  burstGapDays: 4,
  burstSpanDays: 21,
  titleWindowDays: 3,
  titleJaccard: 0.5,
  titleMinShared: 3,
  /** A word in more titles than this is too common to find near-duplicates by. */
  titleMaxDf: 400,
  /** Near-duplicates must share at least one word this rare (a name, not "support merged"). */
  titleRareDf: 30,
} as const;

export interface RootSignals {
  event: string | null;
  link: string | null;
  own: string | null;
  tokens: string[];
  time: number;
}

/** The words of a link's path ("/gpt-oss-is-phi-5/" → "gpt oss is phi 5"). */
function slugWords(url: string | undefined): string {
  if (!url) return '';
  try {
    return decodeURIComponent(new URL(url).pathname).replace(/[/_.-]+/g, ' ');
  } catch {
    return '';
  }
}

/**
 * The event a thread's comments are about, when its title names none
 * ("Open models by OpenAI"): an event entity named in at least 5 comments and
 * in at least 30% of them.
 */
export function dominantEvent(comments: Post[]): string | null {
  if (comments.length < 5) return null;
  const count = new Map<string, number>();
  for (const c of comments) {
    for (const e of findEntities(c.text))
      if (isEventEntity(e)) count.set(e, (count.get(e) ?? 0) + 1);
  }
  const [best] = [...count.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  return best && best[1] >= 5 && best[1] >= 0.3 * comments.length ? best[0] : null;
}

export function signalsOf(p: Post, comments: Post[] = []): RootSignals {
  const title = p.title ?? p.text.slice(0, 200);
  // Paper titles name models as baselines ("…from LLaMA through GPT-4o"), not as news.
  const event =
    p.platform === 'arxiv'
      ? null
      : (primaryEvent(title) ?? primaryEvent(slugWords(p.linkUrl)) ?? dominantEvent(comments));
  return {
    event,
    link: linkKey(p.linkUrl),
    own: linkKey(p.url),
    tokens: titleTokens(title),
    time: Date.parse(p.postedAt),
  };
}

class UnionFind {
  parent: Int32Array;
  /** The event key (entity@burst) a set holds, or null. */
  event: (string | null)[];
  constructor(n: number, events: (string | null)[]) {
    this.parent = new Int32Array(n).map((_, i) => i);
    this.event = events.slice();
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return true;
    const ea = this.event[ra];
    const eb = this.event[rb];
    if (ea && eb && ea !== eb) return false;
    const [keep, drop] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[drop] = keep;
    this.event[keep] = ea ?? eb ?? null;
    return true;
  }
}

/** Splits each entity's posts into bursts; returns entity@burst per post (or null). */
function eventKeys(signals: RootSignals[]): (string | null)[] {
  const byEntity = new Map<string, number[]>();
  signals.forEach((s, i) => {
    if (!s.event) return;
    const list = byEntity.get(s.event) ?? [];
    list.push(i);
    byEntity.set(s.event, list);
  });
  const keys: (string | null)[] = signals.map(() => null);
  for (const [entity, idx] of byEntity) {
    idx.sort((a, b) => signals[a]!.time - signals[b]!.time || a - b);
    let burst = 0;
    let start = signals[idx[0]!]!.time;
    let prev = start;
    for (const i of idx) {
      const t = signals[i]!.time;
      if (t - prev > GROUPING.burstGapDays * DAY || t - start > GROUPING.burstSpanDays * DAY) {
        burst++;
        start = t;
      }
      prev = t;
      keys[i] = `${entity}@${burst}`;
    }
  }
  return keys;
}

/** Joins, in order, posts that share a key and lie within `windowDays` of the previous one. */
function joinByKey(
  uf: UnionFind,
  keysOf: (i: number) => (string | null)[],
  signals: RootSignals[],
  windowDays: number,
): void {
  const byKey = new Map<string, number[]>();
  for (let i = 0; i < signals.length; i++) {
    for (const k of keysOf(i)) {
      if (!k) continue;
      const list = byKey.get(k) ?? [];
      list.push(i);
      byKey.set(k, list);
    }
  }
  for (const idx of byKey.values()) {
    if (idx.length < 2) continue;
    idx.sort((a, b) => signals[a]!.time - signals[b]!.time || a - b);
    for (let j = 1; j < idx.length; j++) {
      const a = idx[j - 1]!;
      const b = idx[j]!;
      if (signals[b]!.time - signals[a]!.time <= windowDays * DAY) uf.union(a, b);
    }
  }
}

/** A word that names a thing: with a digit or an inner hyphen ("intern-s1", "gpt-oss", "r1"). */
const NAME_LIKE = /\d|\p{L}-\p{L}/u;

/**
 * "Support for intern-s1 merged into llama.cpp" and "GPT-OSS support merged in
 * llama.cpp" share three words but name different models: titles that each
 * name something the other does not, and share no name, are not duplicates.
 */
function namesDiffer(a: string[], b: string[]): boolean {
  const na = a.filter((t) => NAME_LIKE.test(t));
  const nb = new Set(b.filter((t) => NAME_LIKE.test(t) && t !== 'llama.cpp'));
  if (!na.length || !nb.size) return false;
  return !na.some((t) => nb.has(t));
}

function joinSimilarTitles(uf: UnionFind, signals: RootSignals[]): void {
  const df = new Map<string, number[]>();
  signals.forEach((s, i) => {
    for (const t of s.tokens) {
      const list = df.get(t) ?? [];
      list.push(i);
      df.set(t, list);
    }
  });
  const window = GROUPING.titleWindowDays * DAY;
  for (let i = 0; i < signals.length; i++) {
    const si = signals[i]!;
    if (si.tokens.length < GROUPING.titleMinShared) continue;
    const shared = new Map<number, number>();
    const rare = new Set<number>();
    for (const t of si.tokens) {
      const list = df.get(t)!;
      if (list.length > GROUPING.titleMaxDf) continue;
      for (const j of list) {
        if (j <= i || Math.abs(signals[j]!.time - si.time) > window) continue;
        shared.set(j, (shared.get(j) ?? 0) + 1);
        if (list.length <= GROUPING.titleRareDf) rare.add(j);
      }
    }
    for (const [j, n] of shared) {
      if (n < GROUPING.titleMinShared || !rare.has(j)) continue;
      if (namesDiffer(si.tokens, signals[j]!.tokens)) continue;
      const union = si.tokens.length + signals[j]!.tokens.length - n;
      if (n / union >= GROUPING.titleJaccard) uf.union(i, j);
    }
  }
}

/** Group index per root post; groups are numbered by their earliest member. */
export function groupRoots(
  roots: Post[],
  commentsOf: (root: Post) => Post[] = () => [],
): { groupOf: Int32Array; signals: RootSignals[] } {
  const signals = roots.map((p) => signalsOf(p, commentsOf(p)));
  const events = eventKeys(signals);
  const uf = new UnionFind(roots.length, events);
  joinByKey(uf, (i) => [events[i] ?? null], signals, Infinity);
  joinByKey(uf, (i) => [signals[i]!.link, signals[i]!.own], signals, GROUPING.linkWindowDays);
  joinSimilarTitles(uf, signals);
  const groupOf = new Int32Array(roots.length);
  for (let i = 0; i < roots.length; i++) groupOf[i] = uf.find(i);
  return { groupOf, signals };
}
