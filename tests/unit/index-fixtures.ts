/**
 * Small, valid story indexes built in code, so the index tests run on a clone
 * without ../shared. The wording is made up for the tests; no figure here is
 * presented as real data.
 */
import type { Story, StoryIndex, StoryIndexDelta } from '../../utils/index/schema';

export const COMMUNITIES: StoryIndex['communities'] = [
  {
    id: 'r-localllama',
    name: 'r/LocalLLaMA',
    platform: 'reddit',
    homepage: 'https://www.reddit.com/r/LocalLLaMA/',
  },
  {
    id: 'hackernews',
    name: 'Hacker News',
    platform: 'hackernews',
    homepage: 'https://news.ycombinator.com/',
  },
  {
    id: 'arxiv-cs-cl',
    name: 'arXiv cs.CL',
    platform: 'arxiv',
    homepage: 'https://arxiv.org/list/cs.CL/recent',
  },
];

export const TOPICS: StoryIndex['topics'] = [
  { id: 'open-weights', label: 'Open-weight models' },
  { id: 'agents', label: 'Agents' },
];

export function makeStory(id: string, i: number, related: string[] = []): Story {
  return {
    id,
    title: `Test story ${i}: a model release`,
    summary: `Summary of test story ${i}.`,
    topics: [TOPICS[i % TOPICS.length]!.id],
    entities: ['OpenAI', `Model-${i}`],
    keywords: ['release', `kw${i % 7}`],
    urls: [
      `https://www.example.com/news/${id}/`,
      `https://news.ycombinator.com/item?id=${1000 + i}`,
    ],
    firstSeen: '2025-08-01T00:00:00Z',
    lastSeen: '2025-08-05T12:00:00Z',
    reactions: [
      {
        community: COMMUNITIES[i % COMMUNITIES.length]!.id,
        posts: 10 + i,
        engagement: 100 + i,
        sentiment: { positive: 0.5, neutral: 0.3, negative: 0.2 },
        summary: 'People compare it with the previous release.',
        timeline: [{ day: '2025-08-02', posts: 4 }],
        threads: [
          {
            title: `Thread about story ${i}`,
            url: `https://news.ycombinator.com/item?id=${1000 + i}`,
            score: 42,
            comments: 7,
            postedAt: '2025-08-02T10:00:00Z',
          },
        ],
        quotes: [
          {
            text: 'It runs on my laptop.',
            url: `https://news.ycombinator.com/item?id=${2000 + i}`,
            score: 3,
            postedAt: '2025-08-02T11:00:00Z',
          },
        ],
      },
    ],
    related,
  };
}

/** An index of `n` stories with ids `${prefix}-0` …; each story relates to the previous one. */
export function makeIndex(
  n: number,
  prefix = 's',
  generatedAt = '2025-08-09T00:00:00Z',
): StoryIndex {
  const stories: Story[] = [];
  for (let i = 0; i < n; i++) {
    stories.push(makeStory(`${prefix}-${i}`, i, i > 0 ? [`${prefix}-${i - 1}`] : []));
  }
  return {
    format: 'crosstalk.story-index',
    version: 1,
    generatedAt,
    provenance: {
      builder: 'index tests',
      builderVersion: '0',
      sources: [{ name: 'made-up test data', path: 'tests/unit/index-fixtures.ts', posts: 0 }],
    },
    communities: COMMUNITIES,
    topics: TOPICS,
    stories,
  };
}

export function makeDelta(
  base: StoryIndex,
  upserts: Story[],
  deletes: string[],
  generatedAt = '2025-08-10T00:00:00Z',
): StoryIndexDelta {
  return {
    format: 'crosstalk.story-index-delta',
    version: 1,
    baseGeneratedAt: base.generatedAt,
    generatedAt,
    upserts,
    deletes,
  };
}

/** A deep copy that the test may mutate freely. */
export function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
