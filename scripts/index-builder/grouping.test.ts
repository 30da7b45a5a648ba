import { describe, expect, it } from 'vitest';
import { groupRoots } from './grouping';
import { measureGrouping, loadGroupingCheck, type GroupingCheck } from './grouping-check';
import type { Post } from './types';

function post(id: string, title: string, day: string, linkUrl?: string): Post {
  return {
    id,
    community: id.startsWith('hn:') ? 'hackernews' : 'r-localllama',
    platform: id.startsWith('hn:') ? 'hackernews' : 'reddit',
    url: `https://example.org/${id}`,
    title,
    text: '',
    postedAt: `${day}T00:00:00Z`,
    score: 1,
    comments: 0,
    ...(linkUrl ? { linkUrl } : {}),
    isComment: false,
    source: 'test',
  };
}

describe('groupRoots', () => {
  it('joins by shared link, by event entity in a burst, and keeps other events apart', () => {
    const posts = [
      post('hn:1', 'GPT-5', '2025-08-07', 'https://openai.com/gpt-5/'),
      post('reddit:a', 'Hilarious chart from GPT-5 Reveal', '2025-08-07'),
      post('reddit:b', 'gpt-oss vs GPT-5 on my benchmark', '2025-08-08'),
      post(
        'hn:2',
        'Introducing gpt-oss',
        '2025-08-05',
        'https://openai.com/index/introducing-gpt-oss/',
      ),
      post(
        'reddit:c',
        'OpenAI open weights are out',
        '2025-08-05',
        'https://openai.com/index/introducing-gpt-oss',
      ),
      post('hn:3', 'GPT-5 rumours', '2025-01-10'),
    ];
    const { groupOf } = groupRoots(posts);
    const g = (i: number) => groupOf[i];
    expect(g(1)).toBe(g(0)); // same event, same burst
    expect(g(2)).toBe(g(3)); // first event named is gpt-oss
    expect(g(4)).toBe(g(3)); // same link
    expect(g(0)).not.toBe(g(3)); // two events never merge
    expect(g(5)).not.toBe(g(0)); // GPT-5 in January is another burst
  });
});

describe('grouping-check', () => {
  it('counts impure groups and split events', () => {
    const check: GroupingCheck = {
      groups: [
        {
          anchor: 'a',
          event: 'A',
          members: { b: { same: true, why: '' }, c: { same: false, why: '' } },
        },
        { anchor: 'd', event: 'D', members: { e: { same: false, why: '' } } },
      ],
      events: [
        { event: 'A', posts: ['a', 'b'], why: '' },
        { event: 'E', posts: ['d', 'e'], why: '' },
      ],
    };
    const groupOf = new Map([
      ['a', 1],
      ['b', 1],
      ['c', 1],
      ['d', 2],
      ['e', 3],
    ]);
    const f = measureGrouping(groupOf, check);
    expect([f.groupsChecked, f.groupsPure, f.eventsChecked, f.eventsSplit]).toEqual([2, 1, 2, 1]);
    expect(f.impure).toEqual([{ event: 'A', wrong: ['c'] }]);
  });
  it('has a reason for every hand call', () => {
    const check = loadGroupingCheck();
    expect(check.groups.length).toBeGreaterThanOrEqual(40);
    for (const g of check.groups)
      for (const m of Object.values(g.members)) expect(m.why.length).toBeGreaterThan(10);
    for (const e of check.events) expect(e.why.length).toBeGreaterThan(10);
  });
});
