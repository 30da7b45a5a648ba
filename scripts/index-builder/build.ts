/**
 * Posts in, story index out. Pure and deterministic: the same posts give the
 * same document, byte for byte (no clock, no randomness; every sort has a
 * tie-breaker).
 */
import { INDEX_FORMAT, INDEX_VERSION, type Story, type StoryIndex } from '../../utils/index/schema';
import { AI_TOPICS, type AiTopicId } from '../../utils/topic/topics';
import { judgeRoot, type Judged } from './classify-posts';
import { communityFor, communityRank } from './communities';
import { dedupePosts } from './dedupe';
import { findEntities, isEventEntity } from './entities';
import { groupRoots } from './grouping';
import { describeSource, displayPath } from './licences';
import { rankCandidates, termPatterns, type Terms } from './quotes';
import {
  buildReaction,
  byEngagement,
  engagementOf,
  hasMarkup,
  polarityCache,
  threadTitle,
} from './reactions';
import { titleTokens } from './tokens';
import type { Post } from './types';
import { cleanUrl } from './urls';

export const BUILDER_VERSION = '1.0.0';

export interface BuildOptions {
  /** Post ids whose story is kept whatever its size, with the reason (goes into provenance). */
  pins?: { id: string; reason: string }[];
  /** A single-community story is "wide" when its best post has this many times the community's median engagement. */
  wideFactor?: number;
  /** …and at least this much engagement. */
  wideFloor?: number;
  onProgress?: (done: number, total: number, stage: string) => void;
}

export type StoryKind = 'multi' | 'wide' | 'pinned';

export interface BuildReport {
  postsIn: number;
  postsUnique: number;
  roots: number;
  aiRoots: number;
  aiComments: number;
  groups: number;
  kinds: Record<StoryKind, number>;
  wideThresholds: Record<string, number>;
  storyKinds: Map<string, StoryKind>;
}

export interface SourceFile {
  path: string;
  posts: Post[];
}

const DEFAULTS = { wideFactor: 10, wideFloor: 50 };
const MAX_URLS = 200;
const MAX_ENTITIES = 15;
const MAX_KEYWORDS = 6;
const MAX_RELATED = 3;
const MAX_TOPICS = 4;

function median(values: number[]): number {
  if (!values.length) return 0;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function slug(title: string): string {
  const s = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/g, '');
  return s || 'story';
}

