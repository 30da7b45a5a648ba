/**
 * The labelled set (tests/data/ai-labels.jsonl): our labels for real pages, feed articles and post
 * titles.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Split = 'dev' | 'test';

export interface PageLabel {
  kind: 'page';
  id: string;
  url: string | null;
  title?: string;
  ai: boolean;
  split: Split;
  reason?: string;
}

export interface TitleLabel {
  kind: 'title';
  source: string;
  id: string;
  title: string;
  url: string | null;
  ai: boolean;
  silver?: boolean | null;
  split: Split;
  /**
   * Which draw from the corpus the title came from: absent for the first (2026-11-25, split
   * into dev and test), the date for a later one (dev: its titles were in the pool the lexicon
   * was designed on, so it is not held out, though it was labelled without the classifier's
   * verdicts).
   */
  sample?: string;
  reason?: string;
}

/** An article from one of the corpus's RSS feeds (feed-articles.ts), read as a page. */
export interface ArticleLabel {
  kind: 'article';
  source: 'feed';
  /** `<feed path under the corpus>#<item link>` */
  id: string;
  url: string;
  title: string;
  ai: boolean;
  split: Split;
  reason?: string;
}

export type Label = PageLabel | TitleLabel | ArticleLabel;

export const LABELS_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  '../../tests/data/ai-labels.jsonl',
);

export function loadLabels(path = LABELS_PATH): Label[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Label);
}
