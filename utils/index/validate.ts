/**
 * Validates a whole story index (or delta) before anything is written. The
 * answer names the first bad path, e.g.
 * `stories[12].reactions[0].community: 'bsky' is not a declared community`,
 * so a publisher can find the fault without reading our code.
 */
import * as v from 'valibot';
import {
  DELTA_FORMAT,
  INDEX_FORMAT,
  INDEX_VERSION,
  StoryIndexDeltaSchema,
  StoryIndexSchema,
  type Story,
  type StoryIndex,
  type StoryIndexDelta,
} from './schema';

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; error: string };

/** Sentiment shares are rounded by publishers; this much slack is allowed. */
export const SENTIMENT_TOLERANCE = 0.01;

function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    out += typeof key === 'number' ? `[${key}]` : out ? `.${String(key)}` : String(key);
  }
  return out || '(document)';
}

function describeShapeIssue(issue: v.BaseIssue<unknown>): string {
  return `${pathOf(issue)}: ${issue.message}`;
}

/** Version and format are checked first so an old build says "too new", not "bad field". */
function checkEnvelope(doc: unknown, format: string): string | null {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return '(document): is not a JSON object';
  }
  const d = doc as Record<string, unknown>;
  if (d.format !== format) {
    return `format: ${JSON.stringify(d.format)} is not "${format}"`;
  }
  if (typeof d.version === 'number' && d.version > INDEX_VERSION) {
    return `version: ${d.version} is newer than this build of Crosstalk reads (${INDEX_VERSION}); update the extension`;
  }
  return null;
}

function checkStories(
  stories: readonly Story[],
  communityIds: ReadonlySet<string>,
  topicIds: ReadonlySet<string>,
  knownStoryIds: ReadonlySet<string>,
  listName: string,
): string | null {
  const seen = new Set<string>();
  for (let i = 0; i < stories.length; i++) {
    const s = stories[i]!;
    const at = `${listName}[${i}]`;
    if (seen.has(s.id)) return `${at}.id: '${s.id}' is a duplicate story id`;
    seen.add(s.id);
    // Compared as instants: the two may carry different UTC offsets.
    if (Date.parse(s.firstSeen) > Date.parse(s.lastSeen))
      return `${at}.lastSeen: is before firstSeen`;
    for (let t = 0; t < s.topics.length; t++) {
      if (!topicIds.has(s.topics[t]!)) {
        return `${at}.topics[${t}]: '${s.topics[t]}' is not a declared topic`;
      }
    }
    const reacted = new Set<string>();
    for (let r = 0; r < s.reactions.length; r++) {
      const reaction = s.reactions[r]!;
      const rat = `${at}.reactions[${r}]`;
      if (!communityIds.has(reaction.community)) {
        return `${rat}.community: '${reaction.community}' is not a declared community`;
      }
      if (reacted.has(reaction.community)) {
        return `${rat}.community: '${reaction.community}' has two reactions in one story`;
      }
      reacted.add(reaction.community);
      const { positive, neutral, negative } = reaction.sentiment;
      const sum = positive + neutral + negative;
      if (Math.abs(sum - 1) > SENTIMENT_TOLERANCE) {
        return `${rat}.sentiment: shares sum to ${sum.toFixed(3)}, not 1 (±${SENTIMENT_TOLERANCE})`;
      }
    }
    for (let k = 0; k < s.related.length; k++) {
      const rel = s.related[k]!;
      if (rel === s.id) return `${at}.related[${k}]: '${rel}' is the story itself`;
      if (!knownStoryIds.has(rel))
        return `${at}.related[${k}]: '${rel}' is not a story in the index`;
    }
  }
  return null;
}

function checkDeclarations(
  communities: readonly { id: string }[],
  topics: readonly { id: string }[],
): string | null {
  const c = new Set<string>();
  for (let i = 0; i < communities.length; i++) {
    const id = communities[i]!.id;
    if (c.has(id)) return `communities[${i}].id: '${id}' is declared twice`;
    c.add(id);
  }
  const t = new Set<string>();
  for (let i = 0; i < topics.length; i++) {
    const id = topics[i]!.id;
    if (t.has(id)) return `topics[${i}].id: '${id}' is declared twice`;
    t.add(id);
  }
  return null;
}

export function validateStoryIndex(doc: unknown): ValidationResult<StoryIndex> {
  const envelope = checkEnvelope(doc, INDEX_FORMAT);
  if (envelope) return { ok: false, error: envelope };
  const parsed = v.safeParse(StoryIndexSchema, doc, { abortEarly: true });
  if (!parsed.success) return { ok: false, error: describeShapeIssue(parsed.issues[0]) };
  const index = parsed.output;
  const declared = checkDeclarations(index.communities, index.topics);
  if (declared) return { ok: false, error: declared };
  const communityIds = new Set(index.communities.map((c) => c.id));
  const topicIds = new Set(index.topics.map((t) => t.id));
  const storyIds = new Set(index.stories.map((s) => s.id));
  const bad = checkStories(index.stories, communityIds, topicIds, storyIds, 'stories');
  if (bad) return { ok: false, error: bad };
  return { ok: true, value: index };
}

/**
 * A delta is checked against the index it applies to: its references must
 * resolve in the index as it will be after the delta.
 */
export function validateStoryIndexDelta(
  doc: unknown,
  base: Pick<StoryIndex, 'communities' | 'topics' | 'generatedAt'> & { storyIds: Iterable<string> },
): ValidationResult<StoryIndexDelta> {
  const envelope = checkEnvelope(doc, DELTA_FORMAT);
  if (envelope) return { ok: false, error: envelope };
  const parsed = v.safeParse(StoryIndexDeltaSchema, doc, { abortEarly: true });
  if (!parsed.success) return { ok: false, error: describeShapeIssue(parsed.issues[0]) };
  const delta = parsed.output;
  if (delta.baseGeneratedAt !== base.generatedAt) {
    return {
      ok: false,
      error: `baseGeneratedAt: ${delta.baseGeneratedAt} does not match the stored index (${base.generatedAt}); a full download is needed`,
    };
  }
  const communities = delta.communities ?? base.communities;
  const topics = delta.topics ?? base.topics;
  const declared = checkDeclarations(communities, topics);
  if (declared) return { ok: false, error: declared };
  const storyIds = new Set(base.storyIds);
  for (const id of delta.deletes) storyIds.delete(id);
  for (const s of delta.upserts) storyIds.add(s.id);
  const bad = checkStories(
    delta.upserts,
    new Set(communities.map((c) => c.id)),
    new Set(topics.map((t) => t.id)),
    storyIds,
    'upserts',
  );
  if (bad) return { ok: false, error: bad };
  return { ok: true, value: delta };
}
