/**
 * Any article page: metadata first (JSON-LD, OpenGraph, <meta>), then the
 * first paragraphs of the main text (utils/page/extract.ts). Always answers.
 */
import { mainText } from '../main-text';
import type { PageMetadata } from '../metadata';
import { MAX_LEAD_CHARS, type PageKind } from '../types';
import type { AdapterContext, AdapterReading, SiteAdapter } from './types';

/** Below this much main text, a page without article metadata is not an article. */
const MIN_ARTICLE_CHARS = 400;

/** An article, by its text's length or its declared type; otherwise some other page. */
export function articleKind(lead: string, meta: Pick<PageMetadata, 'ldType'>): PageKind {
  const articleLike =
    lead.length >= MIN_ARTICLE_CHARS || /Article|Posting|Report/.test(meta.ldType ?? '');
  return articleLike ? 'article' : 'other';
}

export function readGeneric({ doc, meta, budget }: AdapterContext): AdapterReading {
  const lead = mainText(doc, meta, MAX_LEAD_CHARS, budget).text;
  return { kind: articleKind(lead, meta), lead };
}

export const genericAdapter: SiteAdapter = {
  name: 'article',
  matches: () => true,
  read: readGeneric,
};
