/**
 * Real articles from the corpus's RSS feeds (`discourse/rss-feeds-ai/`), as page readings: the
 * item's title, its description, and the first characters of its full text (content:encoded)
 * as the lead, the way a page reading carries an article. The labelled ones (`kind: "article"`
 * in tests/data/ai-labels.jsonl) enlarge the page set, which has few AI pages, with more AI
 * articles and with long articles that mention AI in passing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DOMParser } from 'linkedom';
import { MAX_DESCRIPTION_CHARS, MAX_LEAD_CHARS, type PageReading } from '../../utils/page/types';
import { htmlToText, normalizeSpace } from '../index-builder/text';

type El = {
  getElementsByTagName(n: string): ArrayLike<El>;
  textContent: string | null;
};

const textOf = (el: El, name: string): string =>
  el.getElementsByTagName(name)[0]?.textContent ?? '';
const plain = (html: string): string => normalizeSpace(htmlToText(html));

/** A feed file's items as page readings, by label id (`<feed path>#<item link>`). */
export function readFeedArticles(corpus: string, feedPath: string): Map<string, PageReading> {
  const raw = readFileSync(join(corpus, feedPath));
  const xml = (feedPath.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8');
  const doc = new DOMParser().parseFromString(xml, 'text/xml') as unknown as El;
  const lang = textOf(doc, 'language').trim().toLowerCase() || null;
  const out = new Map<string, PageReading>();
  for (const item of Array.from(doc.getElementsByTagName('item'))) {
    const url = textOf(item, 'link').trim();
    out.set(`${feedPath}#${url}`, {
      kind: 'article',
      url,
      canonicalUrl: null,
      discussedUrl: null,
      title: plain(textOf(item, 'title')),
      description: plain(textOf(item, 'description')).slice(0, MAX_DESCRIPTION_CHARS),
      lead: plain(textOf(item, 'content:encoded')).slice(0, MAX_LEAD_CHARS),
      lang,
      siteName: null,
      publishedAt: null,
    });
  }
  return out;
}

/** The feed file a label id points into. */
export const feedPathOf = (id: string): string => id.slice(0, id.indexOf('#'));
