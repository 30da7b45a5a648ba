/**
 * The first reading of a page that a site adapter may read (read-site.js: a
 * Hacker News, Reddit, arXiv, Bluesky, Mastodon, X or Lobsters address, as
 * adapters/addresses.ts tells them): the adapter's reading, which is the full
 * one, or the generic quick reading when no adapter reads the page after all
 * (a Reddit listing, a Mastodon path on another kind of site). Read raw, like read-quick.js: the
 * background finishes every reading (finish.ts).
 */
import type { ReadingStart } from './assemble';
import { RAW } from './finish';
import { readPageQuickly, type QuickReading } from './read-quick';
import { siteAdapters } from './site-adapters';

export function readSitePageQuickly(
  doc: Document,
  location: string,
  keep?: (start: ReadingStart) => void,
): QuickReading {
  return readPageQuickly(doc, location, siteAdapters(), RAW, keep);
}
