import { describe, expect, it } from 'vitest';
import type { Community, Reaction } from '../index/schema';
import { computeConsensus, stanceOf } from './consensus';

function reaction(
  community: string,
  positive: number,
  neutral: number,
  negative: number,
  posts = 10,
): Reaction {
  return {
    community,
    posts,
    engagement: posts * 10,
    sentiment: { positive, neutral, negative },
    summary: '',
    timeline: [],
    threads: [],
    quotes: [],
  };
}

const communities: Community[] = [
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
  { id: 'x', name: 'X', platform: 'x', homepage: 'https://x.com/' },
];

describe('stanceOf', () => {
  it('calls a clearly positive community enthusiastic', () => {
    expect(stanceOf(reaction('a', 0.6, 0.3, 0.1))).toBe('enthusiastic');
  });
  it('calls close, sizeable camps divided', () => {
    expect(stanceOf(reaction('a', 0.4, 0.2, 0.4))).toBe('divided');
  });
  it('calls a mostly negative community critical', () => {
    expect(stanceOf(reaction('a', 0.1, 0.4, 0.5))).toBe('critical');
  });
  it('does not call a community with too few posts', () => {
    expect(stanceOf(reaction('a', 1, 0, 0, 2))).toBeNull();
  });
});

describe('computeConsensus', () => {
  it('finds a split when one community is enthusiastic and another critical', () => {
    const result = computeConsensus(
      [reaction('r-localllama', 0.6, 0.3, 0.1), reaction('hackernews', 0.1, 0.3, 0.6)],
      communities,
      () => true,
    );
    expect(result.verdict).toBe('split');
    expect(result.stances.map((s) => s.stance)).toEqual(['enthusiastic', 'critical']);
    expect(result.silent.map((c) => c.id)).toEqual(['x']);
  });

  it('finds agreement when all lean the same way', () => {
    const result = computeConsensus(
      [reaction('r-localllama', 0.6, 0.3, 0.1), reaction('hackernews', 0.5, 0.3, 0.2)],
      communities,
      () => true,
    );
    expect(result.verdict).toBe('agree');
  });

  it('leaves out disabled communities, from the stances and from the silent list', () => {
    const result = computeConsensus(
      [reaction('r-localllama', 0.6, 0.3, 0.1), reaction('hackernews', 0.1, 0.3, 0.6)],
      communities,
      (id) => id !== 'hackernews' && id !== 'x',
    );
    expect(result.stances.map((s) => s.community.id)).toEqual(['r-localllama']);
    expect(result.verdict).toBe('unknown');
    expect(result.silent).toEqual([]);
  });
});
