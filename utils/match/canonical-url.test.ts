import { describe, expect, it } from 'vitest';
import { canonicalUrl } from './canonical-url';

/** Every URL in a group must reach the same canonical form, given first. */
function sameAs(expected: string, variants: string[]) {
  for (const variant of variants) {
    it(`${variant} → ${expected}`, () => {
      expect(canonicalUrl(variant)).toBe(expected);
    });
  }
}

describe('canonicalUrl: refuses what is not an http(s) address', () => {
  it.each([
    'ftp://example.com/file',
    'mailto:someone@example.com',
    'javascript:alert(1)',
    'data:text/html,hi',
    'chrome-extension://abc/popup.html',
    'about:blank',
    'file:///etc/passwd',
    'not a url',
    '',
    '//example.com/path',
  ])('%s → null', (input) => {
    expect(canonicalUrl(input)).toBeNull();
  });
});

describe('canonicalUrl: scheme, host, port, slashes, fragments', () => {
  sameAs('https://example.com/news/story', [
    'https://example.com/news/story',
    'http://example.com/news/story',
    'HTTPS://EXAMPLE.COM/news/story',
    'https://www.example.com/news/story',
    'https://m.example.com/news/story',
    'https://mobile.example.com/news/story',
    'https://example.com/news/story/',
    'https://example.com/news//story',
    'https://example.com/news/story#comments',
    'https://example.com:443/news/story',
    'http://example.com:80/news/story',
    'https://example.com./news/story',
    '  https://example.com/news/story  ',
  ]);
  it('keeps a port that is not a default one', () => {
    expect(canonicalUrl('https://example.com:8443/a')).toBe('https://example.com:8443/a');
  });
  it('keeps path case, which servers may honour', () => {
    expect(canonicalUrl('https://example.com/News/Story')).toBe('https://example.com/News/Story');
  });
  it('does not strip a label that is the whole registrable name', () => {
    expect(canonicalUrl('https://m.com/a')).toBe('https://m.com/a');
    expect(canonicalUrl('https://www.com/a')).toBe('https://www.com/a');
  });
  it('drops the mobile label after a language label', () => {
    expect(canonicalUrl('https://en.m.wikipedia.org/wiki/GPT-5')).toBe(
      'https://en.wikipedia.org/wiki/GPT-5',
    );
  });
  it('gives a site root without a trailing slash', () => {
    expect(canonicalUrl('https://www.example.com/')).toBe('https://example.com');
  });
});

describe('canonicalUrl: plain hosts and paths (read without cutting them up)', () => {
  it.each([
    ['https://Example.COM/A/B/', 'https://example.com/A/B'],
    ['https://example.com//a//b/', 'https://example.com/a/b'],
    ['https://example.com/x/AMP/y', 'https://example.com/x/y'],
    ['https://example.com/Camp/site', 'https://example.com/Camp/site'],
    ['https://www.m.example.org/a', 'https://example.org/a'],
    ['https://example.com./a/', 'https://example.com/a'],
    ['https://github.com/Owner/Repo/', 'https://github.com/owner/repo'],
    ['https://sub.amp.example.com/a', 'https://sub.amp.example.com/a'],
    ['https://mobile.com/a/', 'https://mobile.com/a'],
  ])('%s → %s', (input, expected) => {
    expect(canonicalUrl(input)).toBe(expected);
  });
});

describe('canonicalUrl: AMP variants', () => {
  sameAs('https://example.com/2025/08/gpt-5-launch', [
    'https://amp.example.com/2025/08/gpt-5-launch',
    'https://example.com/amp/2025/08/gpt-5-launch',
    'https://example.com/2025/08/gpt-5-launch/amp',
    'https://example.com/2025/08/gpt-5-launch/amp/',
    'https://example.com/2025/08/gpt-5-launch?amp',
    'https://example.com/2025/08/gpt-5-launch?amp=1',
    'https://example.com/2025/08/gpt-5-launch?outputType=amp',
    'https://example.com/2025/08/gpt-5-launch.amp',
    'https://www.google.com/amp/s/example.com/2025/08/gpt-5-launch',
    'https://example-com.cdn.ampproject.org/c/s/example.com/2025/08/gpt-5-launch',
  ]);
  it('turns article.amp.html into article.html', () => {
    expect(canonicalUrl('https://example.com/a/article.amp.html')).toBe(
      'https://example.com/a/article.html',
    );
  });
  it('keeps an outputType that is not amp', () => {
    expect(canonicalUrl('https://example.com/a?outputType=print')).toBe(
      'https://example.com/a?outputType=print',
    );
  });
});

