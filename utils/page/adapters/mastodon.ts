/**
 * Mastodon statuses on any instance: /@user/123 or /users/user/statuses/123,
 * recognised by the path and by Mastodon's own markup or meta tags.
 */
import { clean, first, httpUrl, textOf } from '../dom';
import { MAX_LEAD_CHARS } from '../types';
import { isMastodonStatusAddress } from './addresses';
import { firstOutboundLink, postTitle } from './social';
import type { AdapterContext, AdapterReading, SiteAdapter } from './types';

function looksLikeMastodon(doc: Document): boolean {
  return !!first(doc, [
    '#mastodon',
    '.detailed-status',
    'meta[name="application-name"][content="Mastodon"]',
    'meta[property="og:site_name"][content*="Mastodon"]',
    'link[rel="manifest"][href="/manifest.json"] ~ meta[name="application-name"]',
  ]);
}

function read({ doc, url, budget, meta }: AdapterContext): AdapterReading | null {
  const status = first(doc, ['.detailed-status', '.status.light', 'article .status']);
  const content = status ? first(status, ['.status__content', '.e-content']) : null;
  const text = (content ? textOf(content, MAX_LEAD_CHARS, budget) : '') || meta.description;
  if (!text) return null;
  const card = status?.querySelector('a.status-card[href]')?.getAttribute('href');
  const own = new RegExp(`^${url.hostname.replace(/\./g, '\\.')}$`);
  return {
    kind: 'mastodon',
    title: postTitle(text, meta.title),
    description: clean(text, 1000),
    lead: clean(text, MAX_LEAD_CHARS),
    discussedUrl: httpUrl(card, url.href) ?? firstOutboundLink(content, url.href, own),
    siteName: meta.siteName ?? url.hostname,
  };
}

export const mastodonAdapter: SiteAdapter = {
  name: 'mastodon',
  matches: (url, doc) => isMastodonStatusAddress(url) && looksLikeMastodon(doc),
  read,
};
