/**
 * Any article page: metadata first (JSON-LD, OpenGraph, <meta>), then the
 * first paragraphs of the main text (utils/page/extract.ts). Always answers.
 */
import { mainText } from '../main-text';
import { MAX_LEAD_CHARS } from '../types';
import type { AdapterContext, AdapterReading, SiteAdapter } from './types';

/** Below this much main text, a page without article metadata is not an article. */
const MIN_ARTICLE_CHARS = 400;

export function readGeneric({ doc, meta, budget }: AdapterContext): AdapterReading {
  const lead = mainText(doc, meta, MAX_LEAD_CHARS, budget).text;
  const articleLike =
    lead.length >= MIN_ARTICLE_CHARS || /Article|Posting|Report/.test(meta.ldType ?? '');
  return { kind: articleLike ? 'article' : 'other', lead };
}

export const genericAdapter: SiteAdapter = {
  name: 'article',
  matches: () => true,
  read: readGeneric,
};
