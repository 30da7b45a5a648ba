/**
 * The popup (issue 8), opened as a tab at chrome-extension://<id>/popup.html (a headless browser
 * has no toolbar to click; the document, scripts and messages are the same).
 *
 * Interactive: a main-world script added before the popup's own watches the DOM; when the search
 * box exists it posts a message, and the time that message is handled (the main thread is free
 * again, the box takes keys) counts from the navigation's start (performance.timeOrigin).
 * Baseline, same browser, same method: a blank extension page with one paragraph.
 *
 * First results: the query is committed into the focused box in one input event (CDP
 * Input.insertText, as a paste or an IME commit is); the time runs from that event's timeStamp
 * to the frame after the first result row appears in the list (requestAnimationFrame, then a
 * posted message). The popup asks the background, which searches its in-memory index.
 */
import type { Page } from 'playwright-core';

export function extensionPageWatcher(): void {
  if (!location.href.startsWith('chrome-extension://')) return;
  const selector = location.pathname.endsWith('/popup.html') ? '[data-testid="ct-search"]' : 'p';
  const marks: { ready: number | null; interactive: number | null } = {
    ready: null,
    interactive: null,
  };
  (window as unknown as { __ctOpen: typeof marks }).__ctOpen = marks;
  const check = () => {
    if (marks.ready !== null || !document.querySelector(selector)) return;
    marks.ready = performance.now();
    observer.disconnect();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      marks.interactive = performance.now();
    };
    channel.port2.postMessage(0);
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
}

export async function timeToInteractive(page: Page, url: string): Promise<number | null> {
  await page.goto(url, { waitUntil: 'load' });
  await page
    .waitForFunction(
      () =>
        (window as unknown as { __ctOpen?: { interactive: number | null } }).__ctOpen?.interactive,
      null,
      {
        timeout: 5000,
        polling: 20,
      },
    )
    .catch(() => undefined);
  return page.evaluate(
    () =>
      (window as unknown as { __ctOpen?: { interactive: number | null } }).__ctOpen?.interactive ??
      null,
  );
}

export async function timeToFirstResults(page: Page, query: string): Promise<number | null> {
  await page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('[data-testid="ct-search"]')!;
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await page.waitForFunction(
    () => !document.querySelector('[data-testid="ct-search-result"]'),
    null,
    {
      timeout: 3000,
      polling: 20,
    },
  );
  await page.evaluate(() => {
    const marks: { input: number | null; painted: number | null } = { input: null, painted: null };
    (window as unknown as { __ctSearch: typeof marks }).__ctSearch = marks;
    const input = document.querySelector<HTMLInputElement>('[data-testid="ct-search"]')!;
    input.addEventListener(
      'input',
      (e) => {
        marks.input = e.timeStamp;
      },
      { once: true, capture: true },
    );
    const list = document.getElementById('ct-results') ?? document.body;
    const observer = new MutationObserver(() => {
      if (!list.querySelector('[data-testid="ct-search-result"]')) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          marks.painted = performance.now();
        };
        channel.port2.postMessage(0);
      });
    });
    observer.observe(list, { childList: true, subtree: true });
    input.focus();
  });
  await page.keyboard.insertText(query);
  const done = await page
    .waitForFunction(
      () => (window as unknown as { __ctSearch: { painted: number | null } }).__ctSearch.painted,
      null,
      {
        timeout: 3000,
        polling: 10,
      },
    )
    .then(() => true)
    .catch(() => false);
  if (!done) return null;
  return page.evaluate(() => {
    const m = (
      window as unknown as { __ctSearch: { input: number | null; painted: number | null } }
    ).__ctSearch;
    return m.input === null || m.painted === null ? null : m.painted - m.input;
  });
}

/** Words a reader would type: the first long word of story titles, spread over the index. */
export function searchQueries(titles: readonly string[], count: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < count && titles.length > 0; i++) {
    const title = titles[Math.floor((i * titles.length) / count)]!;
    const word = title.split(/[^\p{L}\p{N}-]+/u).find((w) => w.length >= 4);
    if (word) out.push(word.toLowerCase());
  }
  return out;
}
