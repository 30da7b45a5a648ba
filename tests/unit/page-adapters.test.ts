/**
 * Site adapters on small markup written here, modelled on each site's real
 * markup (the corpus has no saved HN link items or listings, old or new
 * Reddit link posts, arXiv abstracts, Mastodon statuses, rendered X posts or
 * Lobsters stories; see tests/fixtures/pages/SOURCES.md).
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readPage, registeredAdapters } from '../../utils/page/read';
import { classifyPage } from '../../utils/topic/page';

const doc = (html: string) => parseHTML(`<!DOCTYPE html>${html}`).document as unknown as Document;

describe('site adapters', () => {
  it('asks the site adapters in order and the generic article reader last', () => {
    const names = registeredAdapters().map((a) => a.name);
    expect(names.at(-1)).toBe('article');
    expect(names).toEqual(
      expect.arrayContaining(['hn', 'reddit', 'arxiv', 'bluesky', 'mastodon', 'x', 'lobsters']),
    );
  });

  it('HN item: the story link is the discussed URL', () => {
    const page = readPage(
      doc(`<html><head><title>Qwen3-Coder: Agentic coding in the world | Hacker News</title></head><body><table>
        <tr class="athing" id="44653072"><td class="title"><span class="titleline">
        <a href="https://qwenlm.github.io/blog/qwen3-coder/">Qwen3-Coder: Agentic coding in the world</a>
        <span class="sitebit comhead"> (<a href="from?site=qwenlm.github.io"><span class="sitestr">qwenlm.github.io</span></a>)</span></span></td></tr>
        <tr><td class="subtext"><span class="score">740 points</span></td></tr></table>
        <table class="comment-tree"><tr class="athing comtr"><td><div class="comment"><div class="commtext c00">The 480B MoE is impressive on SWE-bench.</div></div></td></tr></table></body></html>`),
      'https://news.ycombinator.com/item?id=44653072',
    );
    expect(page.kind).toBe('hn');
    expect(page.title).toBe('Qwen3-Coder: Agentic coding in the world');
    expect(page.discussedUrl).toBe('https://qwenlm.github.io/blog/qwen3-coder/');
    expect(page.lead).toContain('SWE-bench');
    expect(classifyPage(page).ai).toBe(true);
  });

  it('HN listing: kind hn, story titles as the lead, nothing discussed', () => {
    const page = readPage(
      doc(`<html><head><title>Hacker News</title></head><body><table>
        <tr class="athing"><td class="title"><span class="titleline"><a href="https://a.example/1">Fedora 44 released</a></span></td></tr>
        <tr class="athing"><td class="title"><span class="titleline"><a href="https://b.example/2">Writing mutexes from scratch in Go</a></span></td></tr>
        </table></body></html>`),
      'https://news.ycombinator.com/news',
    );
    expect(page.kind).toBe('hn');
    expect(page.discussedUrl).toBeNull();
    expect(page.lead).toContain('Fedora 44 released');
  });

  it('new Reddit (<shreddit-post>): a link post discusses its outbound URL', () => {
    const page = readPage(
      doc(`<html><body><shreddit-post post-title="gpt-oss-120b is out" post-type="link"
        content-href="https://openai.com/index/introducing-gpt-oss/" subreddit-prefixed-name="r/LocalLLaMA">
        <div slot="text-body"><p>Apache 2.0 weights.</p></div></shreddit-post>
        <shreddit-comment><div slot="comment"><p>Runs on a single H100.</p></div></shreddit-comment></body></html>`),
      'https://www.reddit.com/r/LocalLLaMA/comments/1mi0x1a/gptoss120b_is_out/',
    );
    expect(page.kind).toBe('reddit');
    expect(page.title).toBe('gpt-oss-120b is out');
    expect(page.discussedUrl).toBe('https://openai.com/index/introducing-gpt-oss/');
    expect(page.siteName).toBe('r/LocalLLaMA');
    expect(page.lead).toContain('single H100');
  });

  it('new Reddit: a self post or an i.redd.it image discusses nothing elsewhere', () => {
    const page = readPage(
      doc(`<html><body><shreddit-post post-title="Which GPU for 70B?" post-type="image"
        content-href="https://i.redd.it/abc.png" subreddit-prefixed-name="r/LocalLLaMA"></shreddit-post></body></html>`),
      'https://www.reddit.com/r/LocalLLaMA/comments/1abc/which_gpu/',
    );
    expect(page.discussedUrl).toBeNull();
    // The subreddit in the address says AI even when the title alone does not.
    expect(classifyPage(page).ai).toBe(true);
  });

  it('old Reddit: the .thing.link data-url is the discussed URL', () => {
    const page = readPage(
      doc(`<html><body><div id="siteTable"><div class="thing link" data-url="https://www.theverge.com/ai/123/story"
        data-subreddit="technology"><a class="title" href="https://www.theverge.com/ai/123/story">Anthropic raises $13B</a></div></div>
        <div class="commentarea"><div class="usertext-body"><div class="md"><p>Big round.</p></div></div></div></body></html>`),
      'https://old.reddit.com/r/technology/comments/1xyz/anthropic_raises_13b/',
    );
    expect(page.kind).toBe('reddit');
    expect(page.title).toBe('Anthropic raises $13B');
    expect(page.discussedUrl).toBe('https://www.theverge.com/ai/123/story');
    expect(page.siteName).toBe('r/technology');
  });

  it('arXiv abstract: title, abstract, subjects, canonical abs URL without version', () => {
    const page = readPage(
      doc(`<html><head><meta name="citation_title" content="Attention Is All You Need"></head><body>
        <h1 class="title mathjax"><span class="descriptor">Title:</span>Attention Is All You Need</h1>
        <blockquote class="abstract mathjax"><span class="descriptor">Abstract:</span>The dominant sequence transduction models are based on complex recurrent or convolutional neural networks.</blockquote>
        <table><tr><td class="tablecell subjects">Computation and Language (cs.CL); Machine Learning (cs.LG)</td></tr></table></body></html>`),
      'https://arxiv.org/abs/1706.03762v7',
    );
    expect(page.kind).toBe('arxiv');
    expect(page.title).toBe('Attention Is All You Need');
    expect(page.lead.startsWith('The dominant sequence transduction models')).toBe(true);
    expect(page.canonicalUrl).toBe('https://arxiv.org/abs/1706.03762');
    expect(page.description).toContain('cs.CL');
    expect(classifyPage(page).ai).toBe(true);
  });

  it('Mastodon status on any instance: text, card link, not mentions or hashtags', () => {
    const page = readPage(
      doc(`<html><head><meta property="og:site_name" content="Mastodon"></head><body><div id="mastodon">
        <div class="detailed-status"><div class="status__content"><p><a class="mention" href="https://mastodon.social/@simon">@simon</a>
        Mistral released Magistral today <a rel="tag" class="hashtag" href="https://mastodon.social/tags/ai">#ai</a></p></div>
        <a class="status-card" href="https://mistral.ai/news/magistral">card</a></div></div></body></html>`),
      'https://mastodon.social/@someone/114624567890123456',
    );
    expect(page.kind).toBe('mastodon');
    expect(page.title).toContain('Magistral');
    expect(page.discussedUrl).toBe('https://mistral.ai/news/magistral');
    expect(classifyPage(page).ai).toBe(true);
  });

  it('a /@user/123 path on a site that is not Mastodon is read as an article', () => {
    const page = readPage(
      doc('<html><body><article><p>Nothing to see.</p></article></body></html>'),
      'https://example.com/@bob/1234567',
    );
    expect(page.kind).not.toBe('mastodon');
  });

  it('X post (rendered): the tweet text, and an expanded link rather than t.co', () => {
    const page = readPage(
      doc(`<html><body><article data-testid="tweet"><div data-testid="tweetText"><span>We are releasing Grok 4 today. </span>
        <a href="https://t.co/abc" title="https://x.ai/news/grok-4">x.ai/news/grok-4</a></div></article></body></html>`),
      'https://x.com/xai/status/1943158495588815072',
    );
    expect(page.kind).toBe('x');
    expect(page.title).toContain('Grok 4');
    expect(page.discussedUrl).toBe('https://x.ai/news/grok-4');
  });

  it('Lobsters story: link, tags (ai → AI), comments', () => {
    const page = readPage(
      doc(`<html><body><div class="story"><span class="link"><a class="u-url" href="https://simonwillison.net/2025/Jun/16/the-lethal-trifecta/">The lethal trifecta</a></span>
        <a class="tag tag_ai" href="/t/ai">ai</a><a class="tag" href="/t/security">security</a></div>
        <div class="comment_text"><p>Prompt injection again.</p></div></body></html>`),
      'https://lobste.rs/s/abcd12/the_lethal_trifecta',
    );
    expect(page.kind).toBe('lobsters');
    expect(page.title).toBe('The lethal trifecta');
    expect(page.discussedUrl).toBe('https://simonwillison.net/2025/Jun/16/the-lethal-trifecta/');
    expect(page.description).toBe('Tags: AI, security');
    expect(page.canonicalUrl).toBe('https://lobste.rs/s/abcd12');
    expect(classifyPage(page).ai).toBe(true);
  });

  it('generic article: JSON-LD headline and date, OpenGraph description, canonical link', () => {
    const page = readPage(
      doc(`<html lang="en-GB"><head><title>Chips | Example News</title>
        <link rel="canonical" href="/2025/chips">
        <meta property="og:description" content="Export rules tighten.">
        <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"x"},
          {"@type":"NewsArticle","headline":"US tightens AI chip export rules","datePublished":"2025-01-13T10:00:00Z","publisher":{"@type":"Organization","name":"Example News"}}]}</script>
        <script type="application/ld+json">{ not json</script></head>
        <body><nav><a href="/">Home</a></nav><article><p>${'The rules cover Nvidia H100 accelerators and AI model weights. '.repeat(8)}</p></article>
        <aside><p>Most read: a cat found in Oregon.</p></aside></body></html>`),
      'https://news.example.com/2025/chips?utm_source=x',
    );
    expect(page.kind).toBe('article');
    expect(page.title).toBe('US tightens AI chip export rules');
    expect(page.publishedAt).toBe('2025-01-13T10:00:00Z');
    expect(page.siteName).toBe('Example News');
    expect(page.canonicalUrl).toBe('https://news.example.com/2025/chips');
    expect(page.lang).toBe('en-gb');
    expect(page.description).toBe('Export rules tighten.');
    expect(page.lead).not.toContain('Most read');
    expect(classifyPage(page).topics).toContain('chips-compute');
  });

  it('never follows javascript: or data: links as discussed URLs', () => {
    const page = readPage(
      doc(
        `<html><body><span class="titleline"><a href="javascript:alert(1)">Click</a></span></body></html>`,
      ),
      'https://news.ycombinator.com/item?id=1',
    );
    expect(page.discussedUrl).toBeNull();
  });
});
