import { describe, expect, it } from 'vitest';
import { createStorySearch, highlightRanges } from './search';
import { makeStory, STORIES } from './story-fixtures';
import { Vocabulary } from './vocabulary';

const search = createStorySearch(STORIES);
const ids = (query: string, options = {}) => search.search(query, options).map((h) => h.id);

describe('createStorySearch', () => {
  it('finds a story by a word of its title and says which terms matched', () => {
    const [first] = search.search('kimi');
    expect(first?.id).toBe('kimi-k2');
    expect(first?.terms).toContain('kimi');
  });

  it('ranks the story that matches every word first', () => {
    expect(ids('openai open weights')[0]).toBe('gpt-oss');
  });

  it('keeps model versions apart', () => {
    expect(ids('gpt-5')[0]).toBe('gpt-5-launch');
    expect(ids('gpt-4o')[0]).toBe('gpt-4o-voice');
    expect(ids('GPT 5')[0]).toBe('gpt-5-launch');
  });

  it('matches the word being typed as a prefix', () => {
    expect(ids('moons')).toEqual(['kimi-k2']);
    expect(search.search('moons')[0]?.terms).toContain('moonshot');
  });

  it('does not take a finished word as a prefix of a longer one', () => {
    // "lab " (ended by a space) is a finished word; "labs" would not be typed that way.
    expect(ids('METR ')).toEqual(['metr-study']);
  });

  it('forgives one typo in a word of four letters or more', () => {
    expect(ids('alibabba')[0]).toBe('qwen3-coder');
    expect(ids('moonshat')[0]).toBe('kimi-k2');
  });

  it('forgives two typos in a word of eight letters or more, not in a short one', () => {
    expect(ids('developars slowr')[0]).toBe('metr-study');
    expect(ids('mxtrue')).toEqual([]);
  });

  it('does not forgive a typo in a word of three letters', () => {
    expect(ids('aoi ')).toEqual([]);
  });

  it('searches what the communities said', () => {
    const story = makeStory({ id: 'with-reaction', title: 'Plain title' }, ['hackernews']);
    const reaction = story.reactions[0];
    if (!reaction) throw new Error('fixture has a reaction');
    reaction.summary = 'Commenters doubted the benchmark contamination claims.';
    const own = createStorySearch([story]);
    expect(own.search('contamination').map((h) => h.id)).toEqual(['with-reaction']);
  });

  it('filters by topic and by community', () => {
    expect(ids('openai', { topic: 'open-weights' })).toEqual(['gpt-oss']);
    expect(ids('open weights', { community: 'hackernews' })).not.toContain('kimi-k2');
    expect(ids('open weights', { community: 'r-localllama' })).toContain('kimi-k2');
  });

  it('lists a filter’s stories by recency when the query is empty', () => {
    const hits = search.search('', { topic: 'coding' });
    expect(hits.map((h) => h.id)).toEqual(['qwen3-coder', 'metr-study']);
    expect(hits.every((h) => h.terms.length === 0)).toBe(true);
  });

  it('honours the limit', () => {
    expect(search.search('openai', { limit: 1 })).toHaveLength(1);
  });

  it('returns the hit in the messaging contract’s shape', () => {
    const [hit] = search.search('thinking');
    expect(hit).toMatchObject({
      id: 'why-we-think',
      title: 'Why We Think',
      lastSeen: '2025-05-04T00:00:00Z',
      communities: ['hackernews'],
      topics: ['research'],
    });
    expect(hit?.score).toBeGreaterThan(0);
  });

  it('answers nothing for a query of stop words alone', () => {
    expect(ids('the of and')).toEqual([]);
  });
});

describe('highlightRanges', () => {
  it('marks the words whose terms matched, in the original text', () => {
    const text = 'OpenAI releases GPT-5 today';
    const ranges = highlightRanges(text, ['gpt5', 'release']);
    expect(ranges.map(([a, b]) => text.slice(a, b))).toEqual(['releases', 'GPT-5']);
  });

  it('marks nothing without terms', () => {
    expect(highlightRanges('anything', [])).toEqual([]);
  });
});

describe('Vocabulary', () => {
  const vocabulary = new Vocabulary([
    'model',
    'models',
    'modal',
    'mode',
    'moonshot',
    'gpt5',
    'gpt4o',
  ]);

  it('lists terms by prefix', () => {
    expect(vocabulary.withPrefix('mod')).toEqual(['modal', 'mode', 'model', 'models']);
    expect(vocabulary.withPrefix('x')).toEqual([]);
  });

  it('finds terms within an edit distance, matching a plain computation', () => {
    const near = vocabulary.near('modle', 2).map((n) => `${n.term}:${n.distance}`);
    expect(near.sort()).toEqual(['modal:2', 'mode:1', 'model:2', 'models:2'].sort());
    expect(vocabulary.near('gpt5', 1).map((n) => n.term)).toEqual(['gpt5']);
  });
});
