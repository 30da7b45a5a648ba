/** Hacker News: an item page (the story, its link, its text and comments) or a listing. */
import { clean, httpUrl, textOf } from '../dom';
import { MAX_LEAD_CHARS, MAX_TITLE_CHARS } from '../types';
import type { AdapterContext, AdapterReading, SiteAdapter } from './types';

const HOST = 'news.ycombinator.com';
const MAX_COMMENTS = 12;
const MAX_LISTED = 40;

function isHnPage(href: string | null): boolean {
  return !!href && /^https?:\/\/news\.ycombinator\.com\//.test(href);
}

function readItem({ doc, url, budget }: AdapterContext): AdapterReading | null {
  const link = doc.querySelector('.titleline > a, a.storylink');
  if (!link) return null;
  const title = clean(textOf(link, MAX_TITLE_CHARS, budget), MAX_TITLE_CHARS);
  const href = httpUrl(link.getAttribute('href'), url.href);
  const parts: string[] = [];
  const top = doc.querySelector('.toptext');
  if (top) parts.push(textOf(top, MAX_LEAD_CHARS, budget));
  const comments = doc.querySelectorAll('.commtext');
  let length = parts[0]?.length ?? 0;
  for (let i = 0; i < comments.length && i < MAX_COMMENTS && length < MAX_LEAD_CHARS; i++) {
    const t = textOf(comments[i], 800, budget);
    parts.push(t);
    length += t.length + 1;
  }
  const id = url.searchParams.get('id');
  return {
    kind: 'hn',
    title,
    // Ask HN and Show HN text posts link to themselves: nothing is discussed elsewhere.
    discussedUrl: href && !isHnPage(href) ? href : null,
    lead: clean(parts.join('\n'), MAX_LEAD_CHARS),
    canonicalUrl: id && /^\d+$/.test(id) ? `https://${HOST}/item?id=${id}` : null,
    siteName: 'Hacker News',
  };
}

function readListing({ doc, budget, meta }: AdapterContext): AdapterReading {
  const titles: string[] = [];
  const links = doc.querySelectorAll('.titleline > a, a.storylink');
  for (let i = 0; i < links.length && i < MAX_LISTED; i++)
    titles.push(textOf(links[i], 300, budget));
  return {
    kind: 'hn',
    title: meta.title || 'Hacker News',
    lead: clean(titles.join('\n'), MAX_LEAD_CHARS),
    discussedUrl: null,
    siteName: 'Hacker News',
  };
}

export const hackerNewsAdapter: SiteAdapter = {
  name: 'hn',
  matches: (url) => url.hostname === HOST,
  read: (ctx) => (ctx.url.pathname === '/item' ? readItem(ctx) : readListing(ctx)),
};