describe('canonicalUrl: tracking parameters', () => {
  sameAs('https://example.com/story?id=42', [
    'https://example.com/story?id=42&utm_source=twitter&utm_medium=social&utm_campaign=x',
    'https://example.com/story?utm_content=a&id=42',
    'https://example.com/story?id=42&fbclid=IwAR0abc',
    'https://example.com/story?id=42&gclid=EAIaIQ',
    'https://example.com/story?id=42&mc_cid=abc&mc_eid=def',
    'https://example.com/story?ref=hackernews&id=42',
    'https://example.com/story?id=42&ref_src=twsrc%5Etfw',
    'https://example.com/story?id=42&msclkid=1&igshid=2&_hsenc=3&_hsmi=4',
    'https://example.com/story?UTM_SOURCE=x&id=42',
  ]);
  it('sorts the parameters it keeps', () => {
    expect(canonicalUrl('https://example.com/s?b=2&a=1')).toBe('https://example.com/s?a=1&b=2');
  });
  it('keeps ?s= on a site where it is a search, not a share marker', () => {
    expect(canonicalUrl('https://blog.example.com/?s=llama')).toBe(
      'https://blog.example.com/?s=llama',
    );
  });
  it('drops Substack share markers', () => {
    expect(canonicalUrl('https://garymarcus.substack.com/p/nonsense-on-stilts?sd=pf&s=r')).toBe(
      'https://garymarcus.substack.com/p/nonsense-on-stilts',
    );
  });
  it('keeps parameters that name the document', () => {
    expect(canonicalUrl('https://example.com/watch?v=abc&page=2')).toBe(
      'https://example.com/watch?page=2&v=abc',
    );
  });
});

describe('canonicalUrl: arXiv', () => {
  sameAs('https://arxiv.org/abs/2508.01234', [
    'https://arxiv.org/abs/2508.01234',
    'http://arxiv.org/abs/2508.01234v2',
    'https://arxiv.org/pdf/2508.01234',
    'https://arxiv.org/pdf/2508.01234v1',
    'https://arxiv.org/pdf/2508.01234v3.pdf',
    'https://arxiv.org/pdf/2508.01234.pdf',
    'https://arxiv.org/html/2508.01234v1',
    'https://arxiv.org/html/2508.01234v1/',
    'https://www.arxiv.org/abs/2508.01234',
    'https://export.arxiv.org/abs/2508.01234v2',
    'https://arxiv.org/abs/2508.01234#S3',
  ]);
  sameAs('https://arxiv.org/abs/1706.03762', ['https://arxiv.org/abs/1706.03762v7']);
  sameAs('https://arxiv.org/abs/cs/0112017', [
    'https://arxiv.org/abs/cs/0112017v1',
    'https://arxiv.org/pdf/cs/0112017',
  ]);
  sameAs('https://arxiv.org/abs/math.gt/0309136', ['https://arxiv.org/abs/math.GT/0309136']);
  it('leaves other arXiv pages as plain URLs', () => {
    expect(canonicalUrl('https://arxiv.org/list/cs.AI/recent')).toBe(
      'https://arxiv.org/list/cs.AI/recent',
    );
  });
  it('does not treat a look-alike on another host as arXiv', () => {
    expect(canonicalUrl('https://arxiv.example.com/abs/2508.01234v2')).toBe(
      'https://arxiv.example.com/abs/2508.01234v2',
    );
  });
});

describe('canonicalUrl: Reddit', () => {
  sameAs('https://reddit.com/comments/1mieyo6', [
    'https://www.reddit.com/r/LocalLLaMA/comments/1mieyo6/openai_gptoss_120b_and_20b/',
    'https://old.reddit.com/r/LocalLLaMA/comments/1mieyo6/openai_gptoss_120b_and_20b/',
    'https://new.reddit.com/r/LocalLLaMA/comments/1mieyo6/',
    'https://np.reddit.com/r/LocalLLaMA/comments/1mieyo6/x/?context=3',
    'https://m.reddit.com/r/LocalLLaMA/comments/1mieyo6/openai_gptoss_120b_and_20b',
    'https://reddit.com/comments/1mieyo6',
    'https://redd.it/1mieyo6',
    'https://www.reddit.com/r/LocalLLaMA/comments/1mieyo6/slug/?utm_source=share&utm_medium=web2x',
    'https://www.reddit.com/user/someone/comments/1mieyo6/slug/',
    'https://www.reddit.com/r/LocalLLaMA/comments/1mieyo6/slug/n6abcde/',
  ]);
  it('folds the case of a subreddit page', () => {
    expect(canonicalUrl('https://old.reddit.com/r/LocalLLaMA/')).toBe(
      'https://reddit.com/r/localllama',
    );
  });
  it('does not take a reddit look-alike host', () => {
    expect(canonicalUrl('https://notreddit.com/r/x/comments/abc/')).toBe(
      'https://notreddit.com/r/x/comments/abc',
    );
  });
});

