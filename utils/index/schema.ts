/**
 * The story index, format version 1: the one source of truth for its shape.
 *
 * The valibot schemas below are used three ways: as the runtime validator (the
 * background refuses any document that fails them), as the TypeScript types
 * (InferOutput), and as the JSON Schema that publishers validate against
 * (scripts/gen-json-schema.ts writes public/story-index.schema.json from them,
 * and a unit test fails when that file is stale). So the three cannot drift.
 *
 * Rules that a per-field schema cannot express (ids unique, references declared,
 * sentiment shares summing to 1) live in validate.ts, after the shape check.
 */
import * as v from 'valibot';

export const INDEX_FORMAT = 'crosstalk.story-index';
export const DELTA_FORMAT = 'crosstalk.story-index-delta';
export const INDEX_VERSION = 1;

/** Caps keep a hostile document from costing memory or layout time. */
export const LIMITS = {
  id: 120,
  name: 200,
  title: 400,
  summary: 1200,
  quote: 1200,
  url: 2048,
  term: 80,
  communities: 200,
  topics: 200,
  stories: 200_000,
  perStoryList: 200,
  reactions: 64,
  threads: 20,
  quotes: 20,
  timeline: 400,
} as const;

// Markup in a data string is refused rather than escaped: the UI renders text
// only, but an index that carries tags is broken or hostile either way, and a
// publisher is better told than silently shown "<script>" in a sidebar.
// A tag starts where an HTML tokenizer would open one: "<" directly followed by
// a letter, "/", "!" or "?". So "a < b", "x <= y" and "<3" stay plain text.
// No flags: the same source is a JSON Schema pattern (ECMA-262, flagless).
export const MARKUP_PATTERN = /<(?:\/?[A-Za-z]|[!?])/;

export function isMarkupFree(s: string): boolean {
  return !MARKUP_PATTERN.test(s);
}

function text(max: number) {
  return v.pipe(
    v.string(),
    v.maxLength(max, (issue) => `is ${issue.received} characters long, the limit is ${max}`),
    v.check(isMarkupFree, 'carries HTML markup, which an index may not'),
  );
}

const nonEmptyText = (max: number) => v.pipe(text(max), v.minLength(1, 'is empty'));

export const idSchema = v.pipe(
  v.string(),
  v.regex(/^[a-z0-9][a-z0-9._-]*$/, 'is not an id (lower-case letters, digits, ".", "_" and "-")'),
  v.maxLength(LIMITS.id, `is longer than ${LIMITS.id} characters`),
);

// The characters RFC 3986 says must be percent-encoded (spaces, quotes, angle
// brackets, backslash …) are refused, so a stored URL is safe in an attribute
// and the rule is also expressible as a JSON Schema pattern.
export const HTTP_URL_PATTERN = /^[Hh][Tt][Tt][Pp][Ss]?:\/\/[^\s<>"\\`{}|^]+$/;

export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}

export const httpUrlSchema = v.pipe(
  v.string(),
  v.maxLength(LIMITS.url, `is longer than ${LIMITS.url} characters`),
  v.regex(HTTP_URL_PATTERN, 'is not an http(s) URL'),
  v.check(isHttpUrl, 'is not an http(s) URL'),
);

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The day exists in the calendar (no 2025-02-30), whatever the JS engine's Date.parse allows. */
function isCalendarDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return day <= (month === 2 && leap ? 29 : MONTH_DAYS[month - 1]!);
}

/** The decimal number in s[from, from + n), or -1 if any of it is not a digit. */
function digitsAt(s: string, from: number, n: number): number {
  let value = 0;
  for (let i = from; i < from + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (!(c >= 0 && c <= 9)) return -1;
    value = value * 10 + c;
  }
  return value;
}

// These run on every date of every story, so they read digits in place rather
// than allocate (the shape itself is the regex's job, checked first).
export function isRealDateTime(s: string): boolean {
  const hour = digitsAt(s, 11, 2);
  const minute = digitsAt(s, 14, 2);
  if (!isCalendarDay(digitsAt(s, 0, 4), digitsAt(s, 5, 2), digitsAt(s, 8, 2))) return false;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59) return false;
  if (s[16] === ':') {
    const second = digitsAt(s, 17, 2);
    if (second < 0 || second > 59) return false;
  }
  if (s.endsWith('Z')) return true;
  const zone = s.length - 6;
  const zoneHour = digitsAt(s, zone + 1, 2);
  const zoneMinute = digitsAt(s, zone + 4, 2);
  return zoneHour >= 0 && zoneHour <= 23 && zoneMinute >= 0 && zoneMinute <= 59;
}

export function isRealDay(s: string): boolean {
  return isCalendarDay(digitsAt(s, 0, 4), digitsAt(s, 5, 2), digitsAt(s, 8, 2));
}

const isoDateTime = v.pipe(
  v.string(),
  v.regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
    'is not an ISO 8601 date-time',
  ),
  v.check(isRealDateTime, 'is not a real date and time'),
);
const isoDay = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'is not a YYYY-MM-DD day'),
  v.check(isRealDay, 'is not a real day'),
);
const count = v.pipe(
  v.number(),
  v.integer('is not a whole number'),
  v.minValue(0, 'is negative'),
  v.maxValue(1e12, 'is implausibly large'),
);
const share = v.pipe(v.number(), v.minValue(0, 'is below 0'), v.maxValue(1, 'is above 1'));

export const PLATFORMS = [
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
] as const;

