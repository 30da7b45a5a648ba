/**
 * Popup search on the real bundled index: the story a reader means comes first.
 * (Issue 8: "ranked"; the e2e popup test types "gpt-5" and expects the GPT-5 launch.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { StoryIndex } from '@/utils/index/schema';
import { createStorySearch } from '@/utils/match/search';

const index = JSON.parse(readFileSync('public/story-index.json', 'utf8')) as StoryIndex;
const search = createStorySearch(index.stories);
const posts = (id: string) =>
  index.stories.find((s) => s.id === id)!.reactions.reduce((n, r) => n + r.posts, 0);

describe('search ranking on the bundled index', () => {
  it('puts the exact model name before names that only extend it', () => {
    const [first] = search.search('gpt-5');
    expect(first?.title).toBe('GPT-5');
  });

  it('puts the widely discussed launch first among stories with the same words', () => {
    const hits = search.search('kimi k2 instruct');
    expect(hits[0]?.title).toMatch(/Kimi-K2-Instruct/);
    expect(posts(hits[0]!.id)).toBeGreaterThan(1000);
  });

  it('still forgives a typo and completes the word being typed', () => {
    expect(search.search('qwen3-codr').map((h) => h.title)).toContain('Qwen3-Coder is here!');
    expect(search.search('qwen3-cod').map((h) => h.title)).toContain('Qwen3-Coder is here!');
  });
});
