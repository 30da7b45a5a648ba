/** X (Twitter) posts: the rendered tweet, or the meta tags of the served page. */
import { clean, first, textOf } from '../dom';
import { MAX_LEAD_CHARS } from '../types';
import { firstOutboundLink, postTitle } from './social';
import type { AdapterContext, AdapterReading, SiteAdapter } from './types';
import { isXAddress } from './addresses';

const OWN = /(?:^|\.)(?:x\.com|twitter\.com|t\.co|twimg\.com)$/;

function read({ doc, url, budget, meta }: AdapterContext): AdapterReading | null {
  if (!/^\/[A-Za-z0-9_]{1,20}\/status(?:es)?\/\d+/.test(url.pathname)) return null;
  const tweet = first(doc, [
    'article[data-testid="tweet"] [data-testid="tweetText"]',
    '.permalink-tweet .tweet-text',
    '.tweet-text',
  ]);
  const text = (tweet ? textOf(tweet, MAX_LEAD_CHARS, budget) : '') || meta.description;
  if (!text) return null;
  return {
    kind: 'x',
    title: postTitle(text, meta.title),
    description: clean(text, 1000),
    lead: clean(text, MAX_LEAD_CHARS),
    // t.co wrappers are useless for matching; only an expanded address counts.
    discussedUrl: firstOutboundLink(tweet, url.href, OWN),
    siteName: 'X',
  };
}

export const xAdapter: SiteAdapter = {
  name: 'x',
  matches: isXAddress,
  read,
};