describe('canonicalUrl: Hacker News', () => {
  sameAs('https://news.ycombinator.com/item?id=44826997', [
    'https://news.ycombinator.com/item?id=44826997',
    'http://news.ycombinator.com/item?id=44826997',
    'https://news.ycombinator.com/item?id=44826997&p=2',
    'https://news.ycombinator.com/item?p=2&id=44826997',
    'https://news.ycombinator.com/item?id=44826997#44827200',
    'https://news.ycombinator.com/item?id=44826997&goto=news',
  ]);
  it('keeps other HN pages as plain URLs', () => {
    expect(canonicalUrl('https://news.ycombinator.com/news?p=2')).toBe(
      'https://news.ycombinator.com/news?p=2',
    );
  });
  it('does not invent an id from a bad one', () => {
    expect(canonicalUrl('https://news.ycombinator.com/item?id=abc')).toBe(
      'https://news.ycombinator.com/item?id=abc',
    );
  });
});

describe('canonicalUrl: Bluesky', () => {
  sameAs('https://bsky.app/profile/simonwillison.net/post/3lvtabcdxyz2k', [
    'https://bsky.app/profile/simonwillison.net/post/3lvtabcdxyz2k',
    'https://bsky.app/profile/SimonWillison.net/post/3lvtabcdxyz2k',
    'https://bsky.app/profile/simonwillison.net/post/3lvtabcdxyz2k/',
    'https://bsky.app/profile/simonwillison.net/post/3lvtabcdxyz2k?ref_src=embed',
    'https://bsky.app/profile/simonwillison.net/post/3lvtabcdxyz2k/liked-by',
  ]);
  it('keeps a DID as it is', () => {
    expect(canonicalUrl('https://bsky.app/profile/did:plc:AbC123/post/3lv')).toBe(
      'https://bsky.app/profile/did:plc:AbC123/post/3lv',
    );
  });
});

describe('canonicalUrl: X and Twitter', () => {
  sameAs('https://x.com/i/status/1953509998233019932', [
    'https://x.com/OpenAI/status/1953509998233019932',
    'https://twitter.com/OpenAI/status/1953509998233019932',
    'https://mobile.twitter.com/OpenAI/status/1953509998233019932',
    'https://www.twitter.com/openai/status/1953509998233019932?s=20&t=abc',
    'https://x.com/someone_else/status/1953509998233019932/photo/1',
    'https://x.com/i/web/status/1953509998233019932',
    'https://twitter.com/OpenAI/statuses/1953509998233019932',
    'https://fxtwitter.com/OpenAI/status/1953509998233019932',
  ]);
  it('folds a profile page to x.com, lower case', () => {
    expect(canonicalUrl('https://twitter.com/OpenAI')).toBe('https://x.com/openai');
  });
});

describe('canonicalUrl: other forms', () => {
  sameAs('https://youtube.com/watch?v=dQw4w9WgXcQ', [
    'https://youtu.be/dQw4w9WgXcQ?si=share',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ&feature=share',
    'https://m.youtube.com/watch?v=dQw4w9WgXcQ',
    'https://www.youtube.com/shorts/dQw4w9WgXcQ',
  ]);
  sameAs('https://github.com/openai/gpt-oss', [
    'https://github.com/OpenAI/gpt-oss',
    'https://www.github.com/openai/gpt-oss/',
  ]);
  it('is idempotent', () => {
    const inputs = [
      'https://www.Example.com/a/amp/?utm_source=x&b=1#f',
      'https://old.reddit.com/r/LocalLLaMA/comments/1mieyo6/x/',
      'https://arxiv.org/pdf/2508.01234v2',
      'https://twitter.com/a/status/1',
      'https://news.ycombinator.com/item?id=1&p=2',
    ];
    for (const input of inputs) {
      const once = canonicalUrl(input);
      expect(once).not.toBeNull();
      expect(canonicalUrl(once as string)).toBe(once);
    }
  });
});
