/**
 * The real saved pages the browser benchmarks load: the pages of the project's labelled set
 * (tests/data/ai-labels.jsonl, kind "page": hand labels kept by the page/topic engineer), read
 * from the shared corpus, never copied into the project. An even spread over each label, in a
 * fixed order, so two runs load the same pages.
 *
 * Where each page is served: at its original URL when that URL is on a default site (the content
 * script runs there as in real browsing), else at https://www.theverge.com/bench/<n>/ (a default
 * site, so the content script runs; the page keeps its own HTML, title and canonical link).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDefaultSite } from '../utils/sites';

export interface BenchPage {
  /** Path inside the corpus, e.g. pages/fundus-test-pages/…/X.html.gz */
  id: string;
  ai: boolean;
  /** Where it is served in the benchmark browser. */
  url: string;
  /** Whether url is the page's original URL (else a www.theverge.com/bench/ stand-in). */
  original: boolean;
  file: string;
  gzipped: boolean;
}

interface LabelLine {
  kind: string;
  id: string;
  url?: string | null;
  ai: boolean;
}

export const LABELS_PATH = 'tests/data/ai-labels.jsonl';

export function readPageLabels(path = LABELS_PATH): LabelLine[] {
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelLine)
    .filter((l) => l.kind === 'page' && typeof l.id === 'string' && typeof l.ai === 'boolean');
}

function spread<T>(items: readonly T[], count: number): T[] {
  if (count >= items.length) return [...items];
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * items.length) / count)]!);
}

function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

export function selectPages(corpus: string, perLabel: { ai: number; other: number }): BenchPage[] {
  const labels = readPageLabels()
    .filter((l) => existsSync(join(corpus, l.id)))
    .sort((a, b) => a.id.localeCompare(b.id));
  const chosen = [
    ...spread(
      labels.filter((l) => l.ai),
      perLabel.ai,
    ),
    ...spread(
      labels.filter((l) => !l.ai),
      perLabel.other,
    ),
  ];
  const usedUrls = new Set<string>();
  return chosen.map((label, n) => {
    const host = hostOf(label.url);
    const originalUrl = label.url && host && isDefaultSite(host) ? label.url.split('#')[0]! : null;
    // Two labelled files can share a URL; the second gets a stand-in so neither shadows the other.
    const keep = originalUrl !== null && !usedUrls.has(new URL(originalUrl).pathname + host);
    if (keep) usedUrls.add(new URL(originalUrl).pathname + host);
    return {
      id: label.id,
      ai: label.ai,
      url: keep ? originalUrl : `https://www.theverge.com/bench/${n}/`,
      original: keep,
      file: join(corpus, label.id),
      gzipped: label.id.endsWith('.gz'),
    };
  });
}
