/**
 * The steps every reading ends with, shared by the reader scripts: what was read before any
 * generic reading (the metadata, a site adapter's findings), and the reading assembled from it,
 * capped. Holds no reading code itself, so read-full.js, which takes the metadata read-quick.js
 * read (reading-handoff.ts), carries none of the metadata reader.
 */
import type { AdapterContext, AdapterReading } from './adapters/types';
import {
  MAX_DESCRIPTION_CHARS,
  MAX_LEAD_CHARS,
  MAX_TITLE_CHARS,
  MAX_URL_CHARS,
  type PageReading,
} from './types';

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

/** An adapter's (or the generic reader's) findings, completed from the metadata and capped. */
export function assembleReading(ctx: AdapterContext, reading: AdapterReading): PageReading {
  const { meta, location } = ctx;
  const clean = ctx.finish.text;
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
