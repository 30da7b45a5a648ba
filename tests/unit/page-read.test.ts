/**
 * readPage on real saved pages (tests/fixtures/pages, provenance in SOURCES.md):
 * each adapter's reading, the generic article reader, and the classifier on
 * what they read.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { readPage } from '../../utils/page/read';
import { MAX_DESCRIPTION_CHARS, MAX_LEAD_CHARS, MAX_TITLE_CHARS } from '../../utils/page/types';
import { classifyPage } from '../../utils/topic/page';

const dir = join(import.meta.dirname, '../fixtures/pages');

function load(name: string): Document {
  const html = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
  return parseHTML(html).document as unknown as Document;
}

describe('readPage on real pages', () => {
  it('reads a Hacker News Ask HN item: its title, comments, and no outside link', () => {
    const page = readPage(
      load('hn-item-ask.html.gz'),
      'https://news.ycombinator.com/item?id=36817231',
    );
    expect(page.kind).toBe('hn');
    expect(page.title).toBe('Ask HN: What are the best papers you read in your life?');
    expect(page.discussedUrl).toBeNull();
    expect(page.canonicalUrl).toBe('https://news.ycombinator.com/item?id=36817231');
    expect(page.lead).toContain('Claude Shannon');
    expect(page.siteName).toBe('Hacker News');
    // The story's own age link (UTC on HN), not a comment's.
    expect(page.publishedAt).toBe('2023-07-21T18:04:01Z');
    // Claude Shannon is not Claude the model: the thread is not about AI.
    expect(classifyPage(page).ai).toBe(false);
  });

  it('reads a Reddit thread in the 2018 layout (a self post: nothing discussed elsewhere)', () => {
    const url =
      'https://www.reddit.com/r/AskReddit/comments/axtih6/what_is_the_most_worth_it_item_you_have_ever/';
    const page = readPage(load('reddit-self-post.html.gz'), url);
    expect(page.kind).toBe('reddit');
    expect(page.title).toBe('What is the most "worth it" item you have ever purchased?');
    expect(page.discussedUrl).toBeNull();
    expect(page.siteName).toBe('r/AskReddit');
    expect(classifyPage(page).ai).toBe(false);
  });

  it('reads a Bluesky post from the meta tags of the JavaScript shell (value= attributes)', () => {
    const url = 'https://bsky.app/profile/guilhernunes.bsky.social/post/3lhco34pdss2j';
    const page = readPage(load('bsky-post.html.gz'), url);
    expect(page.kind).toBe('bluesky');
    expect(page.title.startsWith('capybaras enjoying pizza pattern prints')).toBe(true);
    expect(page.discussedUrl).toBe(
      'https://www.inprnt.com/gallery/guilhernunes/capybaras-enjoying-pizza-pattern/',
    );
    expect(page.publishedAt).toBe('2025-02-03T23:11:38.554Z');
  });

  it('reads a status on the old twitter.com layout', () => {
    const page = readPage(
      load('twitter-status.html.gz'),
      'https://twitter.com/lina/status/809843214580326400',
    );
    expect(page.kind).toBe('x');
    expect(
      page.title.startsWith("Now before you write me off as bias I'm going to start out"),
    ).toBe(true);
    expect(page.lead.length).toBeGreaterThan(50);
  });

  it('reads a German news article: metadata, language, lead, and an AI verdict with topics', () => {
    const url =
      'https://www.heise.de/news/OpenAI-will-Hollywood-den-KI-Generator-Sora-schmackhaft-machen-9664198.html';
    const page = readPage(load('heise-sora-de.html.gz'), url);
    expect(page.kind).toBe('article');
    expect(page.title).toBe('OpenAI will Hollywood den KI-Generator Sora schmackhaft machen');
    expect(page.lang).toBe('de');
    expect(page.lead).toContain('Sora');
    expect(page.lead.length).toBeGreaterThan(500);
    expect(page.lead).not.toMatch(/Cookie|Abonnieren|Kommentare lesen/);
    const c = classifyPage(page);
    expect(c.ai).toBe(true);
    expect(c.topics.length).toBeGreaterThan(0);
  });

  it('reads a Chinese article about DeepMind as AI', () => {
    const page = readPage(
      load('qq-deepmind-zh.html.gz'),
      'https://tech.qq.com/a/20161013/000000.htm',
    );
    expect(page.title).toContain('DeepMind');
    expect(page.lead).toContain('人工智能');
    expect(classifyPage(page).ai).toBe(true);
  });

  it('reads an English business story and does not call it AI', () => {
    const page = readPage(
      load('nytimes-yahoo-verizon.html.gz'),
      'https://www.nytimes.com/2016/07/26/business/yahoo-verizon.html',
    );
    expect(page.kind).toBe('article');
    expect(page.title).toBe('Yahoo’s Sale to Verizon Leaves Shareholders With Little Say');
    expect(page.lead).toContain('Verizon');
    expect(classifyPage(page).ai).toBe(false);
  });

  it('keeps every field within the caps the background accepts', () => {
    for (const [name, url] of [
      ['hn-item-ask.html.gz', 'https://news.ycombinator.com/item?id=36817231'],
      ['heise-sora-de.html.gz', 'https://www.heise.de/news/x.html'],
      ['qq-deepmind-zh.html.gz', 'https://tech.qq.com/a/1.htm'],
    ] as const) {
      const page = readPage(load(name), url);
      expect(page.title.length).toBeLessThanOrEqual(MAX_TITLE_CHARS);
      expect(page.description.length).toBeLessThanOrEqual(MAX_DESCRIPTION_CHARS);
      expect(page.lead.length).toBeLessThanOrEqual(MAX_LEAD_CHARS);
    }
  });

  it('leaves the page exactly as it was', () => {
    for (const name of ['heise-sora-de.html.gz', 'hn-item-ask.html.gz', 'qq-deepmind-zh.html.gz']) {
      const doc = load(name);
      const before = String(doc);
      readPage(doc, 'https://example.com/a');
      expect(String(doc)).toBe(before);
    }
  });
});
