/**
 * readPageQuick and quickLead (the first reading content.js sends) on real
 * saved pages (tests/fixtures/pages, provenance in SOURCES.md) and on small
 * made-up documents for the edges.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { quickReadingSettles } from '../../utils/background/reading-gate';
import { quickLead } from '../../utils/page/quick-lead';
import { readPage, readPageQuick } from '../../utils/page/read';
import type { ReadingStart } from '../../utils/page/assemble';
import { FINISHED, finishReading, RAW } from '../../utils/page/finish';
import { readGenericFully } from '../../utils/page/read-full';
import { readPageQuickly } from '../../utils/page/read-quick';
import { readSitePageQuickly } from '../../utils/page/read-site';
import { MAX_LEAD_CHARS } from '../../utils/page/types';
import { classifyPage } from '../../utils/topic/page';

const dir = join(import.meta.dirname, '../fixtures/pages');

function load(name: string): Document {
  const html = gunzipSync(readFileSync(join(dir, name))).toString('utf8');
  return parseHTML(html).document as unknown as Document;
}

function doc(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}

const settles = (page: ReturnType<typeof readPage>) =>
  quickReadingSettles(classifyPage(page).score, false);

describe('the reader scripts (read-quick.js, read-site.js, read-full.js) read as readPage does', () => {
  it('a page no adapter reads: the quick and the full reading, without the adapters', () => {
    const url = 'https://www.heise.de/news/x.html';
    const two = readPageQuick(load('heise-sora-de.html.gz'), url);
    // read-quick.js reads raw; the background finishes what it hands over.
    const quick = readPageQuickly(load('heise-sora-de.html.gz'), url, [], RAW);
    expect({ ...quick, reading: finishReading(quick.reading) }).toEqual({
      reading: two.reading,
      quick: true,
    });
    // The full reading starts from what the quick one handed on, for that document only.
    const page = load('heise-sora-de.html.gz');
    let start: ReadingStart | undefined;
    readPageQuickly(page, url, [], RAW, (kept) => (start = kept));
    expect(readGenericFully(page, url, start)).toEqual(
      readPage(load('heise-sora-de.html.gz'), url),
    );
    expect(readGenericFully(load('heise-sora-de.html.gz'), url, start)).toBeNull();
    expect(readGenericFully(page, `${url}?next`, start)).toBeNull();
    expect(readGenericFully(page, url, undefined)).toBeNull();
  });

  it('a site adapter’s page or a settled one hands nothing on', () => {
    const url = 'https://news.ycombinator.com/item?id=36817231';
    let kept = false;
    readSitePageQuickly(load('hn-item-ask.html.gz'), url, () => (kept = true));
    expect(kept).toBe(false);
  });

  it('a site adapter’s page: read-site gives the adapter’s reading; the generic reader alone would not', () => {
    const url = 'https://news.ycombinator.com/item?id=36817231';
    const site = readSitePageQuickly(load('hn-item-ask.html.gz'), url);
    expect({ ...site, reading: finishReading(site.reading) }).toEqual({
      reading: readPage(load('hn-item-ask.html.gz'), url),
      quick: false,
    });
    expect(site.reading.kind).toBe('hn');
    expect(readPageQuickly(load('hn-item-ask.html.gz'), url, [], FINISHED).reading.kind).not.toBe(
      'hn',
    );
  });
});

describe('readPageQuick', () => {
  it('gives a site adapter’s reading as it is: not quick, and the same as readPage', () => {
    const url = 'https://news.ycombinator.com/item?id=36817231';
    const first = readPageQuick(load('hn-item-ask.html.gz'), url);
    expect(first.quick).toBe(false);
    expect(first.reading).toEqual(readPage(load('hn-item-ask.html.gz'), url));
    expect(first.full()).toBe(first.reading);
  });

  it('reads an article quickly, and full() gives exactly what readPage gives', () => {
    const url = 'https://www.heise.de/news/x.html';
    const first = readPageQuick(load('heise-sora-de.html.gz'), url);
    expect(first.quick).toBe(true);
    const full = readPage(load('heise-sora-de.html.gz'), url);
    expect(first.full()).toEqual(full);
    // Same metadata; only the lead is gathered differently.
    expect({ ...first.reading, lead: '' }).toEqual({ ...full, lead: '' });
    expect(first.reading.lead).toContain('Sora');
  });

  it('does not settle an AI article on its quick reading (German and Chinese)', () => {
    for (const [name, url] of [
      ['heise-sora-de.html.gz', 'https://www.heise.de/news/x.html'],
      ['qq-deepmind-zh.html.gz', 'https://tech.qq.com/a/20161013/000000.htm'],
    ] as const) {
      const first = readPageQuick(load(name), url);
      expect(first.quick).toBe(true);
      expect(settles(first.reading)).toBe(false);
      expect(classifyPage(first.full()).ai).toBe(true);
    }
  });

  it('settles a business story with no sign of AI on its quick reading', () => {
    const first = readPageQuick(
      load('nytimes-yahoo-verizon.html.gz'),
      'https://www.nytimes.com/2016/07/26/business/yahoo-verizon.html',
    );
    expect(first.quick).toBe(true);
    expect(first.reading.lead).toContain('Verizon');
    expect(settles(first.reading)).toBe(true);
  });

  it('leaves the page exactly as it was', () => {
    const page = load('heise-sora-de.html.gz');
    const before = String(page);
    readPageQuick(page, 'https://example.com/a').full();
    expect(String(page)).toBe(before);
  });
});

describe('quickLead', () => {
  it('prefers a JSON-LD articleBody that fills the lead', () => {
    const body = 'Word '.repeat(2000);
    expect(quickLead(doc('<p>other</p>'), { articleBody: body }, 100, FINISHED)).toBe(
      'Word '.repeat(20).trim(),
    );
  });

  it('reads the paragraphs of the article container, not the page around it', () => {
    const first = 'First  paragraph. '.repeat(10);
    const second = 'Second\nparagraph. '.repeat(10);
    const page = doc(
      `<body><nav><p>Menu text</p></nav><article><p>${first}</p><div><p>${second}</p></div></article><p>Footer</p></body>`,
    );
    expect(quickLead(page, { articleBody: null }, MAX_LEAD_CHARS, FINISHED)).toBe(
      `${'First paragraph. '.repeat(10)}${'Second paragraph. '.repeat(10)}`.trim(),
    );
  });

  it('reads the whole body when several <article>s make the page a listing', () => {
    const long = (w: string) => `${w} `.repeat(60);
    const page = doc(
      `<body><article><p>${long('teaser')}</p></article><article><p>${long('other')}</p></article></body>`,
    );
    const lead = quickLead(page, { articleBody: null }, MAX_LEAD_CHARS, FINISHED);
    expect(lead).toContain('teaser');
    expect(lead).toContain('other');
  });

  it('falls back to the container’s text when it has almost no paragraphs', () => {
    const page = doc(
      '<body><main><div>Text written in divs about a new language model.</div></main></body>',
    );
    expect(quickLead(page, { articleBody: null }, MAX_LEAD_CHARS, FINISHED)).toContain(
      'new language model',
    );
  });

  it('stays within the cap on a page of 20,000 paragraphs', () => {
    const page = doc(`<body>${'<p>A short paragraph of plain words.</p>'.repeat(20_000)}</body>`);
    const lead = quickLead(page, { articleBody: null }, 500, FINISHED);
    expect(lead.length).toBeLessThanOrEqual(500);
    expect(lead.startsWith('A short paragraph')).toBe(true);
  });

  it('answers an empty document with an empty lead', () => {
    expect(quickLead(doc(''), { articleBody: null }, 100, FINISHED)).toBe('');
  });
});

describe('quickLead on a large page without paragraphs', () => {
  it('reads a bounded share of a 2 MB body of divs, skipping scripts', () => {
    const page = doc(
      `<body><script>var hidden = "script text";</script>${'<div>Plain words in a div. </div>'.repeat(80_000)}</body>`,
    );
    const lead = quickLead(page, { articleBody: null }, 1000, FINISHED);
    expect(lead.length).toBeLessThanOrEqual(1000);
    expect(lead.startsWith('Plain words in a div.')).toBe(true);
    expect(lead).not.toContain('script text');
  });
});
