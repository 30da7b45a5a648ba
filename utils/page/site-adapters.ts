/**
 * The site adapters, registered with one manager: each reads one kind of page
 * (a Hacker News item, a Reddit thread, an arXiv abstract…). They are small and
 * their reading is always the full one, so the quick reading (read-quick.ts)
 * runs them too; the generic article reader answers when none does.
 */
import { arxivAdapter } from './adapters/arxiv';
import { blueskyAdapter } from './adapters/bluesky';
import { hackerNewsAdapter } from './adapters/hackernews';
import { lobstersAdapter } from './adapters/lobsters';
import { mastodonAdapter } from './adapters/mastodon';
import { redditAdapter } from './adapters/reddit';
import type { SiteAdapter } from './adapters/types';
import { xAdapter } from './adapters/x';

const adapters: SiteAdapter[] = [];

/** Adds a site adapter; adapters registered first are asked first. */
export function registerAdapter(adapter: SiteAdapter): void {
  if (!adapters.includes(adapter)) adapters.push(adapter);
}

/** The registered site adapters, in the order they are asked (the generic reader is not one). */
export function siteAdapters(): readonly SiteAdapter[] {
  return adapters;
}

for (const a of [
  hackerNewsAdapter,
  redditAdapter,
  arxivAdapter,
  blueskyAdapter,
  mastodonAdapter,
  xAdapter,
  lobstersAdapter,
]) {
  registerAdapter(a);
}
