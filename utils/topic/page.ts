/**
 * Classify a page reading: the title counts most, the description and lead by
 * density, and the words of the page's address and of the link it discusses
 * (a subreddit, an article slug, a lab's domain): a name there nearly as much as
 * in the title, any other word a little (classify.ts urlStrongScale).
 */
import type { PageReading } from '../page/types';
import { classifyText, type Classification } from './classify';

/** The description is often the lead's first sentence: counting it twice would double its words. */
function repeats(description: string, lead: string): boolean {
  if (!description) return true;
  const head = description.slice(0, 80);
  return lead.slice(0, 2000).includes(head);
}

export function classifyPage(page: PageReading): Classification {
  return classifyText({
    title: page.title,
    text: repeats(page.description, page.lead) ? page.lead : `${page.description}\n${page.lead}`,
    lang: page.lang,
    url: page.url,
    moreUrls: [page.discussedUrl, page.canonicalUrl !== page.url ? page.canonicalUrl : null],
  });
}
