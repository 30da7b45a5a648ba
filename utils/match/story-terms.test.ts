import { describe, expect, it } from 'vitest';
import { createMatcher } from './matcher';
import { createStorySearch } from './search';
import { makePage, makeStory, STORIES } from './story-fixtures';
import { STORY_FIELDS, tokenizeStories } from './story-terms';
import { tokenize } from './tokenize';

const AI = { ai: true, score: 0.9, topics: ['model-releases'] };

describe('tokenizeStories: one tokenisation for the matcher and the search', () => {
  it('gives the same search results and matches as each tokenising alone', () => {
    const terms = tokenizeStories(STORIES);
    const shared = {
      matcher: createMatcher(STORIES, { terms }),
      search: createStorySearch(STORIES, terms),
    };
    const alone = { matcher: createMatcher(STORIES), search: createStorySearch(STORIES) };
    for (const query of ['kimi', 'gpt-5', 'openai open weights', 'moonshat', 'qwen3 coder']) {
      expect(shared.search.search(query)).toEqual(alone.search.search(query));
    }
    for (const story of STORIES) {
      const page = makePage({ title: story.title, lead: story.summary });
      expect(shared.matcher.match(page, AI)).toEqual(alone.matcher.match(page, AI));
    }
  });

  it('tokenises a field only when an index asks for it', () => {
    const terms = tokenizeStories([
      makeStory({ id: 'a', title: 'Kimi K2 released', entities: ['Kimi K2'] }),
    ]);
    expect(terms.termIds.size).toBe(0);
    terms.field('title');
    expect(terms.termIds.has('kimik2')).toBe(true);
    expect(terms.field('title')).toBe(terms.field('title'));
  });

  it('lets the matcher ignore words that only the search fields hold', () => {
    // The matcher is built first; the search later interns the reactions' words.
    const story = makeStory({ id: 'a', title: 'Kimi K2 released', entities: ['Kimi K2'] });
    story.reactions[0]!.summary = 'Zanzibarian quokkas everywhere';
    const terms = tokenizeStories([story]);
    const matcher = createMatcher([story], { terms });
    expect(createStorySearch([story], terms).search('quokkas')[0]?.id).toBe('a');
    const page = makePage({ title: 'Zanzibarian quokkas: Kimi K2 released' });
    expect(matcher.match(page, AI)?.storyId).toBe('a');
  });

  it("keeps where each text of a field starts: its terms are the text's own, tokenised alone", () => {
    const terms = tokenizeStories(STORIES);
    for (const name of STORY_FIELDS) {
      const field = terms.field(name);
      STORIES.forEach((story, d) => {
        const texts =
          name === 'title'
            ? [story.title]
            : name === 'summary'
              ? [story.summary]
              : name === 'entities'
                ? story.entities
                : name === 'keywords'
                  ? story.keywords
                  : story.reactions.map((r) => r.summary);
        const from = field.storyTexts[d] as number;
        expect(field.storyTexts[d + 1]! - from).toBe(texts.length);
        texts.forEach((text, j) => {
          const got = Array.from(
            field.ids.subarray(field.textStarts[from + j], field.textStarts[from + j + 1]),
            (id) => terms.terms[id],
          );
          expect(got, `${name} of ${story.id}: ${text}`).toEqual(tokenize(text));
        });
      });
      expect(field.textStarts.at(-1)).toBe(field.ids.length);
    }
  });
});
