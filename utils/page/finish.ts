/**
 * How a reader turns what it read into a reading's strings. Finished: whitespace collapsed and
 * cut at a word boundary (dom.ts clean), addresses resolved to absolute http(s) URLs (httpUrl).
 * Raw: cut by length and trimmed, addresses kept as written when they are relative or http(s).
 *
 * read-quick.js runs on every allowed page, in a fresh isolated world where every line is cold,
 * and cleaning its strings and resolving its addresses were a third of its main-thread time
 * (the regular expressions compiled afresh, the URL interface instantiated on every page). So it
 * reads raw, and the background, whose code is warm, finishes the reading it hands over
 * (finishReading). A finished reading finishes to itself, so every reading goes through the same
 * step whichever script made it.
 */
import { clean, httpUrl } from './dom';
import { MAX_BODY_CHARS, type PageMetadata } from './metadata';
import {
  MAX_DESCRIPTION_CHARS,
  MAX_LEAD_CHARS,
  MAX_TITLE_CHARS,
  MAX_URL_CHARS,
  RAW_TEXT_FACTOR,
  type PageReading,
} from './types';

export interface TextFinish {
  /** A text of at most max characters once finished. */
  text(text: string | null | undefined, max: number): string;
  /** An address from the page, relative to base, or null when it cannot be an http(s) one. */
  url(href: string | null | undefined, base: string): string | null;
}

export const FINISHED: TextFinish = { text: clean, url: httpUrl };

/** Relative (no scheme) or http(s): what httpUrl may accept; any other scheme it refuses. */
const MAY_BE_HTTP = /^\s*(?:https?:|[^\s:/?#]*(?:[/?#]|$))/i;

export const RAW: TextFinish = {
  // Enough raw characters that the finished text is as long as it can be: only a text more than
  // seven-eighths whitespace finishes shorter than from the whole of it. trim() keeps a
  // whitespace-only value empty, so a reader still falls back past it (og:title → <title>).
  text: (text, max) => (text && max > 0 ? text.slice(0, max * RAW_TEXT_FACTOR).trim() : ''),
  url: (href) =>
    href && href.length <= MAX_URL_CHARS && MAY_BE_HTTP.test(href) ? href.trim() : null,
};

/** A reading's strings finished: what the background keeps of any reader's report. */
export function finishReading(reading: PageReading): PageReading {
  return {
    ...reading,
    canonicalUrl: httpUrl(reading.canonicalUrl, reading.url),
    title: clean(reading.title, MAX_TITLE_CHARS),
    description: clean(reading.description, MAX_DESCRIPTION_CHARS),
    lead: clean(reading.lead, MAX_LEAD_CHARS),
    lang: clean(reading.lang, 20).toLowerCase() || null,
    siteName: clean(reading.siteName, 200) || null,
    publishedAt: clean(reading.publishedAt, 64) || null,
  };
}

/** Metadata read raw (finish.ts RAW), finished as readMetadata with FINISHED would have read it. */
export function finishMetadata(meta: PageMetadata, location: string): PageMetadata {
  return {
    ...meta,
    title: clean(meta.title, MAX_TITLE_CHARS),
    declaredTitle: clean(meta.declaredTitle, MAX_TITLE_CHARS) || null,
    description: clean(meta.description, MAX_DESCRIPTION_CHARS),
    canonicalUrl: httpUrl(meta.canonicalUrl, location),
    lang: clean(meta.lang, 20) || null,
    siteName: clean(meta.siteName, 200) || null,
    publishedAt: clean(meta.publishedAt, 64) || null,
    articleBody: meta.articleBody === null ? null : clean(meta.articleBody, MAX_BODY_CHARS),
  };
}
