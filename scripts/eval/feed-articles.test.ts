import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MAX_LEAD_CHARS } from '../../utils/page/types';
import { feedPathOf, readFeedArticles } from './feed-articles';

const FEED = `<?xml version='1.0' encoding='UTF-8'?>
<rss xmlns:content="http://purl.org/rss/1.0/modules/content/" version="2.0"><channel>
<title>Example</title><link>https://example.org</link><language>en-GB</language>
<item><title>A &amp; B</title><link>https://example.org/a</link>
<description>&lt;p&gt;The lead.&lt;/p&gt;</description>
<content:encoded><![CDATA[<p>First   paragraph.</p><p>${'word '.repeat(2000)}</p>]]></content:encoded></item>
<item><title>Second</title><link>https://example.org/b</link><description>Only a description.</description></item>
</channel></rss>`;

describe('feed articles as page readings', () => {
  it('reads each item into a page reading keyed by feed path and link', () => {
    const corpus = mkdtempSync(join(tmpdir(), 'feeds-'));
    writeFileSync(join(corpus, 'f.xml.gz'), gzipSync(FEED));
    const items = readFeedArticles(corpus, 'f.xml.gz');
    expect([...items.keys()]).toEqual([
      'f.xml.gz#https://example.org/a',
      'f.xml.gz#https://example.org/b',
    ]);
    const a = items.get('f.xml.gz#https://example.org/a')!;
    expect(a.title).toBe('A & B');
    expect(a.description).toBe('The lead.');
    expect(a.lead.startsWith('First paragraph. word word')).toBe(true);
    expect(a.lead.length).toBe(MAX_LEAD_CHARS);
    expect(a.lang).toBe('en-gb');
    expect(a.url).toBe('https://example.org/a');
    expect(items.get('f.xml.gz#https://example.org/b')!.lead).toBe('');
    expect(feedPathOf('f.xml.gz#https://example.org/a#frag')).toBe('f.xml.gz');
  });
});
