/**
 * watchLocation on a small fake window: the events it listens to, the
 * debounce, the slow poll (the only signal a content script gets for the
 * page's own pushState), and a clean teardown through the AbortSignal.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { watchLocation } from '../../utils/page/spa';

class FakeWindow extends EventTarget {
  location = { href: 'https://www.reddit.com/r/LocalLLaMA/' };
  history: History;
  navigation = new EventTarget();
  constructor() {
    super();
    const loc = this.location;
    this.history = {
      pushState(_data: unknown, _unused: string, url?: string | URL | null) {
        if (url) loc.href = new URL(String(url), loc.href).href;
      },
      replaceState(_data: unknown, _unused: string, url?: string | URL | null) {
        if (url) loc.href = new URL(String(url), loc.href).href;
      },
    } as History;
  }
}

function setup() {
  const win = new FakeWindow();
  const seen: string[] = [];
  const controller = new AbortController();
  watchLocation((href) => seen.push(href), controller.signal, {
    win: win as unknown as Window,
    debounceMs: 100,
    pollMs: 1000,
  });
  return { win, seen, controller };
}

describe('watchLocation', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('fires once, debounced, after a burst of pushState calls from this world', () => {
    const { win, seen } = setup();
    win.history.pushState(null, '', '/r/LocalLLaMA/comments/1/a/');
    win.history.pushState(null, '', '/r/LocalLLaMA/comments/2/b/');
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(150);
    expect(seen).toEqual(['https://www.reddit.com/r/LocalLLaMA/comments/2/b/']);
  });

  it('fires on popstate and on replaceState, not when the address did not change', () => {
    const { win, seen } = setup();
    win.location.href = 'https://www.reddit.com/r/LocalLLaMA/comments/3/c/';
    win.dispatchEvent(new Event('popstate'));
    vi.advanceTimersByTime(150);
    win.dispatchEvent(new Event('popstate'));
    vi.advanceTimersByTime(150);
    win.history.replaceState(null, '', '/r/LocalLLaMA/comments/4/d/');
    vi.advanceTimersByTime(150);
    expect(seen).toEqual([
      'https://www.reddit.com/r/LocalLLaMA/comments/3/c/',
      'https://www.reddit.com/r/LocalLLaMA/comments/4/d/',
    ]);
  });

  it("notices the page's own navigation (invisible to an isolated world) through the poll", () => {
    const { win, seen } = setup();
    win.location.href = 'https://www.reddit.com/r/LocalLLaMA/comments/5/e/';
    vi.advanceTimersByTime(1000 + 150);
    expect(seen).toEqual(['https://www.reddit.com/r/LocalLLaMA/comments/5/e/']);
  });

  it('listens to the Navigation API where there is one', () => {
    const { win, seen } = setup();
    win.location.href = 'https://www.reddit.com/r/LocalLLaMA/comments/6/f/';
    win.navigation.dispatchEvent(new Event('navigatesuccess'));
    vi.advanceTimersByTime(150);
    expect(seen).toEqual(['https://www.reddit.com/r/LocalLLaMA/comments/6/f/']);
  });

  it('stops and restores history when the signal aborts, even with a change pending', () => {
    const { win, seen, controller } = setup();
    const wrapped = win.history.pushState;
    win.history.pushState(null, '', '/a');
    controller.abort();
    vi.advanceTimersByTime(5000);
    win.location.href = 'https://www.reddit.com/b';
    win.dispatchEvent(new Event('popstate'));
    vi.advanceTimersByTime(5000);
    expect(seen).toEqual([]);
    expect(win.history.pushState).not.toBe(wrapped);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('does nothing with an already aborted signal', () => {
    const win = new FakeWindow();
    const before = win.history.pushState;
    const controller = new AbortController();
    controller.abort();
    watchLocation(() => undefined, controller.signal, { win: win as unknown as Window });
    expect(win.history.pushState).toBe(before);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps watching when the callback throws', () => {
    const win = new FakeWindow();
    const seen: string[] = [];
    watchLocation(
      (href) => {
        seen.push(href);
        throw new Error('boom');
      },
      new AbortController().signal,
      { win: win as unknown as Window, debounceMs: 10 },
    );
    win.history.pushState(null, '', '/1');
    vi.advanceTimersByTime(20);
    win.history.pushState(null, '', '/2');
    vi.advanceTimersByTime(20);
    expect(seen).toHaveLength(2);
  });
});
