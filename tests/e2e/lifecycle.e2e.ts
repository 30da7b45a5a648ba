/**
 * The extension's lifecycle with tabs open (issue 10), in Chromium, where the DevTools protocol
 * can reload the extension and stop its service worker on demand. (Firefox's MV2 build has an
 * event page, not a service worker, and its temporary add-on cannot be reloaded through
 * WebDriver BiDi; storage full during an import is a unit test: tests/unit/index-quota.test.ts.)
 */
import type { CDPSession } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from './browsers';
import type { TestBrowser, TestPage } from './browsers';
import {
  HOSTILE_INDEX_URL,
  HOSTILE_STORY_TITLE,
  hostileIndex,
  hostileUrl,
  realArticleText,
  serveHostilePages,
  serveIndex,
  useIndexSource,
} from './pages';
import { askBackgroundFrom } from './probes';
import { startLocalWeb } from './server';
import type { LocalWeb } from './server';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const STORIES = hostileIndex().stories.length;
const PLAIN = hostileUrl('plain');
/** Another address of the story (the test index lists every hostile page's). */
const SECOND_ROUTE = hostileUrl('restyle');
const SECOND_ROUTE_PATH = new URL(SECOND_ROUTE).pathname;

/** In the page: how many Crosstalk hosts there are and whether one shows its tab. */
function hostsInPage(): { hosts: number; tabs: number } {
  let hosts = 0;
  let tabs = 0;
  const children = document.documentElement.children;
  for (let i = 0; i < children.length; i++) {
    const el = children[i]!;
    if (el.localName.indexOf('crosstalk-sidebar') !== 0) continue;
    hosts++;
    const tab = el.shadowRoot?.querySelector('[data-testid="ct-tab"]');
    if (tab && tab.getClientRects().length > 0) tabs++;
  }
  return { hosts, tabs };
}

/** Uncaught exceptions in every world of the page, as the DevTools protocol reports them. */
async function watchExceptions(page: TestPage): Promise<() => string[]> {
  const seen: string[] = [];
  const session: CDPSession = await page.playwright!.context().newCDPSession(page.playwright!);
  session.on('Runtime.exceptionThrown', (event) => {
    const d = event.exceptionDetails;
    seen.push(`${d.url ?? ''} ${d.exception?.description ?? d.text}`);
  });
  await session.send('Runtime.enable');
  return () => [...seen];
}