export const CommunitySchema = v.strictObject({
  id: idSchema,
  name: nonEmptyText(LIMITS.name),
  platform: v.picklist(PLATFORMS, 'is not a known platform'),
  homepage: httpUrlSchema,
});

export const TopicSchema = v.strictObject({
  id: idSchema,
  label: nonEmptyText(LIMITS.name),
});

export const SentimentSchema = v.strictObject({
  positive: share,
  neutral: share,
  negative: share,
});

export const ThreadSchema = v.strictObject({
  title: nonEmptyText(LIMITS.title),
  url: httpUrlSchema,
  score: count,
  comments: count,
  postedAt: isoDateTime,
});

export const QuoteSchema = v.strictObject({
  text: nonEmptyText(LIMITS.quote),
  url: httpUrlSchema,
  score: count,
  postedAt: isoDateTime,
});

export const TimelinePointSchema = v.strictObject({
  day: isoDay,
  posts: count,
});

export const ReactionSchema = v.strictObject({
  community: idSchema,
  posts: count,
  engagement: count,
  sentiment: SentimentSchema,
  summary: text(LIMITS.summary),
  timeline: v.pipe(v.array(TimelinePointSchema), v.maxLength(LIMITS.timeline)),
  threads: v.pipe(v.array(ThreadSchema), v.maxLength(LIMITS.threads)),
  quotes: v.pipe(v.array(QuoteSchema), v.maxLength(LIMITS.quotes)),
});

const termList = v.pipe(v.array(nonEmptyText(LIMITS.term)), v.maxLength(LIMITS.perStoryList));

export const StorySchema = v.strictObject({
  id: idSchema,
  title: nonEmptyText(LIMITS.title),
  summary: text(LIMITS.summary),
  topics: v.pipe(v.array(idSchema), v.maxLength(LIMITS.perStoryList)),
  entities: termList,
  keywords: termList,
  urls: v.pipe(v.array(httpUrlSchema), v.maxLength(LIMITS.perStoryList)),
  firstSeen: isoDateTime,
  lastSeen: isoDateTime,
  reactions: v.pipe(
    v.array(ReactionSchema),
    v.minLength(1, 'has no reactions'),
    v.maxLength(LIMITS.reactions),
  ),
  related: v.pipe(v.array(idSchema), v.maxLength(LIMITS.perStoryList)),
});

export const ProvenanceSourceSchema = v.strictObject({
  name: nonEmptyText(LIMITS.name),
  path: text(LIMITS.url),
  posts: count,
  from: v.optional(isoDay),
  to: v.optional(isoDay),
  licence: v.optional(text(LIMITS.name)),
});

export const ProvenanceSchema = v.strictObject({
  builder: nonEmptyText(LIMITS.name),
  builderVersion: nonEmptyText(LIMITS.term),
  method: v.optional(text(LIMITS.summary)),
  sources: v.pipe(v.array(ProvenanceSourceSchema), v.maxLength(100)),
});

export const StoryIndexSchema = v.strictObject({
  format: v.literal(INDEX_FORMAT, `is not "${INDEX_FORMAT}"`),
  version: v.literal(INDEX_VERSION, `is not ${INDEX_VERSION}, the only version this build reads`),
  generatedAt: isoDateTime,
  provenance: v.optional(ProvenanceSchema),
  communities: v.pipe(
    v.array(CommunitySchema),
    v.minLength(1, 'declares no communities'),
    v.maxLength(LIMITS.communities),
  ),
  topics: v.pipe(v.array(TopicSchema), v.maxLength(LIMITS.topics)),
  stories: v.pipe(v.array(StorySchema), v.maxLength(LIMITS.stories)),
});

/**
 * A delta moves an index from `baseGeneratedAt` to `generatedAt`: stories in
 * `upserts` replace those with the same id (or are added), ids in `deletes`
 * go. Communities and topics, when present, replace the declared lists whole.
 */
export const StoryIndexDeltaSchema = v.strictObject({
  format: v.literal(DELTA_FORMAT, `is not "${DELTA_FORMAT}"`),
  version: v.literal(INDEX_VERSION, `is not ${INDEX_VERSION}, the only version this build reads`),
  baseGeneratedAt: isoDateTime,
  generatedAt: isoDateTime,
  provenance: v.optional(ProvenanceSchema),
  communities: v.optional(v.pipe(v.array(CommunitySchema), v.maxLength(LIMITS.communities))),
  topics: v.optional(v.pipe(v.array(TopicSchema), v.maxLength(LIMITS.topics))),
  upserts: v.pipe(v.array(StorySchema), v.maxLength(LIMITS.stories)),
  deletes: v.pipe(v.array(idSchema), v.maxLength(LIMITS.stories)),
});

export type Community = v.InferOutput<typeof CommunitySchema>;
export type Topic = v.InferOutput<typeof TopicSchema>;
export type Sentiment = v.InferOutput<typeof SentimentSchema>;
export type Thread = v.InferOutput<typeof ThreadSchema>;
export type Quote = v.InferOutput<typeof QuoteSchema>;
export type TimelinePoint = v.InferOutput<typeof TimelinePointSchema>;
export type Reaction = v.InferOutput<typeof ReactionSchema>;
export type Story = v.InferOutput<typeof StorySchema>;
export type Provenance = v.InferOutput<typeof ProvenanceSchema>;
export type StoryIndex = v.InferOutput<typeof StoryIndexSchema>;
export type StoryIndexDelta = v.InferOutput<typeof StoryIndexDeltaSchema>;
export type Platform = (typeof PLATFORMS)[number];
