/** Hacker News: an item page (the story, its link, its text and comments) or a listing. */
import { clean, httpUrl, textOf } from '../dom';
import { MAX_LEAD_CHARS, MAX_TITLE_CHARS } from '../types';
import type { AdapterContext, AdapterReading, SiteAdapter } from './types';
import { isHackerNewsAddress } from './addresses';

const HOST = 'news.ycombinator.com';
const MAX_COMMENTS = 12;
const MAX_LISTED = 40;

function isHnPage(href: string | null): boolean {
  return !!href && /^https?:\/\/news\.ycombinator\.com\//.test(href);
}

/**
 * The story's time: HN writes it in UTC, without a zone, in the title of its
 * age link ("2023-07-21T18:04:01", newer pages add the Unix time after a space).
 */
function storyTime(doc: Document): string | null {
  const age = doc.querySelector('.subline .age, .subtext .age, .age');
  const stamp = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\s|$)/.exec(age?.getAttribute('title') ?? '');
  return stamp ? `${stamp[1]}Z` : null;
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
    publishedAt: storyTime(doc),
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
  matches: isHackerNewsAddress,
  read: (ctx) => (ctx.url.pathname === '/item' ? readItem(ctx) : readListing(ctx)),
};