function fmtDay(iso: string): string {
  const d = new Date(iso);
  return `${d.getUTCDate()} ${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

export interface Group {
  roots: Judged[];
  comments: Post[];
  kind?: StoryKind;
}

/**
 * The story's title: a root post's own title. Engagement counts on a log
 * scale, plus points for naming the story's main entity, for being a link
 * post (its title is usually the linked headline) and for being short (a
 * headline, not a question). Titles with markup are never chosen.
 */
function pickTitle(roots: Post[], mainEntity: string | undefined): string {
  const weight = (p: Post) =>
    Math.log1p(engagementOf(p)) +
    (mainEntity && findEntities(p.title ?? '').includes(mainEntity) ? 2 : 0) +
    (p.linkUrl ? 1 : 0) +
    ((p.title ?? '').length <= 60 ? 1 : 0);
  const clean = roots
    .filter((p) => p.title && !hasMarkup(p.title))
    .sort((a, b) => weight(b) - weight(a) || byEngagement(a, b));
  const best = clean[0] ?? roots.filter((p) => !hasMarkup(threadTitle(p))).sort(byEngagement)[0];
  return best ? threadTitle(best) : 'Untitled story';
}

/**
 * Extractive lead: the best-ranked sentence (quotes.ts ranking: names the
 * story's terms, weighted by the post's score) among the root posts' own
 * texts: article descriptions, abstracts, self-posts. Comments are not used:
 * the lead says what happened, the reactions say what people think.
 */
function leadSentence(roots: Post[], terms: Terms | null): string | null {
  return rankCandidates(roots, terms)[0]?.text ?? null;
}

function coverageSentence(byCommunity: Map<string, Post[]>, first: string, last: string): string {
  const parts = [...byCommunity.entries()].map(
    ([c, ps]) => `${communityFor(c).name} (${ps.length} post${ps.length === 1 ? '' : 's'})`,
  );
  const list = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : parts[0];
  const span =
    first.slice(0, 10) === last.slice(0, 10)
      ? `on ${fmtDay(first)}`
      : `from ${fmtDay(first)} to ${fmtDay(last)}`;
  return `Discussed on ${list} ${span}.`;
}

function rankedEntities(posts: Post[], titles: string[]): string[] {
  const count = new Map<string, number>();
  for (const p of posts)
    for (const e of findEntities(`${p.title ?? ''}\n${p.text}`))
      count.set(e, (count.get(e) ?? 0) + 1);
  const inTitle = new Set(titles.flatMap((t) => findEntities(t)));
  return [...count.entries()]
    .filter(([e, n]) => n >= 2 || inTitle.has(e))
    .sort(
      (a, b) =>
        Number(inTitle.has(b[0])) - Number(inTitle.has(a[0])) ||
        b[1] - a[1] ||
        a[0].localeCompare(b[0]),
    )
    .slice(0, MAX_ENTITIES)
    .map(([e]) => e);
}

function rankedKeywords(
  titles: string[],
  df: Map<string, number>,
  nDocs: number,
  entities: string[],
): string[] {
  const entityWords = new Set(entities.flatMap((e) => titleTokens(e)));
  const tf = new Map<string, number>();
  for (const t of titles) for (const w of titleTokens(t)) tf.set(w, (tf.get(w) ?? 0) + 1);
  return [...tf.entries()]
    .filter(([w]) => !entityWords.has(w) && w.length <= 40 && !/^\d+$/.test(w))
    .map(([w, n]) => [w, n * Math.log(nDocs / (1 + (df.get(w) ?? 0)))] as const)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_KEYWORDS)
    .map(([w]) => w);
}

function rankedTopics(roots: Judged[]): AiTopicId[] {
  const count = new Map<AiTopicId, number>();
  for (const r of roots)
    r.topics.forEach((t, i) => count.set(t, (count.get(t) ?? 0) + (3 - Math.min(i, 2))));
  return [...count.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_TOPICS)
    .map(([t]) => t);
}

function storyUrls(roots: Post[]): string[] {
  const out = new Set<string>();
  for (const p of [...roots].sort(byEngagement)) {
    for (const u of [p.linkUrl ? cleanUrl(p.linkUrl) : null, p.url]) {
      if (u && out.size < MAX_URLS && u.length <= 2048) out.add(u);
    }
  }
  return [...out];
}

function relate(stories: Story[]): void {
  const byEntity = new Map<string, number[]>();
  stories.forEach((s, i) =>
    s.entities.forEach((e) => byEntity.set(e, [...(byEntity.get(e) ?? []), i])),
  );
  stories.forEach((s, i) => {
    const shared = new Map<number, number>();
    for (const e of s.entities) {
      const list = byEntity.get(e)!;
      // A name in hundreds of stories (OpenAI, Google) relates nothing in particular.
      if (list.length > 200) continue;
      const weight = isEventEntity(e) ? 2 : 1;
      for (const j of list) if (j !== i) shared.set(j, (shared.get(j) ?? 0) + weight);
    }
    const t = Date.parse(s.firstSeen);
    s.related = [...shared.entries()]
      .filter(([, w]) => w >= 2)
      .sort(
        (a, b) =>
          b[1] - a[1] ||
          Math.abs(Date.parse(stories[a[0]]!.firstSeen) - t) -
            Math.abs(Date.parse(stories[b[0]]!.firstSeen) - t) ||
          stories[a[0]]!.id.localeCompare(stories[b[0]]!.id),
      )
      .slice(0, MAX_RELATED)
      .map(([j]) => stories[j]!.id);
  });
}

export interface Grouped {
  posts: Post[];
  roots: Post[];
  judged: Judged[];
  groups: Map<number, Group>;
  aiComments: number;
}

/** Dedupe, classify, group: the part of the build the grouping check measures. */
export function groupPosts(
  all: Post[],
  forced: ReadonlySet<string>,
  progress: (done: number, total: number, stage: string) => void = () => {},
): Grouped {
  const posts = dedupePosts(all).sort(
    (a, b) => a.postedAt.localeCompare(b.postedAt) || a.id.localeCompare(b.id),
  );
  const roots = posts.filter((p) => !p.isComment);
  const judged: Judged[] = [];
  roots.forEach((p, i) => {
    const j = judgeRoot(p, forced);
    if (j.ai) judged.push(j);
    if (i % 2000 === 0) progress(i, roots.length, 'classify');
  });
  progress(roots.length, roots.length, 'classify');

  const aiRootByUrl = new Map(judged.map((j) => [j.post.url, j]));
  const commentsByThread = new Map<string, Post[]>();
  for (const p of posts) {
    if (!p.isComment || !p.threadUrl || !aiRootByUrl.has(p.threadUrl)) continue;
    const list = commentsByThread.get(p.threadUrl) ?? [];
    list.push(p);
    commentsByThread.set(p.threadUrl, list);
  }
  const { groupOf } = groupRoots(
    judged.map((j) => j.post),
    (root) => commentsByThread.get(root.url) ?? [],
  );
  const groups = new Map<number, Group>();
  judged.forEach((j, i) => {
    const g = groupOf[i]!;
    const group = groups.get(g) ?? { roots: [], comments: [] };
    group.roots.push(j);
    groups.set(g, group);
  });
  const groupOfRootUrl = new Map<string, number>();
  judged.forEach((j, i) => groupOfRootUrl.set(j.post.url, groupOf[i]!));
  let aiComments = 0;
  for (const [thread, list] of commentsByThread) {
    groups.get(groupOfRootUrl.get(thread)!)!.comments.push(...list);
    aiComments += list.length;
  }
  return { posts, roots, judged, groups, aiComments };
}

export function buildIndex(
  files: SourceFile[],
  options: BuildOptions = {},
): { index: StoryIndex; report: BuildReport } {
  const opts = { ...DEFAULTS, ...options };
  const progress = options.onProgress ?? (() => {});
  const pins = new Map((options.pins ?? []).map((p) => [p.id, p.reason]));
  const all = files.flatMap((f) => f.posts);
  const { posts, roots, judged, groups, aiComments } = groupPosts(
    all,
    new Set(pins.keys()),
    progress,
  );

  // "Widely discussed" is relative to each community: its median AI post.
  const engagementByCommunity = new Map<string, number[]>();
  for (const j of judged) {
    const list = engagementByCommunity.get(j.post.community) ?? [];
    list.push(engagementOf(j.post));
    engagementByCommunity.set(j.post.community, list);
  }
  const wideThresholds: Record<string, number> = {};
  for (const [c, list] of [...engagementByCommunity.entries()].sort((a, b) =>
    a[0].localeCompare(b[0]),
  )) {
    const m = median(list);
    wideThresholds[c] = Math.max(m * opts.wideFactor, opts.wideFloor);
  }

  const kinds: Record<StoryKind, number> = { multi: 0, wide: 0, pinned: 0 };
  const kept: Group[] = [];
  for (const g of [...groups.keys()].sort((a, b) => a - b)) {
    const group = groups.get(g)!;
    const communities = new Set(group.roots.map((r) => r.post.community));
    const best = Math.max(...group.roots.map((r) => engagementOf(r.post)));
    if (communities.size > 1) group.kind = 'multi';
    else if (best >= wideThresholds[[...communities][0]!]!) group.kind = 'wide';
    else if (group.roots.some((r) => pins.has(r.post.id))) group.kind = 'pinned';
    else continue;
    kinds[group.kind]++;
    kept.push(group);
  }

  const df = new Map<string, number>();
  for (const j of judged)
    for (const w of titleTokens(j.post.title ?? '')) df.set(w, (df.get(w) ?? 0) + 1);
  const polarity = polarityCache();
  const storyKinds = new Map<string, StoryKind>();
  const usedIds = new Set<string>();
  const stories: Story[] = kept.map((group, n) => {
    if (n % 200 === 0) progress(n, kept.length, 'stories');
    const rootPosts = group.roots.map((r) => r.post);
    const members = [...rootPosts, ...group.comments];
    const titles = rootPosts.map((p) => p.title ?? '').filter(Boolean);
    const entities = rankedEntities(members, titles);
    const keywords = rankedKeywords(titles, df, judged.length, entities);
    const terms = termPatterns([...entities, ...keywords]);
    const byCommunity = new Map<string, Post[]>();
    for (const p of [...members].sort(
      (a, b) =>
        communityRank(a.community) - communityRank(b.community) ||
        a.community.localeCompare(b.community),
    )) {
      const list = byCommunity.get(p.community) ?? [];
      list.push(p);
      byCommunity.set(p.community, list);
    }
    const times = members.map((p) => p.postedAt).sort();
    const firstSeen = times[0]!;
    const lastSeen = times.at(-1)!;
    const title = pickTitle(rootPosts, entities[0]);
    const base = `${slug(title)}-${firstSeen.slice(0, 10)}`;
    let id = base;
    for (let k = 2; usedIds.has(id); k++) id = `${base}-${k}`;
    usedIds.add(id);
    storyKinds.set(id, group.kind!);
    const lead = leadSentence(rootPosts, terms);
    const coverage = coverageSentence(byCommunity, firstSeen, lastSeen);
    return {
      id,
      title: title.slice(0, 400),
      summary: lead ? `${lead} ${coverage}` : coverage,
      topics: rankedTopics(group.roots),
      entities,
      keywords,
      urls: storyUrls(rootPosts),
      firstSeen,
      lastSeen,
      reactions: [...byCommunity.entries()].map(([c, ps]) => buildReaction(c, ps, terms, polarity)),
      related: [],
    };
  });
  progress(kept.length, kept.length, 'stories');
  stories.sort((a, b) => b.lastSeen.localeCompare(a.lastSeen) || a.id.localeCompare(b.id));
  relate(stories);

  const usedCommunities = new Set(stories.flatMap((s) => s.reactions.map((r) => r.community)));
  const usedTopics = new Set(stories.flatMap((s) => s.topics));
  const generatedAt = all.reduce(
    (m, p) => (p.postedAt > m ? p.postedAt : m),
    '1970-01-01T00:00:00Z',
  );
  const index: StoryIndex = {
    format: INDEX_FORMAT,
    version: INDEX_VERSION,
    generatedAt,
    provenance: {
      builder: 'Crosstalk index builder (scripts/build-index.ts)',
      builderVersion: BUILDER_VERSION,
      method: methodNote(opts.wideFactor, opts.wideFloor, pins),
      sources: files.map((f) => {
        const days = f.posts.map((p) => p.postedAt.slice(0, 10)).sort();
        const d = describeSource(f.path);
        return {
          name: d.name,
          path: displayPath(f.path),
          posts: f.posts.length,
          ...(days.length ? { from: days[0]!, to: days.at(-1)! } : {}),
          ...(d.licence ? { licence: d.licence } : {}),
        };
      }),
    },
    communities: [...usedCommunities]
      .sort((a, b) => communityRank(a) - communityRank(b) || a.localeCompare(b))
      .map(communityFor),
    topics: AI_TOPICS.filter((t) => usedTopics.has(t.id)).map((t) => ({
      id: t.id,
      label: t.label,
    })),
    stories,
  };
  return {
    index,
    report: {
      postsIn: all.length,
      postsUnique: posts.length,
      roots: roots.length,
      aiRoots: judged.length,
      aiComments,
      groups: groups.size,
      kinds,
      wideThresholds,
      storyKinds,
    },
  };
}

function methodNote(factor: number, floor: number, pins: Map<string, string>): string {
  const pinned = [...pins.entries()].map(([id, why]) => `${id} (${why})`).join('; ');
  return [
    'AI posts: utils/topic/classify.ts on each root post (r/LocalLLaMA kept whole); comments follow their thread.',
    'Stories: posts joined by shared link, same event entity in one burst, or near-duplicate titles (scripts/index-builder/grouping.ts).',
    `Kept: stories from 2+ communities; single-community stories whose best post has ≥${factor}× the community median engagement (min ${floor}); pinned posts${pinned ? `: ${pinned}` : ''}.`,
    'Sentiment: VADER compound ±0.05 per post. Quotes and summaries: whole sentences from the posts (entities decoded, whitespace collapsed).',
  ].join(' ');
}
