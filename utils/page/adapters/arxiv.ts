/** arXiv abstract pages: title, abstract and subject classes (cs.AI, cs.CL, …). */
import { clean, textOf } from '../dom';
import { MAX_DESCRIPTION_CHARS, MAX_LEAD_CHARS, MAX_TITLE_CHARS } from '../types';
import type { AdapterContext, AdapterReading, SiteAdapter } from './types';
import { isArxivAbstractAddress } from './addresses';

const ABS_PATH = /^\/abs\/([a-z-]+\/\d{7}|\d{4}\.\d{4,5})(?:v\d+)?\/?$/i;

function strip(label: string, text: string): string {
  return text.replace(new RegExp(`^\\s*${label}:?\\s*`, 'i'), '');
}

function read({ doc, url, budget, meta }: AdapterContext): AdapterReading | null {
  const id = ABS_PATH.exec(url.pathname)?.[1];
  if (!id) return null;
  const title =
    clean(
      strip('Title', textOf(doc.querySelector('h1.title'), MAX_TITLE_CHARS + 10, budget)),
      MAX_TITLE_CHARS,
    ) ||
    clean(
      doc.querySelector('meta[name="citation_title"]')?.getAttribute('content'),
      MAX_TITLE_CHARS,
    ) ||
    meta.title;
  const abstract =
    strip('Abstract', textOf(doc.querySelector('blockquote.abstract'), MAX_LEAD_CHARS, budget)) ||
    clean(
      doc.querySelector('meta[name="citation_abstract"]')?.getAttribute('content'),
      MAX_LEAD_CHARS,
    ) ||
    meta.description;
  // "Computation and Language (cs.CL); Machine Learning (cs.LG)": the subject
  // names are strong evidence for the topic classifier.
  const subjects = textOf(doc.querySelector('td.subjects, .tablecell.subjects'), 300, budget);
  return {
    kind: 'arxiv',
    title,
    description: clean(subjects ? `${subjects}. ${abstract}` : abstract, MAX_DESCRIPTION_CHARS),
    lead: clean(abstract, MAX_LEAD_CHARS),
    discussedUrl: null,
    canonicalUrl: `https://arxiv.org/abs/${id}`,
    siteName: 'arXiv',
  };
}

export const arxivAdapter: SiteAdapter = {
  name: 'arxiv',
  matches: isArxivAbstractAddress,
  read,
};
