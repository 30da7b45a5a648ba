/**
 * What a page says about itself: JSON-LD, OpenGraph and Twitter cards,
 * <meta>, <link rel=canonical>, <html lang>. Cheap (a few selector lookups)
 * and bounded (JSON-LD blocks are size-capped before parsing).
 */
import { metaTags, pick } from './dom';
import type { TextFinish } from './finish';
import { MAX_DESCRIPTION_CHARS, MAX_TITLE_CHARS } from './types';

export interface PageMetadata {
  title: string;
  /** og:title or JSON-LD headline, without the site-name suffix a <title> often carries. */
  declaredTitle: string | null;
  description: string;
  canonicalUrl: string | null;
  lang: string | null;
  siteName: string | null;
  publishedAt: string | null;
  /** JSON-LD articleBody, when the page ships one (capped). */
  articleBody: string | null;
  /** JSON-LD @type of the main item (NewsArticle, BlogPosting, …). */
  ldType: string | null;
}

const MAX_LD_BLOCKS = 8;
const MAX_LD_CHARS = 300_000;
export const MAX_BODY_CHARS = 60_000;

const ARTICLE_TYPES =
  /^(?:Article|NewsArticle|BlogPosting|Report|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|TechArticle|ScholarlyArticle|LiveBlogPosting|SocialMediaPosting|DiscussionForumPosting|WebPage|Posting|BackgroundNewsArticle)$/;

type Json = Record<string, unknown>;

function asString(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (Array.isArray(v) && typeof v[0] === 'string') return v[0];
  if (v && typeof v === 'object' && typeof (v as Json).name === 'string')
    return (v as Json).name as string;
  return null;
}

function typesOf(item: Json): string[] {
  const t = item['@type'];
  return Array.isArray(t)
    ? t.filter((x): x is string => typeof x === 'string')
    : typeof t === 'string'
      ? [t]
      : [];
}

/** Article-like objects inside the page's JSON-LD, best first. */
export function readJsonLd(doc: Document): Json[] {
  const found: Json[] = [];
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length && i < MAX_LD_BLOCKS; i++) {
    const raw = scripts[i]?.textContent ?? '';
    if (!raw || raw.length > MAX_LD_CHARS) continue;
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      continue;
    }
    const queue: unknown[] = [data];
    // A flat, bounded scan of the top levels (@graph, arrays, mainEntity).
    for (let n = 0; queue.length && n < 50; n++) {
      const item = queue.shift();
      if (Array.isArray(item)) {
        queue.push(...item.slice(0, 20));
        continue;
      }
      if (!item || typeof item !== 'object') continue;
      const obj = item as Json;
      if (Array.isArray(obj['@graph'])) queue.push(...(obj['@graph'] as unknown[]).slice(0, 20));
      if (obj.mainEntity && typeof obj.mainEntity === 'object') queue.push(obj.mainEntity);
      if (typesOf(obj).some((t) => ARTICLE_TYPES.test(t))) found.push(obj);
    }
  }
  // Prefer real articles over the generic WebPage wrapper.
  return found.sort(
    (a, b) =>
      Number(typesOf(a).includes('WebPage')) - Number(typesOf(b).includes('WebPage')) ||
      Number(Boolean(b.articleBody)) - Number(Boolean(a.articleBody)),
  );
}

// The <meta> keys each field is read from, in order of preference.
const TITLE_KEYS = ['og:title', 'twitter:title'];
const DESCRIPTION_KEYS = ['og:description', 'description', 'twitter:description'];
const URL_KEYS = ['og:url'];
const LOCALE_KEYS = ['og:locale'];
const SITE_NAME_KEYS = ['og:site_name', 'application-name'];
const PUBLISHED_KEYS = ['article:published_time', 'og:published_time', 'datePublished', 'date'];
/** Every key read, lower-cased as metaTags keys the tags. */
const META_KEYS: ReadonlySet<string> = new Set(
  [
    ...TITLE_KEYS,
    ...DESCRIPTION_KEYS,
    ...URL_KEYS,
    ...LOCALE_KEYS,
    ...SITE_NAME_KEYS,
    ...PUBLISHED_KEYS,
  ].map((key) => key.toLowerCase()),
);

/**
 * The page's metadata, its strings as `finish` makes them: finished, or raw for the background
 * to finish (finish.ts; finishMetadata finishes a raw one).
 */
export function readMetadata(doc: Document, location: string, finish: TextFinish): PageMetadata {
  const clean = finish.text;
  const httpUrl = finish.url;
  const ld = readJsonLd(doc);
  const tags = metaTags(doc, META_KEYS);
  const main = ld[0] ?? null;
  const ldTitle = main ? (asString(main.headline) ?? asString(main.name)) : null;
  const ogTitle = pick(tags, TITLE_KEYS);
  // Not doc.title: some DOM implementations create a missing <head> on access.
  const docTitle = doc.querySelector('title')?.textContent ?? '';
  const h1 = doc.querySelector('h1')?.textContent ?? '';
  const declaredTitle = clean(ogTitle ?? ldTitle, MAX_TITLE_CHARS) || null;
  const title = declaredTitle || clean(docTitle, MAX_TITLE_CHARS) || clean(h1, MAX_TITLE_CHARS);

  const description = clean(
    pick(tags, DESCRIPTION_KEYS) ?? (main ? asString(main.description) : null),
    MAX_DESCRIPTION_CHARS,
  );

  const canonicalHref = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const canonicalUrl =
    httpUrl(canonicalHref, location) ?? httpUrl(pick(tags, URL_KEYS), location) ?? null;

  const htmlLang = doc.documentElement?.getAttribute('lang');
  const lang =
    clean(htmlLang, 20).toLowerCase() ||
    clean(pick(tags, LOCALE_KEYS), 20).toLowerCase().replace('_', '-') ||
    clean(main ? asString(main.inLanguage) : null, 20).toLowerCase() ||
    null;

  const siteName =
    clean(pick(tags, SITE_NAME_KEYS) ?? (main ? asString(main.publisher) : null), 200) || null;

  const publishedAt =
    clean(
      pick(tags, PUBLISHED_KEYS) ??
        (main ? asString(main.datePublished) : null) ??
        doc.querySelector('time[datetime]')?.getAttribute('datetime'),
      64,
    ) || null;

  const body = main ? asString(main.articleBody) : null;
  return {
    title,
    declaredTitle,
    description,
    canonicalUrl,
    lang,
    siteName,
    publishedAt,
    articleBody: body ? clean(body, MAX_BODY_CHARS) : null,
    ldType: main ? (typesOf(main)[0] ?? null) : null,
  };
}
