/**
 * The saved pages the e2e tests browse, each at its original URL (provenance in
 * tests/fixtures/e2e-pages/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { LocalWeb } from './server';

const pagesDir = fileURLToPath(new URL('../fixtures/e2e-pages/', import.meta.url));

export interface FixturePage {
  url: string;
  file: string;
}

/** AI article (GPT-5, in French) that matches a story by its text. */
export const NUMERAMA_GPT5: FixturePage = {
  url: 'https://www.numerama.com/tech/2050917-sam-altman-annonce-deja-des-changements-pour-chatgpt-5-apres-2-jours-dexistence.html',
  file: 'numerama-chatgpt-5.html.gz',
};

/** AI article that a Hacker News story links to: matched by URL. */
export const LILIANWENG_THINKING: FixturePage = {
  url: 'https://lilianweng.github.io/posts/2025-05-01-thinking/',
  file: 'lilianweng-thinking.html.gz',
};

/** A page on a default site that is not about AI. */
export const THEVERGE_TRIFOLD: FixturePage = {
  url: 'https://www.theverge.com/tech/895879/samsung-galaxy-z-trifold-discontinued-stock-sold-out',
  file: 'theverge-trifold.html.gz',
};

/**
 * The same Verge page on a host where the content script never runs: what the page looks like
 * without Crosstalk, in the same browser, to compare against.
 */
export const THEVERGE_TRIFOLD_CONTROL: FixturePage = {
  url: 'https://control.crosstalk-e2e.invalid/theverge-trifold/',
  file: THEVERGE_TRIFOLD.file,
};

export const ALL_PAGES = [
  NUMERAMA_GPT5,
  LILIANWENG_THINKING,
  THEVERGE_TRIFOLD,
  THEVERGE_TRIFOLD_CONTROL,
];

export function servePages(web: LocalWeb, pages: readonly FixturePage[] = ALL_PAGES): void {
  for (const page of pages) {
    web.serve(page.url, {
      body: readFileSync(pagesDir + page.file),
      gzipped: true,
      contentType: 'text/html; charset=utf-8',
    });
  }
}
