/**
 * Bluesky posts. bsky.app serves a JavaScript shell whose <meta> tags (with a
 * `value` attribute instead of `content`) carry the post text; once rendered,
 * the thread item carries it too.
 */
import { clean, first, textOf } from '../dom';
import { MAX_LEAD_CHARS } from '../types';
import { firstOutboundLink, firstUrlInText, postTitle } from './social';
import type { AdapterContext, AdapterReading, SiteAdapter } from './types';
import { isBlueskyAddress } from './addresses';

const OWN = /(?:^|\.)(?:bsky\.app|bsky\.social|go\.bsky\.app)$/;

function read({ doc, url, budget, meta }: AdapterContext): AdapterReading | null {
  if (!/^\/profile\/[^/]+\/post\/[^/]+/.test(url.pathname)) return null;
  const item = first(doc, [
    '[data-testid^="postThreadItem-by-"]',
    '[data-testid="postThreadItem"]',
  ]);
  const rendered = item
    ? textOf(first(item, ['[data-testid="postText"]']) ?? item, MAX_LEAD_CHARS, budget)
    : '';
  const text = rendered || meta.description;
  return {
    kind: 'bluesky',
    title: postTitle(text, meta.title),
    description: clean(text, 1000),
    lead: clean(text, MAX_LEAD_CHARS),
    discussedUrl: firstOutboundLink(item, url.href, OWN) ?? firstUrlInText(text, OWN),
    siteName: 'Bluesky',
  };
}

export const blueskyAdapter: SiteAdapter = {
  name: 'bluesky',
  matches: isBlueskyAddress,
  read,
};
