/**
 * The saved pages the e2e tests browse, each at its original URL (provenance in
 * tests/fixtures/e2e-pages/SOURCES.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'node:zlib';
import { parseHTML } from 'linkedom';
import type { StoryIndex } from '../../utils/index/schema';
import { clone, makeIndex, makeStory } from '../unit/index-fixtures';
import type { IndexStatus } from '../../utils/messaging';
import type { TestPage } from './browsers';
import { askBackgroundFrom } from './probes';
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

/** The GPT-5 article where Crosstalk does not run: shows the fingerprint notices a mount. */
export const NUMERAMA_GPT5_CONTROL: FixturePage = {
  url: 'https://control.crosstalk-e2e.invalid/numerama-chatgpt-5/',
  file: NUMERAMA_GPT5.file,
};

export const ALL_PAGES = [
  NUMERAMA_GPT5,
  LILIANWENG_THINKING,
  THEVERGE_TRIFOLD,
  THEVERGE_TRIFOLD_CONTROL,
  NUMERAMA_GPT5_CONTROL,
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

// ---------------------------------------------------------------- hostile pages (issue 10)

const hostileDir = fileURLToPath(new URL('../fixtures/hostile/', import.meta.url));

/** The hostile pages, each on a default site so the content script runs there. */
export const HOSTILE_BASE = 'https://www.theverge.com/hostile/';
export const HOSTILE_PAGES = [
  'plain',
  'custom-element',
  'restyle',
  'remove',
  'postmessage-flood',
  'builtins',
  'strict-csp',
  'huge',
  'pushstate',
] as const;
export type HostilePage = (typeof HOSTILE_PAGES)[number];
export const hostileUrl = (name: HostilePage) => `${HOSTILE_BASE}${name}`;
/** Where the pushState page comes to rest after its storm. */
export const PUSHSTATE_FINAL = `${hostileUrl('pushstate')}/r/final`;

export const STRICT_CSP = "default-src 'none'; style-src 'none'; script-src 'none'";

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface ArticleText {
  title: string;
  paragraphs: string[];
}

/**
 * The title and body paragraphs of the real saved AI article (Numerama, GPT-5), taken from the
 * fixture at serve time: the hostile pages carry real article text, not made-up text.
 */
export function realArticleText(page: FixturePage = NUMERAMA_GPT5): ArticleText {
  const html = gunzipSync(readFileSync(pagesDir + page.file)).toString('utf8');
  const { document } = parseHTML(html);
  const title = document.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const paragraphs = Array.from(document.querySelectorAll('article p'))
    .map((p) => (p.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((text) => text.length > 80)
    .slice(0, 12);
  if (!title || paragraphs.length < 3) throw new Error(`No article text in ${page.file}`);
  return { title, paragraphs };
}

/** About 20 MB of real paragraphs in nested comment-like blocks, for the huge page. */
function filler(article: ArticleText, bytes: number): string {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const text = escapeHtml(article.paragraphs[i % article.paragraphs.length]!);
    const block = `<div class="c" data-i="${i}"><div><span>#${i}</span><p>${text}</p></div></div>\n`;
    parts.push(block);
    size += Buffer.byteLength(block);
  }
  return parts.join('');
}

export function renderHostilePage(name: HostilePage, article: ArticleText): string {
  const template = readFileSync(`${hostileDir}${name}.html`, 'utf8');
  const body = article.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return template
    .replaceAll('{{TITLE}}', escapeHtml(article.title))
    .replace('{{ARTICLE}}', body)
    .replace('{{FILLER}}', name === 'huge' ? filler(article, 20 * 1024 * 1024) : '');
}

export function serveHostilePages(web: LocalWeb, article = realArticleText()): void {
  for (const name of HOSTILE_PAGES) {
    const html = renderHostilePage(name, article);
    const resource = {
      body: name === 'huge' ? gzipSync(html) : html,
      gzipped: name === 'huge',
      contentType: 'text/html; charset=utf-8',
      headers: name === 'strict-csp' ? { 'content-security-policy': STRICT_CSP } : undefined,
    };
    web.serve(hostileUrl(name), resource);
    if (name === 'pushstate') web.serve(PUSHSTATE_FINAL, resource);
  }
}

// ---------------------------------------------------------------- a story index for them

/** Served on a default site, so the extension may fetch it without any extra permission. */
export const HOSTILE_INDEX_URL = `${HOSTILE_BASE}story-index.json`;

/** The story every hostile page is linked from (wording made up for the tests, not real data). */
export const HOSTILE_STORY_TITLE = 'Test story: ChatGPT-5 changes two days after launch';
/** A story no page matches: nothing of it may ever reach a page. */
export const CANARY_TEXT = 'Canary ZQXJ7 never shown';

export function hostileIndex(generatedAt = '2025-08-12T00:00:00Z'): StoryIndex {
  const base = makeIndex(3, 'filler', generatedAt);
  const story = makeStory('hostile-gpt5', 1);
  story.title = HOSTILE_STORY_TITLE;
  story.urls = [...HOSTILE_PAGES.map(hostileUrl), PUSHSTATE_FINAL];
  story.reactions = [0, 1, 2].map((i) => {
    const reaction = clone(makeStory('r', i).reactions[0]!);
    reaction.community = base.communities[i]!.id;
    return reaction;
  });
  const canary = makeStory('canary', 9);
  canary.title = CANARY_TEXT;
  canary.summary = `${CANARY_TEXT} summary`;
  canary.reactions[0]!.quotes[0]!.text = `${CANARY_TEXT} quote`;
  base.stories.push(story, canary);
  return base;
}

/** Serves a story index (any JSON value, valid or not) at HOSTILE_INDEX_URL. */
export function serveIndex(web: LocalWeb, doc: unknown): void {
  web.serve(HOSTILE_INDEX_URL, {
    body: JSON.stringify(doc),
    contentType: 'application/json',
    headers: { 'access-control-allow-origin': '*' },
  });
}

/**
 * Points the extension at `url` as its index source (the options page's own storage write) and
 * waits until the background has synced it: `stories` stories from that source, or a failure.
 */
export async function useIndexSource(
  extensionPage: TestPage,
  url: string,
  stories: number,
  timeoutMs = 30_000,
): Promise<IndexStatus> {
  await extensionPage.evaluate(async (source: string) => {
    const scope = globalThis as unknown as { browser?: StorageApi; chrome?: StorageApi };
    const api = (scope.browser ?? scope.chrome)!;
    const current = ((await api.storage.local.get('settings')).settings ?? {}) as object;
    await api.storage.local.set({ settings: { ...current, indexSource: source } });
  }, url);
  const deadline = Date.now() + timeoutMs;
  let status = await askBackgroundFrom(extensionPage, 'indexStatus', {});
  while (Date.now() < deadline) {
    if (status.source === url && status.stories === stories && !status.syncing) return status;
    await new Promise((resolve) => setTimeout(resolve, 300));
    // The settings watcher starts a sync by itself; asking again covers a missed one.
    status = await askBackgroundFrom(extensionPage, status.syncing ? 'indexStatus' : 'syncNow', {});
  }
  throw new Error(`The index from ${url} was not synced: ${JSON.stringify(status)}`);
}

interface StorageApi {
  storage: {
    local: {
      get(key: string): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
}
