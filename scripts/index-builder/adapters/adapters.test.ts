import { describe, expect, it } from 'vitest';
import { readInputFile } from '../read-input';
import { fixture } from '../fixtures';
import type { Post } from '../types';

const read = (path: string) => readInputFile(fixture(path));
const roots = (posts: Post[]) => posts.filter((p) => !p.isComment);

describe('Reddit adapters (real samples)', () => {
  it('reads a thread response [Listing(t3), Listing(t1)] with its nested comments', () => {
    const { posts, errors } = read('reddit-localllama/thread-1mkr1wr.json');
    expect(errors).toEqual([]);
    const [root, ...comments] = posts;
    expect(root).toMatchObject({
      id: 'reddit:1mkr1wr',
      community: 'r-localllama',
      platform: 'reddit',
      title: 'GPT-5 one shotted this…',
      url: 'https://www.reddit.com/r/LocalLLaMA/comments/1mkr1wr/gpt5_one_shotted_this/',
      postedAt: '2025-08-08T09:56:35Z',
      isComment: false,
    });
    expect(comments.length).toBeGreaterThan(0);
    const first = comments.find((c) => c.id === 'reddit:n7kqjwi')!;
    expect(first.text).toBe('Breaking news: all developers use libraries');
    expect(first.threadUrl).toBe(root!.url);
    expect(first.url).toBe(`${root!.url}n7kqjwi/`);
    // Reddit escapes ">" as "&gt;": decoded, never left as an entity.
    expect(comments.some((c) => c.text.startsWith('>'))).toBe(true);
    expect(comments.every((c) => !c.text.includes('&gt;'))).toBe(true);
  });

  it('reads a listing (t3 children only)', () => {
    const { posts, errors } = read('reddit-localllama/listing-top.first3.json');
    expect(errors).toEqual([]);
    expect(posts).toHaveLength(3);
    expect(posts.every((p) => !p.isComment && p.community === 'r-localllama')).toBe(true);
    expect(posts[0]!.title).toBe('Bro whaaaat?');
  });

  it('reads posts_with_comments lines: one post plus its flattened comments per line', () => {
    const { posts, errors } = read('reddit-localllama/posts_with_comments.sample.jsonl.gz');
    expect(errors).toEqual([]);
    expect(roots(posts)).toHaveLength(10);
    const gpt5 = posts.find((p) => p.id === 'reddit:1mkg7m7')!;
    expect(gpt5.title).toBe(
      'GPT-5 removed logprob support from the API - technical breakdown and implications',
    );
    const replies = posts.filter((p) => p.threadUrl === gpt5.url);
    expect(replies.length).toBeGreaterThan(0);
    expect(replies.every((c) => c.url.startsWith(gpt5.url) && c.isComment)).toBe(true);
  });
});

describe('Hacker News adapters', () => {
  it('reads hn_stories rows (real): item URL, points, comments, linked page, kb_date as the day', () => {
    const { posts, errors } = read('hackernews-daily-stories/hn_stories.sample.jsonl');
    expect(errors).toEqual([]);
    const why = posts.find((p) => p.id === 'hn:45395133')!;
    expect(why).toMatchObject({
      title: 'Why We Think',
      url: 'https://news.ycombinator.com/item?id=45395133',
      linkUrl: 'https://lilianweng.github.io/posts/2025-05-01-thinking/',
      score: 95,
      comments: 19,
      postedAt: '2025-09-27T00:00:00Z',
      community: 'hackernews',
    });
  });

  it('reads an Algolia search response (hand-built to the documented field names)', () => {
    const { posts, errors } = read('hand-built/hn-algolia-search.json');
    expect(errors).toEqual([]);
    expect(posts[0]).toMatchObject({
      id: 'hn:44826997',
      title: 'GPT-5',
      linkUrl: 'https://openai.com/gpt-5/',
      score: 1514,
      comments: 1804,
      postedAt: '2025-08-07T00:00:00Z',
      isComment: false,
    });
    expect(posts[1]).toMatchObject({
      isComment: true,
      threadUrl: 'https://news.ycombinator.com/item?id=44826997',
      text: 'Hand-built comment for the adapter test: "entities" are decoded and tags dropped.',
    });
  });
});

