/**
 * A site adapter reads one kind of page (a Hacker News item, a Reddit thread,
 * an arXiv abstract…). The manager (utils/page/read.ts) asks each registered
 * adapter in turn; the first that matches the URL and returns a reading wins,
 * and the generic article reader fills in whatever it left out.
 */
import type { Budget } from '../dom';
import type { TextFinish } from '../finish';
import type { PageMetadata } from '../metadata';
import type { PageKind } from '../types';

export interface AdapterContext {
  doc: Document;
  url: URL;
  /** location.href as given. */
  location: string;
  meta: PageMetadata;
  /** Shared allowance of DOM nodes for this reading. */
  budget: Budget;
  /** How the reading's strings are made (finish.ts): raw in read-quick.js, else finished. */
  finish: TextFinish;
}

/** What an adapter found; anything left undefined comes from the generic reader. */
export interface AdapterReading {
  kind: PageKind;
  title?: string;
  description?: string;
  lead?: string;
  discussedUrl?: string | null;
  canonicalUrl?: string | null;
  siteName?: string | null;
  publishedAt?: string | null;
}

export interface SiteAdapter {
  /** Short name, for tests and debugging. */
  name: string;
  /** Cheap test on the URL alone (and, for self-hosted sites, a tag or two). */
  matches(url: URL, doc: Document): boolean;
  /** The reading, or null to let the next adapter (finally the generic one) try. */
  read(ctx: AdapterContext): AdapterReading | null;
}
