/**
 * An independent statement of the index format's rules (docs/index-format.md),
 * written as plain code without valibot, for the fuzz test to check the real
 * validator against. It answers only "valid or not".
 */
type Obj = Record<string, unknown>;

const ID = /^[a-z0-9][a-z0-9._-]*$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const PLATFORMS = new Set([
  'reddit',
  'hackernews',
  'bluesky',
  'x',
  'mastodon',
  'arxiv',
  'lobsters',
  'press',
  'policy',
  'other',
]);
const URL_FORBIDDEN = new Set([' ', '<', '>', '"', '\\', '`', '{', '}', '|', '^']);

class Invalid extends Error {}
function need(condition: boolean): void {
  if (!condition) throw new Invalid();
}

function isObj(x: unknown): x is Obj {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** Exactly these keys: all of `required`, any of `optional`, nothing else. */
function keys(x: unknown, required: string[], optional: string[] = []): Obj {
  need(isObj(x));
  const o = x as Obj;
  for (const k of required) need(Object.hasOwn(o, k));
  for (const k of Object.keys(o)) need(required.includes(k) || optional.includes(k));
  return o;
}

function hasMarkup(s: string): boolean {
  for (let i = 0; i < s.length - 1; i++) {
    if (s[i] !== '<') continue;
    const next = s[i + 1]!;
    const after = s[i + 2] ?? '';
    const letter = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (letter(next) || next === '!' || next === '?' || (next === '/' && letter(after)))
      return true;
  }
  return false;
}

function text(x: unknown, max: number, nonEmpty = false): void {
  need(typeof x === 'string');
  const s = x as string;
  need(s.length <= max && !hasMarkup(s));
  if (nonEmpty) need(s.length > 0);
}

function id(x: unknown): string {
  need(typeof x === 'string' && (x as string).length <= 120 && ID.test(x as string));
  return x as string;
}

function url(x: unknown): void {
  need(typeof x === 'string');
  const s = x as string;
  need(s.length <= 2048);
  need(/^https?:\/\//i.test(s));
  for (const c of s) need(!URL_FORBIDDEN.has(c) && c.trim() !== '');
  let parsed: URL;
  try {
    parsed = new URL(s);
  } catch {
    throw new Invalid();
  }
  need(parsed.hostname !== '');
}

function count(x: unknown): void {
  need(typeof x === 'number' && Number.isInteger(x) && x >= 0 && x <= 1e12);
}

function share(x: unknown): number {
  need(typeof x === 'number' && !Number.isNaN(x) && x >= 0 && x <= 1);
  return x as number;
}

/** The day exists: a Date set to it reads back the same (setUTCFullYear keeps years < 100). */
function realDay(y: number, m: number, d: number): boolean {
  const t = new Date(0);
  t.setUTCFullYear(y, m - 1, d);
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

function dateTime(x: unknown): string {
  need(typeof x === 'string' && DATE_TIME.test(x as string));
  const s = x as string;
  const [date, rest] = s.split('T') as [string, string];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  need(realDay(y, m, d));
  const zone = rest.endsWith('Z') ? 'Z' : rest.slice(-6);
  const clock = rest
    .slice(0, rest.length - zone.length)
    .split(':')
    .map(Number);
  need(clock[0]! <= 23 && clock[1]! <= 59 && (clock[2] === undefined || clock[2] < 60));
  if (zone !== 'Z') need(Number(zone.slice(1, 3)) <= 23 && Number(zone.slice(4, 6)) <= 59);
  return s;
}

function day(x: unknown): void {
  need(typeof x === 'string' && DAY.test(x as string));
  const [y, m, d] = (x as string).split('-').map(Number) as [number, number, number];
  need(realDay(y, m, d));
}

function list(x: unknown, max: number, min = 0): unknown[] {
  need(Array.isArray(x));
  const a = x as unknown[];
  need(a.length >= min && a.length <= max);
  return a;
}

function provenance(x: unknown): void {
  const p = keys(x, ['builder', 'builderVersion', 'sources'], ['method']);
  text(p.builder, 200, true);
  text(p.builderVersion, 80, true);
  if (Object.hasOwn(p, 'method')) text(p.method, 1200);
  for (const s of list(p.sources, 100)) {
    const o = keys(s, ['name', 'path', 'posts'], ['from', 'to', 'licence']);
    text(o.name, 200, true);
    text(o.path, 2048);
    count(o.posts);
    if (Object.hasOwn(o, 'from')) day(o.from);
    if (Object.hasOwn(o, 'to')) day(o.to);
    if (Object.hasOwn(o, 'licence')) text(o.licence, 200);
  }
}

function declarations(communities: unknown, topics: unknown, minCommunities: number) {
  // (Declared lists are checked whole: ids unique, each entry well-formed.)
  const c = new Set<string>();
  for (const x of list(communities, 200, minCommunities)) {
    const o = keys(x, ['id', 'name', 'platform', 'homepage']);
    const cid = id(o.id);
    text(o.name, 200, true);
    need(typeof o.platform === 'string' && PLATFORMS.has(o.platform));
    url(o.homepage);
    need(!c.has(cid));
    c.add(cid);
  }
  const t = new Set<string>();
  for (const x of list(topics, 200)) {
    const o = keys(x, ['id', 'label']);
    const tid = id(o.id);
    text(o.label, 200, true);
    need(!t.has(tid));
    t.add(tid);
  }
  return { communities: c, topics: t };
}

function reaction(x: unknown, communities: Set<string>, seen: Set<string>): void {
  const r = keys(x, [
    'community',
    'posts',
    'engagement',
    'sentiment',
    'summary',
    'timeline',
    'threads',
    'quotes',
  ]);
  const community = id(r.community);
  count(r.posts);
  count(r.engagement);
  const s = keys(r.sentiment, ['positive', 'neutral', 'negative']);
  const sum = share(s.positive) + share(s.neutral) + share(s.negative);
  text(r.summary, 1200);
  for (const p of list(r.timeline, 400)) {
    const o = keys(p, ['day', 'posts']);
    day(o.day);
    count(o.posts);
  }
  for (const t of list(r.threads, 20)) {
    const o = keys(t, ['title', 'url', 'score', 'comments', 'postedAt']);
    text(o.title, 400, true);
    url(o.url);
    count(o.score);
    count(o.comments);
    dateTime(o.postedAt);
  }
  for (const q of list(r.quotes, 20)) {
    const o = keys(q, ['text', 'url', 'score', 'postedAt']);
    text(o.text, 1200, true);
    url(o.url);
    count(o.score);
    dateTime(o.postedAt);
  }
  need(communities.has(community) && !seen.has(community));
  seen.add(community);
  need(Math.abs(sum - 1) <= 0.01);
}

function story(x: unknown, declared: ReturnType<typeof declarations>): Obj {
  const s = keys(x, [
    'id',
    'title',
    'summary',
    'topics',
    'entities',
    'keywords',
    'urls',
    'firstSeen',
    'lastSeen',
    'reactions',
    'related',
  ]);
  id(s.id);
  text(s.title, 400, true);
  text(s.summary, 1200);
  for (const t of list(s.topics, 200)) need(declared.topics.has(id(t)));
  for (const e of list(s.entities, 200)) text(e, 80, true);
  for (const k of list(s.keywords, 200)) text(k, 80, true);
  for (const u of list(s.urls, 200)) url(u);
  const first = dateTime(s.firstSeen);
  const last = dateTime(s.lastSeen);
  need(Date.parse(first) <= Date.parse(last));
  const seen = new Set<string>();
  for (const r of list(s.reactions, 64, 1)) reaction(r, declared.communities, seen);
  for (const r of list(s.related, 200)) need(id(r) !== s.id);
  return s;
}

export function oracleAcceptsIndex(doc: unknown): boolean {
  try {
    const d = keys(
      doc,
      ['format', 'version', 'generatedAt', 'communities', 'topics', 'stories'],
      ['provenance'],
    );
    need(d.format === 'crosstalk.story-index' && d.version === 1);
    dateTime(d.generatedAt);
    if (Object.hasOwn(d, 'provenance')) provenance(d.provenance);
    const declared = declarations(d.communities, d.topics, 1);
    const stories = list(d.stories, 200_000).map((s) => story(s, declared));
    const ids = new Set<string>();
    for (const s of stories) {
      need(!ids.has(s.id as string));
      ids.add(s.id as string);
    }
    for (const s of stories) for (const r of s.related as string[]) need(ids.has(r));
    return true;
  } catch (err) {
    if (err instanceof Invalid) return false;
    throw err;
  }
}

/** A delta against `base`: its upserts must resolve in the index as it will be after it. */
export function oracleAcceptsDelta(
  doc: unknown,
  base: { generatedAt: string; communities: unknown; topics: unknown; storyIds: string[] },
): boolean {
  try {
    const d = keys(
      doc,
      ['format', 'version', 'baseGeneratedAt', 'generatedAt', 'upserts', 'deletes'],
      ['provenance', 'communities', 'topics'],
    );
    need(d.format === 'crosstalk.story-index-delta' && d.version === 1);
    dateTime(d.baseGeneratedAt);
    dateTime(d.generatedAt);
    if (Object.hasOwn(d, 'provenance')) provenance(d.provenance);
    if (Object.hasOwn(d, 'communities')) list(d.communities, 200);
    if (Object.hasOwn(d, 'topics')) list(d.topics, 200);
    const declared = declarations(
      Object.hasOwn(d, 'communities') ? d.communities : base.communities,
      Object.hasOwn(d, 'topics') ? d.topics : base.topics,
      0,
    );
    const upserts = list(d.upserts, 200_000).map((s) => story(s, declared));
    const deletes = list(d.deletes, 200_000).map(id);
    need(d.baseGeneratedAt === base.generatedAt);
    const after = new Set(base.storyIds);
    for (const gone of deletes) after.delete(gone);
    const ids = new Set<string>();
    for (const s of upserts) {
      need(!ids.has(s.id as string));
      ids.add(s.id as string);
      after.add(s.id as string);
    }
    for (const s of upserts) for (const r of s.related as string[]) need(after.has(r));
    return true;
  } catch (err) {
    if (err instanceof Invalid) return false;
    throw err;
  }
}
