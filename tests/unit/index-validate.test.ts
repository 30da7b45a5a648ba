import { describe, expect, it } from 'vitest';
import type { StoryIndex } from '../../utils/index/schema';
import { validateStoryIndex, validateStoryIndexDelta } from '../../utils/index/validate';
import { clone, makeDelta, makeIndex, makeStory } from './index-fixtures';

const GOOD = makeIndex(3);
function check(change: (d: StoryIndex) => void) {
  const doc = clone(GOOD);
  change(doc);
  return validateStoryIndex(doc);
}
const errorOf = (change: (d: StoryIndex) => void) => {
  const r = check(change);
  return r.ok ? null : r.error;
};

describe('validateStoryIndex', () => {
  it('accepts the fixture', () => {
    expect(check(() => undefined).ok).toBe(true);
  });

  it('treats "<" as markup only where HTML would open a tag', () => {
    expect(check((d) => (d.stories[0]!.title = 'Is a < b > c? x <= y, I <3 it')).ok).toBe(true);
    expect(errorOf((d) => (d.stories[0]!.title = 'x<y'))).toBe(
      'stories[0].title: carries HTML markup, which an index may not',
    );
    expect(errorOf((d) => (d.topics[0]!.label = 'a <!-- b'))).toMatch(
      /^topics\[0\]\.label: carries HTML/,
    );
    expect(errorOf((d) => (d.stories[0]!.entities[1] = '</p>'))).toMatch(
      /^stories\[0\]\.entities\[1\]: carries/,
    );
  });

  it('refuses URLs that are not plain, percent-encoded http(s)', () => {
    for (const url of [
      'https://example.com/a b',
      'https://example.com/"x',
      'http://',
      'ftp://example.com/',
    ]) {
      expect(errorOf((d) => (d.stories[0]!.urls[0] = url))).toBe(
        'stories[0].urls[0]: is not an http(s) URL',
      );
    }
    expect(
      check((d) => (d.stories[0]!.urls[0] = 'https://de.wikipedia.org/wiki/Transformer_(Modell)'))
        .ok,
    ).toBe(true);
  });

  it('refuses dates that are not in the calendar', () => {
    expect(errorOf((d) => (d.generatedAt = '2025-02-29T00:00:00Z'))).toBe(
      'generatedAt: is not a real date and time',
    );
    expect(check((d) => (d.generatedAt = '2024-02-29T23:59:59.5+05:30')).ok).toBe(true);
    expect(errorOf((d) => (d.stories[1]!.reactions[0]!.timeline[0]!.day = '2025-04-31'))).toBe(
      'stories[1].reactions[0].timeline[0].day: is not a real day',
    );
  });

  it('compares firstSeen and lastSeen as instants', () => {
    // 01:00+02:00 is 23:00 the day before in UTC: before lastSeen, so valid.
    expect(
      check((d) =>
        Object.assign(d.stories[0]!, {
          firstSeen: '2025-08-05T13:00:00+02:00',
          lastSeen: '2025-08-05T12:00:00Z',
        }),
      ).ok,
    ).toBe(true);
    expect(
      errorOf((d) => Object.assign(d.stories[0]!, { firstSeen: '2025-08-06T00:00:00Z' })),
    ).toBe('stories[0].lastSeen: is before firstSeen');
  });

  it('names the first bad path for a non-object and for extra keys', () => {
    expect(validateStoryIndex('[]')).toEqual({
      ok: false,
      error: '(document): is not a JSON object',
    });
    expect(errorOf((d) => Object.assign(d.stories[1]!, { html: 'x' }))).toMatch(
      /^stories\[1\]\.html: /,
    );
  });
});

describe('validateStoryIndexDelta', () => {
  const base = { ...GOOD, storyIds: GOOD.stories.map((s) => s.id) };

  it('accepts upserts and deletes that resolve against the base', () => {
    const delta = makeDelta(GOOD, [makeStory('s-3', 3, ['s-2'])], []);
    expect(validateStoryIndexDelta(delta, base).ok).toBe(true);
  });

  it('refuses an upsert related to a story the delta deletes', () => {
    const delta = makeDelta(GOOD, [makeStory('s-3', 3, ['s-2'])], ['s-2']);
    expect(validateStoryIndexDelta(delta, base)).toEqual({
      ok: false,
      error: "upserts[0].related[0]: 's-2' is not a story in the index",
    });
  });

  it('refuses a full index offered as a delta, by format', () => {
    const r = validateStoryIndexDelta(GOOD, base);
    expect(r).toEqual({
      ok: false,
      error: 'format: "crosstalk.story-index" is not "crosstalk.story-index-delta"',
    });
  });
});
