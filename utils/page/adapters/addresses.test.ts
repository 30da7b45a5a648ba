/**
 * The background picks the reader script by address alone (read-site.js holds the adapters), so
 * every page a site adapter reads must be on an address siteAdapterMayRead accepts: checked on
 * each adapter's own pages and on a seeded spread of addresses, with a page that passes every
 * adapter's markup check.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { pick, seededRng } from '../../../tests/unit/seeded-rng';
import { DEFAULT_SITES } from '../../sites';
import { siteAdapters } from '../site-adapters';
import { siteAdapterMayRead } from './addresses';

/** A page every adapter's markup check accepts (Mastodon's is the only one that looks). */
const { document: anyPage } = parseHTML(
  '<html><head><meta name="application-name" content="Mastodon"></head><body><div id="mastodon"></div></body></html>',
);
const doc = anyPage as unknown as Document;

const adapterPages = [
  'https://news.ycombinator.com/item?id=44800746',
  'https://news.ycombinator.com/',
  'https://www.reddit.com/r/LocalLLaMA/comments/1mieyhh/openai_just_dropped/',
  'https://old.reddit.com/r/LocalLLaMA/comments/1mieyhh/',
  'https://arxiv.org/abs/2508.01234v2',
  'https://bsky.app/profile/someone.bsky.social/post/3lxyz',
  'https://mastodon.social/@Gargron/103270115826048975',
  'https://fosstodon.org/users/someone/statuses/109876543210',
  'https://x.com/sama/status/1953264193890861114',
  'https://mobile.twitter.com/sama/status/1953264193890861114',
  'https://lobste.rs/s/abc123/some_story',
];

const otherPages = [
  'https://www.theverge.com/ai-artificial-intelligence/883034/openclaw',
  'https://www.reddit.com/r/LocalLLaMA/',
  'https://arxiv.org/list/cs.AI/recent',
  'https://lobste.rs/',
  'https://example.com/@someone',
  'not a url',
];

describe('siteAdapterMayRead', () => {
  it('accepts the pages the site adapters read, and leaves the rest to the generic reader', () => {
    for (const href of adapterPages) {
      expect(siteAdapterMayRead(href), href).toBe(true);
      expect(
        siteAdapters().some((a) => a.matches(new URL(href), doc)),
        `an adapter reads ${href}`,
      ).toBe(true);
    }
    for (const href of otherPages) expect(siteAdapterMayRead(href), href).toBe(false);
  });

  it('accepts every address any site adapter matches (2,000 seeded addresses)', () => {
    const rng = seededRng(20261202);
    const hosts = [
      ...DEFAULT_SITES,
      'reddit.com',
      'np.reddit.com',
      'export.arxiv.org',
      'www.x.com',
      'twitter.com',
      'fosstodon.org',
      'lobste.rs',
    ];
    const paths = [
      '/',
      '/item',
      '/abs/2508.01234',
      '/s/abc/x',
      '/r/x/comments/abc/',
      '/@a/1234567',
      '/users/a/statuses/1234567/',
      '/profile/a/post/b',
      '/a/status/1',
      '/news/ai',
    ];
    let matched = 0;
    for (let i = 0; i < 2000; i++) {
      const url = new URL(`https://${pick(rng, hosts)}${pick(rng, paths)}`);
      const read = siteAdapters().some((a) => a.matches(url, doc));
      if (read) {
        matched++;
        expect(siteAdapterMayRead(url.href), url.href).toBe(true);
      }
    }
    // The spread reaches the adapters' pages often enough to mean something.
    expect(matched).toBeGreaterThan(100);
  });
});
