import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { FINISHED, finishMetadata, finishReading, RAW } from './finish';
import { readMetadata } from './metadata';
import { emptyReading } from './assemble';
import { MAX_LEAD_CHARS, RAW_TEXT_FACTOR } from './types';

const doc = (html: string) => parseHTML(html).document as unknown as Document;
const BASE = 'https://news.example/a/story?x=1';

describe('RAW, what read-quick.js makes of a page’s strings', () => {
  it('cuts a text by length only, trimmed, leaving its whitespace for the background', () => {
    expect(RAW.text('  a \n\n b  ', 10)).toBe('a \n\n b');
    expect(RAW.text('x'.repeat(100), 10)).toHaveLength(10 * RAW_TEXT_FACTOR);
    expect(RAW.text(' \n\t ', 10)).toBe('');
    expect(RAW.text(null, 10)).toBe('');
  });

  it('keeps relative and http(s) addresses as written and refuses every other scheme', () => {
    expect(RAW.url(' /a/canonical ', BASE)).toBe('/a/canonical');
    expect(RAW.url('story-2', BASE)).toBe('story-2');
    expect(RAW.url('HTTPS://news.example/b', BASE)).toBe('HTTPS://news.example/b');
    expect(RAW.url('javascript:alert(1)', BASE)).toBeNull();
    expect(RAW.url('data:text/html,x', BASE)).toBeNull();
    expect(RAW.url('x'.repeat(3000), BASE)).toBeNull();
  });
});

describe('finishMetadata', () => {
  const page = doc(`<html lang=" EN-us "><head>
    <meta property="og:title" content="   ">
    <title>  The   real
      title </title>
    <meta name="description" content="One  line,\n  then   another.">
    <link rel="canonical" href="javascript:void(0)">
    <meta property="og:url" content="/a/story">
    <meta property="og:site_name" content=" News   Example ">
    <script type="application/ld+json">{"@type":"NewsArticle","datePublished":" 2026-11-30 ","articleBody":"Body  text\\n here."}</script>
    </head><body><h1>Heading</h1></body></html>`);

  it('gives what readMetadata reads finished, fallbacks included', () => {
    const finished = readMetadata(page, BASE, FINISHED);
    expect(finishMetadata(readMetadata(page, BASE, RAW), BASE)).toEqual(finished);
    // The whitespace-only og:title falls back to <title>; the javascript: canonical to og:url.
    expect(finished.title).toBe('The real title');
    expect(finished.canonicalUrl).toBe('https://news.example/a/story');
    expect(finished.lang).toBe('en-us');
    expect(finished.articleBody).toBe('Body text here.');
  });

  it('finishes a finished metadata to itself', () => {
    const finished = readMetadata(page, BASE, FINISHED);
    expect(finishMetadata(finished, BASE)).toEqual(finished);
  });
});

describe('finishReading', () => {
  it('cleans every text to its cap and resolves the canonical address', () => {
    const raw = {
      ...emptyReading(BASE),
      title: ' A \n title ',
      description: 'word '.repeat(400),
      lead: `${'lead\n\n'.repeat(MAX_LEAD_CHARS)}`,
      canonicalUrl: '../b',
      lang: ' FR ',
      siteName: '  ',
      publishedAt: ' 2026-12-01 ',
    };
    const done = finishReading(raw);
    expect(done.title).toBe('A title');
    expect(done.description.length).toBeLessThanOrEqual(1000);
    expect(done.description.endsWith('word')).toBe(true);
    expect(done.lead.length).toBeLessThanOrEqual(MAX_LEAD_CHARS);
    expect(done.lead).not.toMatch(/\n/);
    expect(done.canonicalUrl).toBe('https://news.example/b');
    expect(done.lang).toBe('fr');
    expect(done.siteName).toBeNull();
    expect(done.publishedAt).toBe('2026-12-01');
    expect(finishReading(done)).toEqual(done);
  });

  it('drops a canonical address the page gave in another scheme', () => {
    expect(
      finishReading({ ...emptyReading(BASE), canonicalUrl: 'javascript:x' }).canonicalUrl,
    ).toBeNull();
  });
});
