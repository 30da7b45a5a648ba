/**
 * Any article page: metadata first (JSON-LD, OpenGraph, <meta>), then the
 * first paragraphs of the main text (utils/page/extract.ts). Always answers.
 */
import { articleKind } from '../article-kind';
import { mainText } from '../main-text';
import { MAX_LEAD_CHARS } from '../types';
import type { AdapterContext, AdapterReading, SiteAdapter } from './types';

export function readGeneric({ doc, meta, budget }: AdapterContext): AdapterReading {
  const lead = mainText(doc, meta, MAX_LEAD_CHARS, budget).text;
  return { kind: articleKind(lead, meta), lead };
}

export const genericAdapter: SiteAdapter = {
  name: 'article',
  matches: () => true,
  read: readGeneric,
};
