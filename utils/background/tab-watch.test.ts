/**
 * When the background reads a tab's page: after the load completes and the tab has been quiet,
 * once per burst of route changes, at the latest route, and never for a tab it cannot see.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LOAD_TIMEOUT_MS, QUIET_MS, TabWatch } from './tab-watch';

const A = 'https://www.reddit.com/r/LocalLLaMA/';
const B = 'https://www.reddit.com/r/LocalLLaMA/comments/1mieyhh/';

function watched() {
  const reads: { tabId: number; url: string; isCurrent: () => boolean }[] = [];
  let finish: () => void = () => undefined;
  const watch = new TabWatch({
    read: (tabId, url, isCurrent) => {
      reads.push({ tabId, url, isCurrent });
      return new Promise<void>((resolve) => (finish = resolve));
    },
  });
  return { watch, reads, finish: () => finish() };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('TabWatch', () => {
  it('reads a page once its load completes and the tab has been quiet', () => {
    const { watch, reads } = watched();
    watch.tabUpdated(1, { status: 'loading', url: A }, A);
    watch.tabUpdated(1, { title: 'r/LocalLLaMA' } as never, A);
    vi.advanceTimersByTime(QUIET_MS * 2);
    expect(reads).toEqual([]);
    watch.tabUpdated(1, { status: 'complete' }, A);
    vi.advanceTimersByTime(QUIET_MS - 1);
    expect(reads).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(reads.map((r) => [r.tabId, r.url])).toEqual([[1, A]]);
    expect(reads[0]!.isCurrent()).toBe(true);
    // Nothing more without news from the tab.
    vi.advanceTimersByTime(LOAD_TIMEOUT_MS * 2);
    expect(reads).toHaveLength(1);
  });

  it('reads a page whose load never completes after the load timeout', () => {
    const { watch, reads } = watched();
    watch.tabUpdated(1, { status: 'loading', url: A }, A);
    vi.advanceTimersByTime(LOAD_TIMEOUT_MS - 1);
    expect(reads).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(reads.map((r) => r.url)).toEqual([A]);
  });

  it('reads a burst of route changes once, at its last route', () => {
    const { watch, reads } = watched();
    for (let i = 0; i < 500; i++) {
      const url = `${A}?page=${i}`;
      watch.tabUpdated(1, { status: 'loading', url }, url);
      watch.tabUpdated(1, { status: 'complete' }, url);
      vi.advanceTimersByTime(10);
    }
    vi.advanceTimersByTime(QUIET_MS);
    expect(reads.map((r) => r.url)).toEqual([`${A}?page=499`]);
  });

  it('a change while a page is read makes that reading stale, and the new page is read', () => {
    const { watch, reads } = watched();
    watch.tabUpdated(1, { status: 'complete', url: A }, A);
    vi.advanceTimersByTime(QUIET_MS);
    watch.tabUpdated(1, { status: 'complete', url: B }, B);
    expect(reads[0]!.isCurrent()).toBe(false);
    vi.advanceTimersByTime(QUIET_MS);
    expect(reads.map((r) => r.url)).toEqual([A, B]);
    expect(reads[1]!.isCurrent()).toBe(true);
  });

  it('drops a tab it cannot see, and one that is closed', () => {
    const { watch, reads } = watched();
    watch.tabUpdated(1, { status: 'complete', url: A }, A);
    // The tab went to a site Crosstalk holds no permission for: the browser gives no address.
    watch.tabUpdated(1, { status: 'loading' }, undefined);
    watch.tabUpdated(2, { status: 'complete', url: B }, B);
    watch.tabRemoved(2);
    watch.tabUpdated(3, { status: 'complete' }, 'chrome://settings/');
    vi.advanceTimersByTime(LOAD_TIMEOUT_MS * 2);
    expect(reads).toEqual([]);
  });

  it('tabs are read on their own: news from one does not delay another', () => {
    const { watch, reads } = watched();
    watch.tabUpdated(1, { status: 'complete' }, A);
    vi.advanceTimersByTime(QUIET_MS - 10);
    watch.tabUpdated(2, { status: 'complete' }, B);
    vi.advanceTimersByTime(10);
    expect(reads.map((r) => r.tabId)).toEqual([1]);
    vi.advanceTimersByTime(QUIET_MS);
    expect(reads.map((r) => r.tabId)).toEqual([1, 2]);
    watch.readSoon(1, A);
    vi.advanceTimersByTime(QUIET_MS);
    expect(reads.map((r) => r.tabId)).toEqual([1, 2, 1]);
  });
});