describe('arXiv adapters (real samples)', () => {
  it('reads daily listing rows', () => {
    const { posts, errors } = read('arxiv-daily-cs-cv-cl-ai/arxiv.sample.jsonl');
    expect(errors).toEqual([]);
    const glm = posts.find((p) => p.id === 'arxiv:2508.06471')!;
    expect(glm.url).toBe('https://arxiv.org/abs/2508.06471');
    expect(glm.title).toMatch(/^GLM-4\.5/);
    expect(glm.text.length).toBeGreaterThan(200);
  });

  it('reads the API Atom feed', () => {
    const { posts, errors } = read('api-samples/atom_response_example.xml');
    expect(errors).toEqual([]);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({
      id: 'arxiv:hep-ex/0307015',
      url: 'https://arxiv.org/abs/hep-ex/0307015',
      title: 'Multi-Electron Production at High Transverse Momenta in ep Collisions at HERA',
      postedAt: '2003-07-07T17:46:39Z',
    });
  });
});

describe('X adapter (real rtweet CSV)', () => {
  it('handles the BOM, CRLF, quoted line breaks and #N/A, and skips retweets', () => {
    const { posts, errors } = read('twitter-chatgpt-2023-04/GPT.first15.csv');
    expect(errors).toEqual([]);
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.length).toBeLessThan(15);
    expect(posts.every((p) => !p.text.startsWith('RT @'))).toBe(true);
    const p = posts[0]!;
    expect(p.url).toMatch(/^https:\/\/x\.com\/[^/]+\/status\/\d+$/);
    expect(p.postedAt).toMatch(/^2023-04-27T17:3\d:\d\dZ$/);
    expect(posts.some((q) => q.parentUrl !== undefined && q.parentUrl.includes('#N/A'))).toBe(
      false,
    );
  });
});

describe('Mastodon, Bluesky and RSS adapters', () => {
  it('reads a Mastodon Status (the documentation example)', () => {
    const { posts, errors } = read('api-samples/Status.example.json');
    expect(errors).toEqual([]);
    expect(posts[0]).toMatchObject({
      community: 'mastodon',
      url: 'https://mastodon.social/@Gargron/103270115826048975',
      score: 17,
      comments: 5,
      postedAt: '2019-12-08T03:48:33.901Z',
      linkUrl:
        'https://www.theguardian.com/money/2019/dec/07/i-lost-my-193000-inheritance-with-one-wrong-digit-on-my-sort-code',
    });
    expect(
      posts[0]!.text.startsWith('"I lost my inheritance with one wrong digit on my sort code"'),
    ).toBe(true);
  });

  it('reads Bluesky post views (hand-built to the lexicon: no real sample exists)', () => {
    const { posts, errors } = read('hand-built/bluesky-searchPosts.json');
    expect(errors).toEqual([]);
    expect(posts[0]).toMatchObject({
      url: 'https://bsky.app/profile/tester.example.com/post/3kexample0001',
      score: 14,
      comments: 3,
      linkUrl: 'https://openai.com/index/introducing-gpt-5/',
      isComment: false,
      lang: 'en',
    });
    expect(posts[1]).toMatchObject({
      isComment: true,
      threadUrl: 'https://bsky.app/profile/did:plc:testauthor000000000000/post/3kexample0001',
    });
  });

  it('reads an RSS 2.0 feed (the real Microsoft blog feed) as press items without markup', () => {
    const { posts, errors } = read('rss-feeds-ai/test_rss.xml.gz');
    expect(errors).toEqual([]);
    expect(posts).toHaveLength(10);
    expect(posts[0]).toMatchObject({
      community: 'press',
      title: 'Ignite 2024: Why nearly 70% of the Fortune 500 now use Microsoft 365 Copilot',
      postedAt: '2024-11-19T13:30:02Z',
    });
    expect(posts.every((p) => !/<[a-z/]/i.test(p.text))).toBe(true);
  });
});
