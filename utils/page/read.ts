/**
 * readPage: what the content script knows about the page in front of the
 * reader. One manager, one adapter per kind of page; the generic article
 * reader answers when no site adapter does. Read-only, bounded and total: it
 * never writes to the page and never throws.
 */
import { arxivAdapter } from './adapters/arxiv';
import { blueskyAdapter } from './adapters/bluesky';
import { genericAdapter, readGeneric } from './adapters/generic';
import { hackerNewsAdapter } from './adapters/hackernews';
import { lobstersAdapter } from './adapters/lobsters';
import { mastodonAdapter } from './adapters/mastodon';
import { redditAdapter } from './adapters/reddit';
import type { AdapterContext, AdapterReading, SiteAdapter } from './adapters/types';
import { xAdapter } from './adapters/x';
import { clean, newBudget } from './dom';
import { readMetadata } from './metadata';
import {
  MAX_DESCRIPTION_CHARS,
  MAX_LEAD_CHARS,
  MAX_TITLE_CHARS,
  MAX_URL_CHARS,
  type PageReading,
} from './types';

const adapters: SiteAdapter[] = [];

/** Adds a site adapter; adapters registered first are asked first. */
export function registerAdapter(adapter: SiteAdapter): void {
  if (!adapters.includes(adapter)) adapters.push(adapter);
}

/** The registered site adapters, in the order they are asked. */
export function registeredAdapters(): readonly SiteAdapter[] {
  return [...adapters, genericAdapter];
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

function emptyReading(location: string): PageReading {
  return {
    kind: 'other',
    url: location.slice(0, MAX_URL_CHARS),
    canonicalUrl: null,
    discussedUrl: null,
    title: '',
    description: '',
    lead: '',
    lang: null,
    siteName: null,
    publishedAt: null,
  };
}

function parseUrl(location: string): URL | null {
  try {
    return new URL(location);
  } catch {
    return null;
  }
}

export function readPage(doc: Document, location: string): PageReading {
  try {
    const url = parseUrl(location) ?? new URL('about:blank');
    const meta = readMetadata(doc, location);
    const ctx: AdapterContext = { doc, url, location, meta, budget: newBudget() };
    let found: AdapterReading | null = null;
    for (const adapter of adapters) {
      try {
        if (adapter.matches(url, doc)) found = adapter.read(ctx);
      } catch {
        found = null; // a broken adapter must not break the page: fall through
      }
      if (found) break;
    }
    const reading = found ?? readGeneric(ctx);
    return {
      kind: reading.kind,
      url: location.slice(0, MAX_URL_CHARS),
      canonicalUrl: reading.canonicalUrl ?? meta.canonicalUrl,
      discussedUrl: reading.discussedUrl ?? null,
      title: clean(reading.title ?? meta.title, MAX_TITLE_CHARS),
      description: clean(reading.description || meta.description, MAX_DESCRIPTION_CHARS),
      lead: clean(reading.lead, MAX_LEAD_CHARS),
      lang: meta.lang,
      siteName: reading.siteName ?? meta.siteName,
      publishedAt: reading.publishedAt ?? meta.publishedAt,
    };
  } catch {
    return emptyReading(location);
  }
}
