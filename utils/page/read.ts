/**
 * readPage: what the content script knows about the page in front of the
 * reader. One manager, one adapter per kind of page; the generic article
 * reader answers when no site adapter does. Read-only, bounded and total: it
 * never writes to the page and never throws.
 */
import { arxivAdapter } from './adapters/arxiv';
import { blueskyAdapter } from './adapters/bluesky';
import { articleKind, genericAdapter, readGeneric } from './adapters/generic';
import { hackerNewsAdapter } from './adapters/hackernews';
import { lobstersAdapter } from './adapters/lobsters';
import { mastodonAdapter } from './adapters/mastodon';
import { redditAdapter } from './adapters/reddit';
import type { AdapterContext, AdapterReading, SiteAdapter } from './adapters/types';
import { xAdapter } from './adapters/x';
import { clean, newBudget } from './dom';
import { readMetadata } from './metadata';
import { quickLead } from './quick-lead';
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

/** The page as the background matches it: site adapter, or the generic article reader. */
export function readPage(doc: Document, location: string): PageReading {
  return read(doc, location, false).reading;
}

export interface QuickReading {
  reading: PageReading;
  /**
   * True when the generic reader gave the quick lead (utils/page/quick-lead.ts):
   * enough to rule a page out, not to match it. A site adapter's reading is
   * always the full one.
   */
  quick: boolean;
  /** The full reading (readPage's), reusing the metadata already read. */
  full(): PageReading;
}

/** The first reading of a page: a site adapter's, or the generic reader's quick one. */
export function readPageQuick(doc: Document, location: string): QuickReading {
  return read(doc, location, true);
}

function readGenericQuick({ doc, meta }: AdapterContext): AdapterReading {
  const lead = quickLead(doc, meta, MAX_LEAD_CHARS);
  return { kind: articleKind(lead, meta), lead };
}

function read(doc: Document, location: string, quickly: boolean): QuickReading {
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
    const assemble = (reading: AdapterReading): PageReading => ({
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
    });
    if (found || !quickly) {
      const page = assemble(found ?? readGeneric(ctx));
      return { reading: page, quick: false, full: () => page };
    }
    return {
      reading: assemble(readGenericQuick(ctx)),
      quick: true,
      full: () => {
        try {
          return assemble(readGeneric({ ...ctx, budget: newBudget() }));
        } catch {
          return emptyReading(location);
        }
      },
    };
  } catch {
    const page = emptyReading(location);
    return { reading: page, quick: false, full: () => page };
  }
}
