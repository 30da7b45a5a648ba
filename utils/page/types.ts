/** What the page readers read from a page: plain data, capped in size. */
export type PageKind =
  'article' | 'hn' | 'reddit' | 'arxiv' | 'bluesky' | 'mastodon' | 'x' | 'lobsters' | 'other';

export interface PageReading {
  kind: PageKind;
  /** location.href at the time of reading. */
  url: string;
  /** <link rel=canonical> or og:url, when the page declares one. */
  canonicalUrl: string | null;
  /** For a forum thread: the link being discussed (an HN item's article). */
  discussedUrl: string | null;
  title: string;
  description: string;
  /** The first paragraphs of the main text, capped (see MAX_LEAD_CHARS). */
  lead: string;
  /** <html lang> or og:locale, lower-cased, when declared. */
  lang: string | null;
  siteName: string | null;
  publishedAt: string | null;
}

export const MAX_TITLE_CHARS = 400;
export const MAX_DESCRIPTION_CHARS = 1000;
export const MAX_LEAD_CHARS = 4000;
/** Longest URL a reading carries (the background's gate refuses longer ones). */
export const MAX_URL_CHARS = 2048;
/**
 * A raw reading's texts (utils/page/finish.ts) hold at most this many times their finished
 * length: the background finishes them, and refuses longer ones.
 */
export const RAW_TEXT_FACTOR = 8;

/**
 * What a reader script (read-quick.js, read-full.js) hands the background as
 * its result: the page's reading, and whether the sidebar's UI already runs in
 * the page (a route change on a single-page site). The page can shape it, so
 * the background checks it like any message (utils/messaging-guard.ts).
 */
export interface PageReport {
  reading: PageReading;
  /** True for the generic reader's quick lead, which can rule a page out but not match it. */
  quick: boolean;
  uiLoaded: boolean;
}
