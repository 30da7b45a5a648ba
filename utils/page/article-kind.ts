/** Whether a generic page reads as an article: shared by the quick and the full reading. */
import type { PageMetadata } from './metadata';
import type { PageKind } from './types';

/** Below this much main text, a page without article metadata is not an article. */
const MIN_ARTICLE_CHARS = 400;

/** An article, by its text's length or its declared type; otherwise some other page. */
export function articleKind(lead: string, meta: Pick<PageMetadata, 'ldType'>): PageKind {
  const articleLike =
    lead.length >= MIN_ARTICLE_CHARS || /Article|Posting|Report/.test(meta.ldType ?? '');
  return articleLike ? 'article' : 'other';
}