describe('chromium: extension lifecycle with tabs open', () => {
  let web: LocalWeb;
  let browser: TestBrowser;
  const opened: TestPage[] = [];

  async function open(url: string): Promise<TestPage> {
    const page = await browser.newPage();
    opened.push(page);
    await page.goto(url);
    return page;
  }

  async function waitForHosts(page: TestPage, want: { hosts: number; tabs: number }) {
    const deadline = Date.now() + 20_000;
    let last = await page.evaluate(hostsInPage, null);
    while (Date.now() < deadline) {
      if (last.hosts === want.hosts && last.tabs === want.tabs) return;
      await sleep(200);
      last = await page.evaluate(hostsInPage, null);
    }
    throw new Error(`Expected ${JSON.stringify(want)}, the page has ${JSON.stringify(last)}`);
  }

  beforeAll(async () => {
    web = await startLocalWeb();
    serveHostilePages(web, realArticleText());
    serveIndex(web, hostileIndex());
    browser = await launch('chromium', { proxyPort: web.port });
    const options = await open(`${browser.extensionBase}options.html`);
    await useIndexSource(options, HOSTILE_INDEX_URL, STORIES);
  });

  afterAll(async () => {
    while (opened.length > 0)
      await opened
        .pop()
        ?.close()
        .catch(() => undefined);
    await browser?.close();
    await web?.close();
  });

  it('a service worker stopped mid-request answers the next request after its start-up', async () => {
    const options = await open(`${browser.extensionBase}options.html`);
    const before = await askBackgroundFrom(options, 'search', { query: 'chatgpt' });
    expect(before.some((hit) => hit.title === HOSTILE_STORY_TITLE)).toBe(true);

    const cdp = await browser.chromiumContext!.newCDPSession(options.playwright!);
    const statuses: string[] = [];
    cdp.on('ServiceWorker.workerVersionUpdated', (event) => {
      for (const version of event.versions) {
        if (version.scriptURL.startsWith(browser.extensionBase)) {
          statuses.push(version.runningStatus);
        }
      }
    });
    await cdp.send('ServiceWorker.enable');

    // A request in flight, then the worker is stopped under it.
    const inFlight = askBackgroundFrom(options, 'search', { query: 'chatgpt' }).then(
      (hits) => ({ ok: true as const, hits }),
      (error: unknown) => ({ ok: false as const, error: String(error) }),
    );
    await cdp.send('ServiceWorker.stopAllWorkers');
    const first = await inFlight;
    // Either it answered before the stop, or it failed with words; it did not hang.
    if (first.ok) expect(first.hits.some((hit) => hit.title === HOSTILE_STORY_TITLE)).toBe(true);
    else expect(first.error.length).toBeGreaterThan(0);

    const deadline = Date.now() + 10_000;
    while (!statuses.includes('stopped') && Date.now() < deadline) await sleep(100);
    expect(statuses, 'the worker was seen stopped').toContain('stopped');

    // The next requests wake it; each answer waits for its init (database, index, matcher).
    const status = await askBackgroundFrom(options, 'indexStatus', {});
    expect(status.stories).toBe(STORIES);
    expect(status.source).toBe(HOSTILE_INDEX_URL);
    const after = await askBackgroundFrom(options, 'search', { query: 'chatgpt' });
    expect(after.map((hit) => hit.id)).toEqual(before.map((hit) => hit.id));

    // A page's load wakes it too, and the page gets its sidebar.
    await cdp.send('ServiceWorker.stopAllWorkers');
    const page = await open(PLAIN);
    await waitForHosts(page, { hosts: 1, tabs: 1 });
    await cdp.detach();
    // The next test finds its tab by URL: leave no other tab on it.
    while (opened.length > 0) await opened.pop()?.close();
  });

  // The page keeps its sidebar.js while the worker that injected it stops and a new one starts:
  // the new worker reads the page again on its next route change, drives the UI already there
  // (no second host), and takes it away where the new route has no story. A second injection of
  // sidebar.js while one runs (two readings racing) leaves the first in charge.
  it('a route change after the worker restarted: the same sidebar carries on, or leaves', async () => {
    const page = await open(PLAIN);
    const exceptions = await watchExceptions(page);
    await waitForHosts(page, { hosts: 1, tabs: 1 });
    // Mark the host, as the page sees it, to tell it from any later one.
    await page.evaluate(() => {
      const children = document.documentElement.children;
      for (let i = 0; i < children.length; i++) {
        if (children[i]!.localName.indexOf('crosstalk-sidebar') === 0) {
          (children[i] as unknown as { __first: boolean }).__first = true;
        }
      }
    }, null);
    const firstStill = () =>
      page.evaluate(() => {
        const children = document.documentElement.children;
        for (let i = 0; i < children.length; i++) {
          if ((children[i] as unknown as { __first?: boolean }).__first) return true;
        }
        return false;
      }, null);

    const cdp = await browser.chromiumContext!.newCDPSession(page.playwright!);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await sleep(500);

    // Same article at another of the story's addresses: read again by the new worker, shown in
    // the same host.
    await page.evaluate((path: string) => history.pushState({}, '', path), SECOND_ROUTE_PATH);
    await sleep(2000);
    expect(await page.evaluate(hostsInPage, null)).toEqual({ hosts: 1, tabs: 1 });
    expect(await firstStill()).toBe(true);

    // sidebar.js injected again by hand, three times: the copy in charge stays.
    const worker = browser
      .chromiumContext!.serviceWorkers()
      .find((w) => w.url().startsWith(browser.extensionBase));
    if (!worker) throw new Error('no extension service worker');
    for (let i = 0; i < 3; i++) {
      await worker.evaluate(async (url: string) => {
        const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
        const tabs = await api.tabs.query({ url });
        if (tabs.length !== 1 || tabs[0]?.id === undefined)
          throw new Error(`no single tab on ${url}`);
        await api.scripting.executeScript({ target: { tabId: tabs[0].id }, files: ['sidebar.js'] });
      }, SECOND_ROUTE);
    }
    await sleep(500);
    expect(await page.evaluate(hostsInPage, null)).toEqual({ hosts: 1, tabs: 1 });
    expect(await firstStill()).toBe(true);

    // A route about something else: the sidebar leaves the page.
    await page.evaluate(() => {
      document.title = 'Tomato seedlings: when to plant them out';
      const article = document.querySelector('article');
      if (article) {
        article.textContent =
          'Wait until the nights stay above ten degrees, then harden the seedlings off for a week.';
      }
      history.pushState({}, '', '/garden/tomatoes');
    }, null);
    await waitForHosts(page, { hosts: 0, tabs: 0 });
    await cdp.detach();
    expect(exceptions()).toEqual([]);
  });
});

interface ChromeApi {
  tabs: { query(filter: { url: string }): Promise<{ id?: number }[]> };
  scripting: {
    executeScript(options: { target: { tabId: number }; files: string[] }): Promise<unknown>;
  };
}
