/**
 * The page's main text as the generic reader sees it: the DOM extraction,
 * or the JSON-LD articleBody when the publisher ships a longer one. The
 * full page reader asks for the lead (MAX_LEAD_CHARS); the evaluation asks for
 * the whole text with the same code.
 */
import { newBudget, type Budget } from './dom';
import { extractMainText, type Extraction } from './extract';
import type { PageMetadata } from './metadata';

export function mainText(
  doc: Document,
  meta: Pick<PageMetadata, 'articleBody'>,
  maxChars: number,
  budget: Budget = newBudget(),
): Extraction {
  const ld = meta.articleBody;
  // The DOM can give at most maxChars: a longer articleBody would win anyway,
  // so the page is not walked at all.
  if (ld && ld.length > maxChars * 1.1) return { text: ld.slice(0, maxChars), via: 'jsonld' };
  const dom = extractMainText(doc, { maxChars, budget });
  // The publisher's own statement of the text, when the DOM gave less of it.
  if (ld && ld.length > dom.text.length * 1.1)
    return { text: ld.slice(0, maxChars), via: 'jsonld' };
  return dom;
}
