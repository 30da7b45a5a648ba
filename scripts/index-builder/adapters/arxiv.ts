/**
 * arXiv: the daily-listing JSONL (id, categories, abs, title, summary,
 * listing_date) and the Atom feed of the arXiv API (export.arxiv.org/api/query).
 *
 * One community for the cs.AI, cs.CL and cs.CV listings ("arxiv"): the three
 * lists cross-list heavily (a paper is often in two), and a reader toggles
 * "arXiv" as one voice; the categories stay visible in the paper itself.
 */
import { DOMParser } from 'linkedom';
import { normalizeSpace } from '../text';
import { isoFromDate, type Post } from '../types';

export const ARXIV_COMMUNITY = 'arxiv';
type Json = Record<string, unknown>;

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

export function arxivAbsUrl(id: string): string {
  return `https://arxiv.org/abs/${id}`;
}

/** A listing row. It has no submission time, so postedAt is the listing day at 00:00 UTC. */
export function arxivPostFromListingRow(row: Json, source: string): Post | null {
  const id = str(row.id);
  const title = str(row.title);
  const day = str(row.listing_date);
  if (!id || !title || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  return {
    id: `arxiv:${id}`,
    community: ARXIV_COMMUNITY,
    platform: 'arxiv',
    url: arxivAbsUrl(id),
    title: normalizeSpace(title),
    text: str(row.summary).trim(),
    postedAt: `${day}T00:00:00Z`,
    score: 0,
    comments: 0,
    isComment: false,
    source,
  };
}

export function looksLikeArxivRow(row: Json): boolean {
  return typeof row.abs === 'string' && Array.isArray(row.categories) && 'summary' in row;
}

/** `http://arxiv.org/abs/hep-ex/0307015v1` → `hep-ex/0307015` (the version is dropped). */
function arxivIdFromAbs(absUrl: string): string {
  const m = /arxiv\.org\/abs\/(.+?)(v\d+)?$/i.exec(absUrl.trim());
  return m ? m[1]! : '';
}

export function parseArxivAtom(xml: string, source: string): Post[] {
  const doc = new DOMParser().parseFromString(xml, 'text/xml');
  const out: Post[] = [];
  for (const entry of Array.from(doc.getElementsByTagName('entry'))) {
    const field = (name: string) => entry.getElementsByTagName(name)[0]?.textContent ?? '';
    const id = arxivIdFromAbs(field('id'));
    const postedAt = isoFromDate(field('published').trim());
    const title = normalizeSpace(field('title'));
    if (!id || !postedAt || !title) continue;
    out.push({
      id: `arxiv:${id}`,
      community: ARXIV_COMMUNITY,
      platform: 'arxiv',
      url: arxivAbsUrl(id),
      title,
      text: field('summary').trim(),
      postedAt,
      score: 0,
      comments: 0,
      isComment: false,
      source,
    });
  }
  return out;
}

export function looksLikeArxivAtom(xml: string): boolean {
  return /<feed[\s>]/.test(xml) && /arxiv\.org\/(api|schemas)/.test(xml);
}
