/**
 * RSS 2.0 and Atom news feeds (labs' and newsrooms' posts) → community
 * "press". The one exception is a feed of the Hacker News front page: its
 * items are HN stories, so they go to "hackernews" with the HN item as URL.
 * Feeds count no points or comments, so score and comments are 0.
 */
import { DOMParser } from 'linkedom';
import { htmlToText, normalizeSpace } from '../text';
import { isoFromDate, type Post } from '../types';
import { HN_COMMUNITY } from './hackernews';

export const PRESS_COMMUNITY = 'press';

type El = {
  getElementsByTagName(n: string): ArrayLike<El>;
  textContent: string | null;
  getAttribute(n: string): string | null;
};

function first(el: El, ...names: string[]): El | undefined {
  for (const n of names) {
    const found = el.getElementsByTagName(n)[0];
    if (found) return found;
  }
  return undefined;
}

function textOf(el: El, ...names: string[]): string {
  return first(el, ...names)?.textContent ?? '';
}

function atomLink(entry: El): string {
  const links = Array.from(entry.getElementsByTagName('link'));
  const alt = links.find((l) => (l.getAttribute('rel') ?? 'alternate') === 'alternate') ?? links[0];
  return alt?.getAttribute('href') ?? alt?.textContent ?? '';
}

function hnItemIn(html: string): string | undefined {
  return /https:\/\/news\.ycombinator\.com\/item\?id=\d+/.exec(html)?.[0];
}

export function looksLikeFeed(xml: string): boolean {
  return /<rss[\s>]/.test(xml) || /<feed[\s>]/.test(xml);
}

export function parseFeed(xml: string, source: string): Post[] {
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as El;
  const isAtom = !/<rss[\s>]/.test(xml);
  const channel = first(doc, isAtom ? 'feed' : 'channel');
  const channelLink = channel ? (isAtom ? atomLink(channel) : textOf(channel, 'link')) : '';
  const isHnFeed = /news\.ycombinator\.com/.test(channelLink);
  const items = Array.from(doc.getElementsByTagName(isAtom ? 'entry' : 'item'));
  const out: Post[] = [];
  for (const item of items) {
    const title = normalizeSpace(htmlToText(textOf(item, 'title')));
    const link = (isAtom ? atomLink(item) : textOf(item, 'link')).trim();
    const postedAt = isoFromDate(textOf(item, 'pubDate', 'published', 'updated', 'dc:date').trim());
    if (!title || !/^https?:\/\//.test(link) || !postedAt) continue;
    const description = textOf(item, 'description', 'summary');
    const content = textOf(item, 'content:encoded', 'content');
    const text = htmlToText(description || content);
    const hnItem = isHnFeed ? hnItemIn(content) : undefined;
    out.push({
      id: `feed:${hnItem ?? link}`,
      community: hnItem ? HN_COMMUNITY : PRESS_COMMUNITY,
      platform: hnItem ? 'hackernews' : 'press',
      url: hnItem ?? link,
      title,
      text,
      postedAt,
      score: 0,
      comments: 0,
      linkUrl: link,
      isComment: false,
      source,
    });
  }
  return out;
}
