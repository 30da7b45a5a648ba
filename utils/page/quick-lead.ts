/**
 * A first, cheap lead for the generic article reader: the JSON-LD articleBody
 * when the publisher ships one, else the text of the paragraphs of the most
 * likely container, read with native calls only (no boilerplate scoring, no
 * walk). It is not the reading the matcher uses: the background only asks
 * whether it shows any sign of AI at all, and wants the full reading when it
 * does (utils/background/reading-gate.ts). Most pages a person reads show
 * none, and pay this instead of the full extraction.
 */
import { newBudget, rawTextOf } from './dom';
import type { TextFinish } from './finish';
import type { PageMetadata } from './metadata';

/** Below this, the paragraphs say too little and the container's whole text is read. */
const MIN_PARAGRAPH_CHARS = 200;
/** Paragraph characters gathered before cleaning (cleaning only shortens). */
const GATHER_CHARS_FACTOR = 1.5;
/** Paragraphs looked at, so a page of 100,000 tiny <p>s stays cheap. */
const MAX_PARAGRAPHS = 400;

/**
 * The element whose paragraphs are the article: one that says so
 * (itemprop=articleBody), the page's only <article> (a page of several is a
 * listing, or an article among teasers), <main>, or the whole body.
 */
function container(doc: Document): Element | null {
  const declared = doc.querySelector('[itemprop="articleBody"]');
  if (declared) return declared;
  const articles = doc.querySelectorAll('article');
  if (articles.length === 1) return articles[0]!;
  // querySelector, not doc.body: some DOM implementations create a missing body on access.
  return doc.querySelector('main') ?? doc.querySelector('body');
}

export function quickLead(
  doc: Document,
  meta: Pick<PageMetadata, 'articleBody'>,
  maxChars: number,
  finish: TextFinish,
): string {
  const ld = meta.articleBody;
  if (ld && ld.length >= maxChars) return finish.text(ld, maxChars);
  const root = container(doc);
  if (!root) return finish.text(ld, maxChars);
  const paragraphs = root.querySelectorAll('p');
  const want = maxChars * GATHER_CHARS_FACTOR;
  let text = ld ? `${ld} ` : '';
  for (let i = 0; i < paragraphs.length && i < MAX_PARAGRAPHS && text.length < want; i++) {
    text += `${paragraphs[i]!.textContent ?? ''} `;
  }
  // A page without paragraphs (text in divs): its visible text, read with the
  // same bounded walk as the full reader (textContent of a 20 MB body would be
  // a 20 MB string).
  if (text.length < MIN_PARAGRAPH_CHARS) text += rawTextOf(root, want, newBudget());
  return finish.text(text, maxChars);
}
