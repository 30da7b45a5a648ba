/**
 * The first reading of a page, the one every allowed page pays for (the
 * background injects read-quick.js, built from this, when a page has loaded):
 * the metadata and the quick lead of utils/page/quick-lead.ts. It imports
 * neither the full article extractor nor the site adapters (read-site.ts has
 * those, for the pages they read), so that code is neither shipped nor
 * compiled on most pages; the steps every reading shares live here too.
 * Read-only, bounded and total: it never writes to the page and never throws.
 */
import { articleKind } from './article-kind';
import type { AdapterContext, AdapterReading, SiteAdapter } from './adapters/types';
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

export interface QuickReading {
  reading: PageReading;
  /**
   * True when the generic reader gave the quick lead: enough to rule a page
   * out, not to match it (utils/background/reading-gate.ts). A site adapter's
   * reading is always the full one.
   */
  quick: boolean;
}

/** The metadata and what a site adapter made of the page, before any generic reading. */
export interface ReadingStart {
  ctx: AdapterContext;
  /** The first site adapter's reading, or null when none applies. */
  found: AdapterReading | null;
}

export function emptyReading(location: string): PageReading {
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

/** Reads the metadata and asks each of `adapters` in turn; may throw on a broken page. */
export function startReading(
  doc: Document,
  location: string,
  adapters: readonly SiteAdapter[] = [],
): ReadingStart {
  const url = parseUrl(location) ?? new URL('about:blank');
  const meta = readMetadata(doc, location);
  const ctx: AdapterContext = { doc, url, location, meta, budget: newBudget() };
  for (const adapter of adapters) {
    try {
      const found = adapter.matches(url, doc) ? adapter.read(ctx) : null;
      if (found) return { ctx, found };
    } catch {
      // A broken adapter must not break the page: fall through to the next.
    }
  }
  return { ctx, found: null };
}

/** An adapter's (or the generic reader's) findings, completed from the metadata and capped. */
export function assembleReading(ctx: AdapterContext, reading: AdapterReading): PageReading {
  const { meta, location } = ctx;
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
}

/** The quick lead of a page no site adapter reads. */
export function readGenericQuick({ doc, meta }: AdapterContext): AdapterReading {
  const lead = quickLead(doc, meta, MAX_LEAD_CHARS);
  return { kind: articleKind(lead, meta), lead };
}

/**
 * The first reading of a page: the reading of the first of `adapters` that reads it (none by
 * default: read-site.ts passes the site adapters), else the generic reader's quick one.
 */
export function readPageQuickly(
  doc: Document,
  location: string,
  adapters: readonly SiteAdapter[] = [],
): QuickReading {
  try {
    const { ctx, found } = startReading(doc, location, adapters);
    if (found) return { reading: assembleReading(ctx, found), quick: false };
    return { reading: assembleReading(ctx, readGenericQuick(ctx)), quick: true };
  } catch {
    return { reading: emptyReading(location), quick: false };
  }
}
